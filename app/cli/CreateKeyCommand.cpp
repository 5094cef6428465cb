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
                           tr("generic or sha256-hmac (an HMAC key), or rsa or aes (a "
                              "key-encryption key for hsm_wrap_encrypt); default: generic."),
                           QStringLiteral("type"), QStringLiteral("generic")),
        QCommandLineOption(QStringLiteral("bytes"),
                           tr("Key length in bytes (default: 32; AES: 16, 24 or 32)."),
                           QStringLiteral("n"), QStringLiteral("32")),
        QCommandLineOption(QStringLiteral("bits"),
                           tr("RSA modulus length: 2048 (default), 3072 or 4096."),
                           QStringLiteral("n"), QStringLiteral("2048")),
        QCommandLineOption(QStringLiteral("id"), tr("CKA_ID in hex (default: 8 random bytes)."),
                           QStringLiteral("hex")),
    };
}

std::optional<int> CreateKeyCommand::prepare(CommandContext &context) {
    m_spec = SecretKeySpec();
    m_kek.reset();
    m_spec.label = context.value(QStringLiteral("label")).trimmed();
    if (m_spec.label.isEmpty())
        return context.usage(tr("create-key needs --label."));
    const QString type = context.value(QStringLiteral("key-type"));
    const bool rsa = type == QLatin1String("rsa");
    if (!rsa && !secretKeys::parseKind(type, &m_spec.kind))
        return context.usage(
            tr("--key-type must be generic, sha256-hmac, rsa or aes, not '%1'.").arg(type));
    bool ok = false;
    m_spec.bytes = context.value(QStringLiteral("bytes")).toInt(&ok);
    if (!ok || m_spec.bytes <= 0)
        return context.usage(tr("--bytes must be a positive number of bytes."));
    if (context.isSet(QStringLiteral("bits")) && !rsa)
        return context.usage(tr("--bits is for --key-type rsa; other keys take --bytes."));
    if (context.isSet(QStringLiteral("bytes")) && rsa)
        return context.usage(tr("An RSA key's size is given with --bits, not --bytes."));
    const QString idHex = context.value(QStringLiteral("id")).trimmed();
    static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{2})+$"));
    if (!idHex.isEmpty() && !hex.match(idHex).hasMatch())
        return context.usage(tr("--id must be hex bytes, e.g. 01ab, not '%1'.").arg(idHex));
    m_spec.id = QByteArray::fromHex(idHex.toLatin1());
    if (rsa || m_spec.kind == SecretKeyKind::Aes) {
        KekSpec kek;
        kek.label = m_spec.label;
        kek.kind = rsa ? KekKind::Rsa : KekKind::Aes;
        kek.aesBytes = m_spec.bytes;
        kek.rsaBits = context.value(QStringLiteral("bits")).toInt(&ok);
        if (rsa && !ok)
            return context.usage(tr("--bits must be 2048, 3072 or 4096."));
        kek.id = m_spec.id;
        if (Status valid = keyEncryption::validate(kek); !valid)
            return context.usage(valid.error().message);
        m_kek = kek;
        return std::nullopt;
    }
    // A label the HSM should never see (a line break, a control character) stops here.
    if (Status valid = secretKeys::validate(m_spec); !valid)
        return context.usage(valid.error().message);
    return std::nullopt;
}

std::optional<int> CreateKeyCommand::checkBeforeLogin(CommandContext &context,
                                                      const SlotInfo &slot) {
    if (m_kek && m_kek->kind == KekKind::Rsa) {
        Result<QList<MechanismInfo>> mechanisms = await(context.client().mechanisms(slot.id));
        if (!mechanisms)
            return context.fail(mechanisms.error());
        for (const MechanismInfo &m : mechanisms.value()) {
            if (m.type == CKM_RSA_PKCS_KEY_PAIR_GEN)
                return std::nullopt;
        }
        return context.fail(tr("This token cannot generate RSA key pairs (it does not list "
                               "CKM_RSA_PKCS_KEY_PAIR_GEN)."));
    }
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
    Result<ObjectInfo> key = m_kek ? await(context.client().createKek(token.slot.id, *m_kek))
                                   : await(context.client().createSecretKey(token.slot.id, m_spec));
    if (!key)
        return context.fail(key.error());
    if (context.format() == OutputFormat::Json)
        context.printJson(objectJson(key.value()));
    else if (m_kek && m_kek->kind == KekKind::Rsa)
        context.out() << tr("Created RSA key pair '%1' (%2 bits, id %3): the private key "
                            "decrypts and unwraps, the public key encrypts and wraps.")
                             .arg(key->label)
                             .arg(key->sizeBits)
                             .arg(key->idHex())
                      << Qt::endl;
    else if (m_kek)
        context.out() << tr("Created AES key '%1' (%2 bits, id %3) for encrypt and decrypt "
                            "only: a key-encryption key.")
                             .arg(key->label)
                             .arg(key->sizeBits)
                             .arg(key->idHex())
                      << Qt::endl;
    else
        context.out() << tr("Created secret key '%1' (%2, %n bits, id %3).", nullptr,
                            static_cast<int>(key->sizeBits))
                             .arg(key->label, key->keyTypeWord(), key->idHex())
                      << Qt::endl;
    return 0;
}

} // namespace hsm::cli
