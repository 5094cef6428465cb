// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"

namespace hsm::cli {

class ObjectsCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(ObjectsCommand)

public:
    QString name() const override { return QStringLiteral("objects"); }
    QString summary() const override {
        return tr("List the objects on the selected token (after login, if a PIN is "
                  "available).");
    }
    QList<QCommandLineOption> options() const override;

protected:
    // With a PIN from HSM_PIN, --pin-file or a terminal, the private objects too.
    Login needsLogin(const CommandContext &context) const override;
    int runOnToken(CommandContext &context, const SelectedToken &token) override;
};

} // namespace hsm::cli
