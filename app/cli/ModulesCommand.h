// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/Command.h"

namespace hsm::cli {

class ModulesCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(ModulesCommand)

public:
    QString name() const override { return QStringLiteral("modules"); }
    QString summary() const override {
        return tr("List the PKCS#11 libraries found on this machine.");
    }
    bool needsModule() const override { return false; }
    int run(CommandContext &context) override;
};

} // namespace hsm::cli
