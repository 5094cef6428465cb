// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"

namespace hsm::cli {

class CheckKeyCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(CheckKeyCommand)

public:
    QString name() const override { return QStringLiteral("check-key"); }
    QString summary() const override {
        return tr("Check that the labelled key exists once and computes HMAC-SHA256.");
    }
    QList<QCommandLineOption> options() const override;

protected:
    Login needsLogin(const CommandContext &) const override { return Login::Required; }
    int runOnToken(CommandContext &context, const SelectedToken &token) override;
};

} // namespace hsm::cli
