// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"
#include "core/fragment/FragmentFile.h"
#include "core/token/KeyEncryption.h"

namespace hsm::cli {

// The vendor CLI's rewrap-customer-fragment, with its flags: moves one hsm_wrap_encrypt
// entry to another KEK in the HSM and rewrites only that entry.
class RewrapCustomerFragmentCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(RewrapCustomerFragmentCommand)

public:
    QString name() const override { return QStringLiteral("rewrap-customer-fragment"); }
    QString summary() const override {
        return tr("Rotate the KEK of an hsm_wrap_encrypt fragment, keeping the fragment.");
    }
    QList<QCommandLineOption> options() const override;

protected:
    // The file, the entry and the new label are checked before the token is touched.
    std::optional<int> prepare(CommandContext &context) override;
    Login needsLogin(const CommandContext &) const override { return Login::Required; }
    int runOnToken(CommandContext &context, const SelectedToken &token) override;

private:
    FragmentFile m_file;
    CustomerFragment m_fragment;
    QString m_newKek;
    std::optional<WrapAlgorithm> m_algorithm;
};

} // namespace hsm::cli
