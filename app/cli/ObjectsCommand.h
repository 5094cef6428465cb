#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class ObjectsCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(ObjectsCommand)

public:
    QString name() const override { return QStringLiteral("objects"); }
    QString summary() const override {
        return tr("List the objects on the selected token (after login, if a PIN is "
                  "available).");
    }
    QList<QCommandLineOption> options() const override;
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
