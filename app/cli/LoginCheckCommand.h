// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"

namespace hsm::cli {

class LoginCheckCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(LoginCheckCommand)

public:
    QString name() const override { return QStringLiteral("login-check"); }
    QString summary() const override {
        return tr("Log in to the selected token, report the PIN state, log out.");
    }

protected:
    Login needsLogin(const CommandContext &) const override { return Login::Required; }
    int runOnToken(CommandContext &context, const SelectedToken &token) override;
};

} // namespace hsm::cli
