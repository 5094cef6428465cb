#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class CheckKeyCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(CheckKeyCommand)

public:
    QString name() const override { return QStringLiteral("check-key"); }
    QString summary() const override {
        return tr("Check that the labelled key exists once and computes HMAC-SHA256.");
    }
    QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
