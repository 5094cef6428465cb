#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class LoginCheckCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(LoginCheckCommand)

public:
    QString name() const override { return QStringLiteral("login-check"); }
    QString summary() const override {
        return tr("Log in to the selected token, report the PIN state, log out.");
    }
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
