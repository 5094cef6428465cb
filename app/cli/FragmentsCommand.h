// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class FragmentsCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(FragmentsCommand)

public:
    QString name() const override { return QStringLiteral("fragments"); }
    QString summary() const override {
        return tr("List the entries of a fragments file (never their values).");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; }
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
