#pragma once

#include "Command.h"

namespace hsm::cli {

class DeriveCommand : public Command {
public:
    QString name() const override { return QStringLiteral("derive"); }
    QString summary() const override {
        return QStringLiteral(
            "Derive a fragment's value through the HSM and print its fingerprint.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; } // standard fragments need no HSM
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
