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

int CreateKeyCommand::run(CommandContext &context) {
    SecretKeySpec spec;
    spec.label = context.value(QStringLiteral("label")).trimmed();
    if (spec.label.isEmpty())
        return context.usage(tr("create-key needs --label."));
    if (!secretKeys::parseKind(context.value(QStringLiteral("key-type")), &spec.kind))
        return context.usage(tr("--key-type must be generic, sha256-hmac or aes, not '%1'.")
                                 .arg(context.value(QStringLiteral("key-type"))));
    bool ok = false;
    spec.bytes = context.value(QStringLiteral("bytes")).toInt(&ok);
    if (!ok || spec.bytes <= 0)
        return context.usage(tr("--bytes must be a positive number of bytes."));
    const QString idHex = context.value(QStringLiteral("id")).trimmed();
    static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{2})+$"));
    if (!idHex.isEmpty() && !hex.match(idHex).hasMatch())
        return context.usage(tr("--id must be hex bytes, e.g. 01ab, not '%1'.").arg(idHex));
    spec.id = QByteArray::fromHex(idHex.toLatin1());
    // A label the HSM should never see (a line break, a control character) stops here.
    if (Status valid = secretKeys::validate(spec); !valid)
        return context.usage(valid.error().message);

    Result<SlotInfo> slot = context.selectToken();
    if (!slot)
        return context.fail(slot.error());
    Result<QList<SecretKeyKind>> kinds = await(context.client().creatableKeyKinds(slot->id));
    if (!kinds)
        return context.fail(kinds.error());
    if (!kinds->contains(spec.kind))
        return context.fail(tr("This token cannot generate %1 keys (it does not list "
                               "%2 for key generation).")
                                .arg(secretKeys::kindName(spec.kind),
                                     secretKeys::generationMechanismName(spec.kind)));
    Result<bool> loggedIn = context.logIn(slot.value(), true);
    if (!loggedIn)
        return context.fail(loggedIn.error());
    Result<ObjectInfo> key = await(context.client().createSecretKey(slot->id, spec));
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
