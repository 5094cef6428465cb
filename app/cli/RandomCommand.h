// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/TokenCommand.h"
#include "core/entropy/RandomSource.h"
#include "core/files/StreamEncoder.h"

namespace hsm::cli {

class RandomCommand : public TokenCommand {
    Q_DECLARE_TR_FUNCTIONS(RandomCommand)

public:
    QString name() const override { return QStringLiteral("random"); }
    QString summary() const override {
        return tr("Random bytes from the HSM (health-tested), the OS, or both mixed.");
    }
    QList<QCommandLineOption> options() const override;
    bool needsModule() const override { return false; } // --source os needs none

protected:
    std::optional<int> prepare(CommandContext &context) override;
    // --source hsm and mixed draw from the token, without a login.
    bool needsToken(const CommandContext &) const override;
    int runOnToken(CommandContext &context, const SelectedToken &token) override;
    int runWithoutToken(CommandContext &context) override;

private:
    int stream(CommandContext &context, std::optional<CK_SLOT_ID> slot);

    qint64 m_bytes = 0;
    StreamEncoder::Encoding m_encoding = StreamEncoder::Encoding::Raw;
    EntropySource m_source = EntropySource::Hsm;
    QString m_out;
};

} // namespace hsm::cli
