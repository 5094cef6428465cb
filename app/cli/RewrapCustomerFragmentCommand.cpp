// SPDX-License-Identifier: Apache-2.0
#include "app/cli/RewrapCustomerFragmentCommand.h"

#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> RewrapCustomerFragmentCommand::options() const {
    return {
        QCommandLineOption(QStringLiteral("input-file"),
                           tr("The fragments file (default: customer_fragments.json)."),
                           QStringLiteral("file"), QStringLiteral("customer_fragments.json")),
        QCommandLineOption(QStringLiteral("cf-id"), tr("The id of the fragment to rewrap."),
                           QStringLiteral("id")),
        QCommandLineOption(QStringLiteral("new-kek-ref"), tr("The label of the new KEK."),
                           QStringLiteral("label")),
        QCommandLineOption(QStringLiteral("hsm-wrap-alg"),
                           tr("rsa-oaep-sha256, aes-gcm, aes-cbc or aes-cbc-pad (default: "
                              "rsa-oaep-sha256 for an RSA KEK; for an AES KEK the entry's AES "
                              "mode, else aes-gcm)."),
                           QStringLiteral("alg")),
    };
}

std::optional<int> RewrapCustomerFragmentCommand::prepare(CommandContext &context) {
    m_algorithm.reset();
    const QString id = context.value(QStringLiteral("cf-id")).trimmed();
    m_newKek = context.value(QStringLiteral("new-kek-ref")).trimmed();
    if (id.isEmpty())
        return context.usage(tr("rewrap-customer-fragment needs --cf-id."));
    if (m_newKek.isEmpty())
        return context.usage(tr("rewrap-customer-fragment needs --new-kek-ref."));
    if (context.isSet(QStringLiteral("hsm-wrap-alg"))) {
        WrapAlgorithm algorithm;
        const QString name = context.value(QStringLiteral("hsm-wrap-alg"));
        if (!keyEncryption::parseAlgorithm(name, &algorithm))
            return context.usage(tr("--hsm-wrap-alg must be rsa-oaep-sha256, aes-gcm, aes-cbc or "
                                    "aes-cbc-pad, not '%1'.")
                                     .arg(name));
        m_algorithm = algorithm;
    }
    const QString path = context.value(QStringLiteral("input-file"));
    Result<FragmentFile> file = FragmentFile::load(path);
    if (!file)
        return context.fail(file.error());
    m_file = std::move(file.value());
    const CustomerFragment *fragment = m_file.findById(id);
    if (!fragment)
        return context.fail(tr("%1 has no fragment with id '%2'.").arg(path, id));
    m_fragment = *fragment;
    if (m_fragment.type() != FragmentType::HsmWrapEncrypt)
        return context.fail(tr("%1 is %2; only hsm_wrap_encrypt fragments have a KEK to rotate.")
                                .arg(id, m_fragment.typeName()));
    if (m_newKek == m_fragment.keyLabel())
        return context.fail(
            tr("%1 is already encrypted under '%2'; name another KEK.").arg(id, m_newKek));
    if (Status writable = m_file.checkWritable(); !writable)
        return context.fail(writable.error());
    return std::nullopt;
}

int RewrapCustomerFragmentCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    Result<fragmentEncryption::Rewrapped> rewrapped =
        await(context.client().rewrapFragment(token.slot.id, m_fragment, m_newKek, m_algorithm));
    if (!rewrapped)
        return context.fail(rewrapped.error());
    // Read again under the file's lock, and written only over the entry that was rewrapped:
    // what other writers changed meanwhile is kept.
    const Result<FragmentFile> saved =
        FragmentFile::update(m_file.path(), false, [&](FragmentFile &file) -> Status {
            const CustomerFragment *current = file.findById(m_fragment.id());
            if (!current || current->json() != m_fragment.json())
                return Error::make(Error::Kind::Input,
                                   tr("The entry %1 in %2 changed while it was rewrapped; "
                                      "nothing was written. Run the command again.")
                                       .arg(m_fragment.id(), file.path()));
            return file.replaceById(rewrapped->fragment);
        });
    if (!saved)
        return context.fail(saved.error());
    m_file = saved.value();
    const CustomerFragment &f = rewrapped->fragment;
    if (context.format() == OutputFormat::Json) {
        context.printJson(
            QJsonObject{{QStringLiteral("id"), f.id()},
                        {QStringLiteral("old_key_label"), m_fragment.keyLabel()},
                        {QStringLiteral("key_label"), f.keyLabel()},
                        {QStringLiteral("wrap_alg"), f.wrapAlgorithmName()},
                        {QStringLiteral("fingerprint_before"), rewrapped->fingerprintBefore},
                        {QStringLiteral("fingerprint_after"), rewrapped->fingerprintAfter}});
        return 0;
    }
    context.out() << tr("%1 rewrapped from '%2' (%3) to '%4' (%5) in %6; the previous file is "
                        "%6.bak.")
                         .arg(f.id(), m_fragment.keyLabel(), m_fragment.wrapAlgorithmName(),
                              f.keyLabel(), f.wrapAlgorithmName(), m_file.path())
                  << '\n'
                  << tr("fingerprint before: %1").arg(rewrapped->fingerprintBefore) << '\n'
                  << tr("fingerprint after:  %1").arg(rewrapped->fingerprintAfter) << '\n';
    context.out().flush();
    return 0;
}

} // namespace hsm::cli
