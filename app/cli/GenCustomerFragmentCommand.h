// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"
#include "core/fragment/FragmentFile.h"
#include "core/fragment/FragmentGenerator.h"

namespace hsm::cli {

// The vendor CLI's gen-customer-fragment, with the same flags, writing the file itself.
class GenCustomerFragmentCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(GenCustomerFragmentCommand)

public:
    QString name() const override { return QStringLiteral("gen-customer-fragment"); }
    QString summary() const override {
        return tr("Generate a customer fragment and add it to customer_fragments.json.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; } // a standard fragment needs no HSM

protected:
    std::optional<int> prepare(CommandContext &context) override;
    // The HSM types, HSM_USE_RAND=true and --entropy hsm|mixed go to the token.
    bool needsToken(const CommandContext &) const override;
    // Only the HSM types use the token's key.
    Login needsLogin(const CommandContext &) const override;
    int runOnToken(CommandContext &context, const SelectedToken &token) override;
    int runWithoutToken(CommandContext &context) override;

private:
    bool hsmType() const { return m_request.type != FragmentType::Standard; }
    int generate(CommandContext &context, std::optional<CK_SLOT_ID> slot);

    FragmentRequest m_request;
    FragmentFile m_file;
    bool m_replace = false;
};

} // namespace hsm::cli
