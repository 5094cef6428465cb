// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class SlotsCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(SlotsCommand)

public:
    QString name() const override { return QStringLiteral("slots"); }
    QString summary() const override {
        return tr("List the module's slots and the tokens in them.");
    }
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
