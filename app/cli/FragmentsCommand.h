#pragma once

#include "Command.h"

namespace hsm::cli {

class FragmentsCommand : public Command {
public:
    QString name() const override { return QStringLiteral("fragments"); }
    QString summary() const override {
        return QStringLiteral("List the entries of a fragments file (never their values).");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; }
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
