#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class EntropyCheckCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(EntropyCheckCommand)

public:
    QString name() const override { return QStringLiteral("entropy-check"); }
    QString summary() const override {
        return tr("Check the HSM's random number generator: health tests, chi-square, "
                  "speed.");
    }
    QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
