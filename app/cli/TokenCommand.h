// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/Command.h"

#include <optional>

namespace hsm::cli {

// A command that works on one token, as KeePassXC's DatabaseCommand works on an open
// database: run() selects the token (--slot, --token-label, ... or the gateway's HSM_*),
// logs in as the command needs, and hands the token to runOnToken(). Each step's error is
// the command's "error:" line, once for every command.
class TokenCommand : public Command {
public:
    enum class Login {
        None,     // never asks for a PIN
        Optional, // logs in when a PIN can be had (HSM_PIN, --pin-file, a terminal)
        Required, // logs in, or fails saying why not
    };

    // The selected token, and whether this run logged in to it.
    struct SelectedToken {
        SlotInfo slot;
        bool loggedIn = false;
    };

    int run(CommandContext &context) final;

protected:
    // Checks what needs no token (options, files) before the token is touched; an exit
    // status ends the run there.
    virtual std::optional<int> prepare(CommandContext &context);
    // Whether this run works on a token; when not, runWithoutToken() runs instead.
    // Asked after prepare(). A command whose needsModule() is false has the module loaded
    // only when this says yes.
    virtual bool needsToken(const CommandContext &context) const;
    virtual Login needsLogin(const CommandContext &context) const;
    // Checks on the selected token that refuse the work before a PIN is asked for; an
    // exit status ends the run there.
    virtual std::optional<int> checkBeforeLogin(CommandContext &context, const SlotInfo &slot);
    virtual int runOnToken(CommandContext &context, const SelectedToken &token) = 0;
    // For a command whose needsToken() can say no.
    virtual int runWithoutToken(CommandContext &context);
};

} // namespace hsm::cli
