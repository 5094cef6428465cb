#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class CreateKeyCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(CreateKeyCommand)

public:
    QString name() const override { return QStringLiteral("create-key"); }
    QString summary() const override {
        return tr("Create the secret key for HMAC-SHA256 on the selected token.");
    }
    QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
