// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"

namespace hsm::cli {

class MechanismsCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(MechanismsCommand)

public:
    QString name() const override { return QStringLiteral("mechanisms"); }
    QString summary() const override {
        return tr("List the mechanisms of the selected slot's token.");
    }

protected:
    int runOnToken(CommandContext &context, const SelectedToken &token) override;
};

} // namespace hsm::cli
