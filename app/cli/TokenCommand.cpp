// SPDX-License-Identifier: Apache-2.0
#include "app/cli/TokenCommand.h"

namespace hsm::cli {

int TokenCommand::run(CommandContext &context) {
    if (const std::optional<int> status = prepare(context))
        return *status;
    if (!needsToken(context))
        return runWithoutToken(context);
    // A command that needs the module only on some runs has it loaded now; CliApplication
    // loaded it for the others before run().
    if (!needsModule()) {
        if (Status loaded = context.loadModule(); !loaded)
            return context.fail(loaded.error());
    }
    Result<SlotInfo> slot = context.selectToken();
    if (!slot)
        return context.fail(slot.error());
    if (const std::optional<int> status = checkBeforeLogin(context, slot.value()))
        return *status;
    SelectedToken token{slot.value(), false};
    if (const Login login = needsLogin(context); login != Login::None) {
        Result<bool> loggedIn = context.logIn(token.slot, login == Login::Required);
        if (!loggedIn)
            return context.fail(loggedIn.error());
        token.loggedIn = loggedIn.value();
    }
    return runOnToken(context, token);
}

std::optional<int> TokenCommand::prepare(CommandContext &) {
    return std::nullopt;
}

bool TokenCommand::needsToken(const CommandContext &) const {
    return true;
}

TokenCommand::Login TokenCommand::needsLogin(const CommandContext &) const {
    return Login::None;
}

std::optional<int> TokenCommand::checkBeforeLogin(CommandContext &, const SlotInfo &) {
    return std::nullopt;
}

int TokenCommand::runWithoutToken(CommandContext &) {
    // needsToken() is true unless the command overrides both.
    Q_UNREACHABLE();
    return 1;
}

} // namespace hsm::cli
