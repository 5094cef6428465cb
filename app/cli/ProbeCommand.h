// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class ProbeCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(ProbeCommand)

public:
    QString name() const override { return QStringLiteral("probe"); }
    QString summary() const override {
        return tr("Check that a running gateway answers on its ports and /health.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; }
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
