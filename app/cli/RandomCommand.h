#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class RandomCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(RandomCommand)

public:
    QString name() const override { return QStringLiteral("random"); }
    QString summary() const override {
        return tr("Random bytes from the HSM (health-tested), the OS, or both mixed.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; } // --source os needs none
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
