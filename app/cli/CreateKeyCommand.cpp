// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CreateKeyCommand.h"

#include "app/cli/JsonOutput.h"

#include <QRegularExpression>

namespace hsm::cli {

QList<QCommandLineOption> CreateKeyCommand::options() const {
    return {
        QCommandLineOption(QStringLiteral("label"),
                           tr("The key's label, as the gateway will look it up."),
                           QStringLiteral("label")),
        QCommandLineOption(QStringLiteral("key-type"),
                           tr("generic, sha256-hmac or aes (default: generic)."),
                           QStringLiteral("type"), QStringLiteral("generic")),
        QCommandLineOption(QStringLiteral("bytes"), tr("Key length in bytes (default: 32)."),
                           QStringLiteral("n"), QStringLiteral("32")),
        QCommandLineOption(QStringLiteral("id"), tr("CKA_ID in hex (default: 8 random bytes)."),
                           QStringLiteral("hex")),
    };
}

std::optional<int> CreateKeyCommand::prepare(CommandContext &context) {
    m_spec = SecretKeySpec();
    m_spec.label = context.value(QStringLiteral("label")).trimmed();
    if (m_spec.label.isEmpty())
        return context.usage(tr("create-key needs --label."));
    if (!secretKeys::parseKind(context.value(QStringLiteral("key-type")), &m_spec.kind))
        return context.usage(tr("--key-type must be generic, sha256-hmac or aes, not '%1'.")
                                 .arg(context.value(QStringLiteral("key-type"))));
    bool ok = false;
    m_spec.bytes = context.value(QStringLiteral("bytes")).toInt(&ok);
    if (!ok || m_spec.bytes <= 0)
        return context.usage(tr("--bytes must be a positive number of bytes."));
    const QString idHex = context.value(QStringLiteral("id")).trimmed();
    static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{2})+$"));
    if (!idHex.isEmpty() && !hex.match(idHex).hasMatch())
        return context.usage(tr("--id must be hex bytes, e.g. 01ab, not '%1'.").arg(idHex));
    m_spec.id = QByteArray::fromHex(idHex.toLatin1());
    // A label the HSM should never see (a line break, a control character) stops here.
    if (Status valid = secretKeys::validate(m_spec); !valid)
        return context.usage(valid.error().message);
    return std::nullopt;
}

std::optional<int> CreateKeyCommand::checkBeforeLogin(CommandContext &context,
                                                      const SlotInfo &slot) {
    Result<QList<SecretKeyKind>> kinds = await(context.client().creatableKeyKinds(slot.id));
    if (!kinds)
        return context.fail(kinds.error());
    if (!kinds->contains(m_spec.kind))
        return context.fail(tr("This token cannot generate %1 keys (it does not list "
                               "%2 for key generation).")
                                .arg(secretKeys::kindName(m_spec.kind),
                                     secretKeys::generationMechanismName(m_spec.kind)));
    return std::nullopt;
}

int CreateKeyCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    Result<ObjectInfo> key = await(context.client().createSecretKey(token.slot.id, m_spec));
    if (!key)
        return context.fail(key.error());
    if (context.format() == OutputFormat::Json)
        context.printJson(objectJson(key.value()));
    else
        context.out() << tr("Created secret key '%1' (%2, %n bits, id %3).", nullptr,
                            static_cast<int>(key->sizeBits))
                             .arg(key->label, key->keyTypeWord(), key->idHex())
                      << Qt::endl;
    return 0;
}

} // namespace hsm::cli
