#pragma once

#include "Command.h"

namespace hsm::cli {

class EntropyCheckCommand : public Command {
public:
    QString name() const override { return QStringLiteral("entropy-check"); }
    QString summary() const override {
        return QStringLiteral("Check the HSM's random number generator: health tests, chi-square, "
                              "speed.");
    }
    QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
