// SPDX-License-Identifier: Apache-2.0
#include "app/cli/DeriveCommand.h"

#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> DeriveCommand::options() const {
    return {
        QCommandLineOption(QStringLiteral("fragments"), tr("The fragments file."),
                           QStringLiteral("file"), QStringLiteral("customer_fragments.json")),
        QCommandLineOption(QStringLiteral("id"), tr("The fragment's id."), QStringLiteral("id")),
        QCommandLineOption(QStringLiteral("name"), tr("The fragment's name."),
                           QStringLiteral("name")),
        QCommandLineOption(QStringLiteral("reveal"),
                           tr("Also print the derived value (a secret).")),
    };
}

std::optional<int> DeriveCommand::prepare(CommandContext &context) {
    m_file.reset();
    m_fragment = nullptr;
    const QString id = context.value(QStringLiteral("id"));
    const QString name = context.value(QStringLiteral("name"));
    if (id.isEmpty() == name.isEmpty())
        return context.usage(tr("derive needs exactly one of --id or --name."));
    const QString path = context.value(QStringLiteral("fragments"));
    Result<FragmentFile> file = FragmentFile::load(path);
    if (!file)
        return context.fail(file.error());
    m_file = std::move(file.value());
    if (id.isEmpty()) {
        // Which of two entries sharing a name is meant cannot be guessed.
        const QList<const CustomerFragment *> named = m_file->fragmentsNamed(name);
        if (named.size() > 1) {
            QStringList ids;
            for (const CustomerFragment *f : named)
                ids << f->id();
            return context.fail(tr("%1 has %2 fragments named '%3' (%4); select one with --id.")
                                    .arg(path)
                                    .arg(named.size())
                                    .arg(name, ids.join(QStringLiteral(", "))));
        }
    }
    m_fragment = id.isEmpty() ? m_file->findByName(name) : m_file->findById(id);
    if (!m_fragment)
        return context.fail(id.isEmpty() ? tr("%1 has no fragment named '%2'.").arg(path, name)
                                         : tr("%1 has no fragment with id '%2'.").arg(path, id));
    return std::nullopt;
}

bool DeriveCommand::needsToken(const CommandContext &) const {
    return m_fragment->isHsmType();
}

int DeriveCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    return derive(context, token.slot.id);
}

int DeriveCommand::runWithoutToken(CommandContext &context) {
    return derive(context, std::nullopt);
}

int DeriveCommand::derive(CommandContext &context, std::optional<CK_SLOT_ID> slot) {
    const CustomerFragment *fragment = m_fragment;
    const bool reveal = context.isSet(QStringLiteral("reveal"));
    Result<HsmClient::Derived> derived =
        await(context.client().deriveFragment(slot, *fragment, reveal));
    if (!derived)
        return context.fail(derived.error());
    if (context.format() == OutputFormat::Json) {
        QJsonObject o{{QStringLiteral("id"), fragment->id()},
                      {QStringLiteral("fingerprint"), derived->fingerprint}};
        if (reveal && derived->value)
            o.insert(QStringLiteral("value"),
                     QString::fromLatin1(
                         QByteArray(reinterpret_cast<const char *>(derived->value->data()),
                                    static_cast<qsizetype>(derived->value->size()))
                             .toBase64()));
        context.printJson(o);
    } else {
        context.out() << tr("fingerprint: %1").arg(derived->fingerprint) << '\n';
        if (reveal && derived->value) {
            QByteArray raw(reinterpret_cast<const char *>(derived->value->data()),
                           static_cast<qsizetype>(derived->value->size()));
            QByteArray encoded = raw.toBase64();
            context.out() << tr("value: ") << encoded << '\n';
            SecretBytes::take(raw);
            SecretBytes::take(encoded);
        }
        context.out().flush();
    }
    if (reveal)
        context.warn(tr("the derived value is a secret; it was printed because "
                        "--reveal was given."));
    // Only the HMAC types are derived; the scheme is ours, as the vendor publishes none.
    if (fragment->isDerivedType())
        context.note(tr("derived with HSM Admin's own documented scheme; the gateway's "
                        "derivation is not published. The fingerprint proves that this file, "
                        "this key and this scheme give this value, and that HSMs showing the "
                        "same fingerprint hold the same key; it is not the gateway's internal "
                        "value."));
    return 0;
}

} // namespace hsm::cli
