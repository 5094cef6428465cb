// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"

namespace hsm::cli {

class CheckKeyCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(CheckKeyCommand)

public:
    QString name() const override { return QStringLiteral("check-key"); }
    QString summary() const override {
        return tr("Check that the labelled key exists once and works: HMAC-SHA256, or for a "
                  "key-encryption key an encrypt/decrypt round trip.");
    }
    QList<QCommandLineOption> options() const override;

protected:
    Login needsLogin(const CommandContext &) const override { return Login::Required; }
    int runOnToken(CommandContext &context, const SelectedToken &token) override;

private:
    int checkKek(CommandContext &context, const SelectedToken &token, const QString &label);
    // Why an AES key is no HMAC key on most modules, and what to ask the HSM team for.
    static QString hmacKeyAdvice();
};

} // namespace hsm::cli
