// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"
#include "core/fragment/FragmentFile.h"

namespace hsm::cli {

class DeriveCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(DeriveCommand)

public:
    QString name() const override { return QStringLiteral("derive"); }
    QString summary() const override {
        return tr("Derive a fragment's value through the HSM with HSM Admin's documented scheme "
                  "and print its fingerprint.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; } // standard fragments need no HSM

protected:
    std::optional<int> prepare(CommandContext &context) override;
    // Only the HSM types go to the token.
    bool needsToken(const CommandContext &) const override;
    Login needsLogin(const CommandContext &) const override { return Login::Required; }
    int runOnToken(CommandContext &context, const SelectedToken &token) override;
    int runWithoutToken(CommandContext &context) override;

private:
    int derive(CommandContext &context, std::optional<CK_SLOT_ID> slot);

    std::optional<FragmentFile> m_file;
    const CustomerFragment *m_fragment = nullptr; // in m_file
};

} // namespace hsm::cli
