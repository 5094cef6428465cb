// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class PreflightCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(PreflightCommand)

public:
    QString name() const override { return QStringLiteral("preflight"); }
    QString summary() const override {
        return tr("Check the gateway's HSM settings and fragments before deploying.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; } // the gateway's settings name it
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
