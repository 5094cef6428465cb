// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"

namespace hsm::cli {

class EntropyCheckCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(EntropyCheckCommand)

public:
    QString name() const override { return QStringLiteral("entropy-check"); }
    QString summary() const override {
        return tr("Check the HSM's random number generator: health tests, chi-square, "
                  "speed.");
    }
    QList<QCommandLineOption> options() const override;

protected:
    std::optional<int> prepare(CommandContext &context) override;
    int runOnToken(CommandContext &context, const SelectedToken &token) override;

private:
    qint64 m_bytes = 0;
    double m_minEntropy = 0;
};

} // namespace hsm::cli
