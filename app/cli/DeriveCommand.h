#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class DeriveCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(DeriveCommand)

public:
    QString name() const override { return QStringLiteral("derive"); }
    QString summary() const override {
        return tr("Derive a fragment's value through the HSM and print its fingerprint.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; } // standard fragments need no HSM
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
