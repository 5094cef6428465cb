// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class ExportConfigCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(ExportConfigCommand)

public:
    QString name() const override { return QStringLiteral("export-config"); }
    QString summary() const override {
        return tr("Print the gateway's deployment settings for docker, compose or "
                  "Kubernetes.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; }      // a configuration, not an HSM task
    bool usesOutputFormat() const override { return false; } // --format names the deployment
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
