#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class MechanismsCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(MechanismsCommand)

public:
    QString name() const override { return QStringLiteral("mechanisms"); }
    QString summary() const override {
        return tr("List the mechanisms of the selected slot's token.");
    }
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
