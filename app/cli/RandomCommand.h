#pragma once

#include "Command.h"

namespace hsm::cli {

class RandomCommand : public Command {
public:
    QString name() const override { return QStringLiteral("random"); }
    QString summary() const override {
        return QStringLiteral("Random bytes from the HSM (health-tested), the OS, or both mixed.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; } // --source os needs none
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
