// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"
#include "core/token/KeyEncryption.h"
#include "core/token/SecretKeys.h"

namespace hsm::cli {

class CreateKeyCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(CreateKeyCommand)

public:
    QString name() const override { return QStringLiteral("create-key"); }
    QString summary() const override {
        return tr("Create the HMAC-SHA256 key, or a key-encryption key (RSA key pair or AES), on "
                  "the selected token.");
    }
    QList<QCommandLineOption> options() const override;

protected:
    std::optional<int> prepare(CommandContext &context) override;
    Login needsLogin(const CommandContext &) const override { return Login::Required; }
    // A token that cannot make the key says so before a PIN is asked for.
    std::optional<int> checkBeforeLogin(CommandContext &context, const SlotInfo &slot) override;
    int runOnToken(CommandContext &context, const SelectedToken &token) override;

private:
    SecretKeySpec m_spec;
    std::optional<KekSpec> m_kek; // rsa and aes make a KEK (keyEncryption)
};

} // namespace hsm::cli
