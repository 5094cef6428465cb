// SPDX-License-Identifier: Apache-2.0
#include "core/token/SecretKeys.h"

#include "core/pkcs11/FlagNames.h"
#include "core/token/Inventory.h"
#include "core/token/Labels.h"
#include "core/token/ObjectReader.h"

#include <openssl/rand.h>

namespace hsm::secretKeys {
namespace {

const char kCheckMessage[] = "hsm-admin key check";

// PKCS#11 3.0's CKM_SHA256_KEY_GEN, the generator for CKK_SHA256_HMAC keys; p11-kit
// 0.24's v2.40 header lacks it.
constexpr CK_MECHANISM_TYPE kSha256KeyGen = 0x4005UL;

Error inputError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

} // namespace

// Finds the one secret key the gateway would use for `label`.
Result<CK_OBJECT_HANDLE> findUnique(Session &session, const QString &label) {
    Result<QList<CK_OBJECT_HANDLE>> found = objectReader::secretKeysLabelled(session, label);
    if (!found)
        return found.error();
    if (found->isEmpty()) {
        CK_SESSION_INFO info{};
        HSM_P11(session.module(), C_GetSessionInfo, session.handle(), &info);
        const bool loggedIn =
            info.state == CKS_RO_USER_FUNCTIONS || info.state == CKS_RW_USER_FUNCTIONS;
        return inputError(loggedIn ? QStringLiteral("No secret key is labelled '%1' on this token; "
                                                    "create one (create-key --label %1).")
                                         .arg(label)
                                   : QStringLiteral("No secret key labelled '%1' is visible "
                                                    "without logging in; log in to see private "
                                                    "keys.")
                                         .arg(label));
    }
    if (found->size() > 1) {
        QStringList ids;
        for (CK_OBJECT_HANDLE h : found.value()) {
            Result<ObjectInfo> row = objectReader::read(session, h, CKO_SECRET_KEY);
            ids << (row ? (row->id.isEmpty() ? QStringLiteral("(no id)") : row->idHex())
                        : QStringLiteral("?"));
        }
        return inputError(QStringLiteral("%1 secret keys are labelled '%2' (ids %3); the gateway "
                                         "finds its key by label, so keep exactly one.")
                              .arg(found->size())
                              .arg(label, ids.join(QStringLiteral(", "))));
    }
    return found->first();
}

namespace {

// C_SignInit / C_Sign refusals in the words an operator needs.
Error explainSignFailure(const Module::CallResult &failed, const ObjectInfo &key) {
    Error e = failed.error();
    const QString type = key.keyTypeWord().isEmpty() ? QStringLiteral("this") : key.keyTypeWord();
    switch (failed.rv) {
    case CKR_KEY_TYPE_INCONSISTENT:
        e.message = QStringLiteral("This HSM does not do HMAC-SHA256 with a key of type %1 "
                                   "(SoftHSM, for one, refuses AES keys for HMAC); create a "
                                   "generic secret key.")
                        .arg(type);
        break;
    case CKR_KEY_SIZE_RANGE:
        e.message =
            QStringLiteral("The key%1 is shorter than this HSM's minimum for "
                           "HMAC-SHA256 (SoftHSM needs 32 bytes); create a longer key.")
                .arg(key.sizeBits > 0 ? QStringLiteral(" (%1 bits)").arg(key.sizeBits) : QString());
        break;
    case CKR_KEY_FUNCTION_NOT_PERMITTED:
        e.message = QStringLiteral("The key does not allow signing (CKA_SIGN is false), so it "
                                   "cannot compute HMACs; create a key with sign allowed.");
        break;
    case CKR_MECHANISM_INVALID:
        e.message = QStringLiteral("This token does not offer HMAC-SHA256 (CKM_SHA256_HMAC), "
                                   "which customer fragments need.");
        break;
    default:
        break;
    }
    return e;
}

Status sign(Session &session, CK_OBJECT_HANDLE key, const unsigned char *message, size_t size,
            unsigned char *mac, const ObjectInfo &info) {
    CK_MECHANISM mechanism{CKM_SHA256_HMAC, nullptr, 0};
    if (const Module::CallResult signInit =
            HSM_P11_CHECK(session.module(), C_SignInit, session.handle(), &mechanism, key);
        !signInit)
        return explainSignFailure(signInit, info);
    CK_ULONG length = 32;
    if (const Module::CallResult signing = HSM_P11_CHECK(session.module(), C_Sign, session.handle(),
                                                         const_cast<CK_BYTE_PTR>(message),
                                                         static_cast<CK_ULONG>(size), mac, &length);
        !signing)
        return explainSignFailure(signing, info);
    if (length != 32)
        return Error::make(
            Error::Kind::Pkcs11,
            QStringLiteral("C_Sign returned %1 bytes for HMAC-SHA256 instead of 32.").arg(length));
    return Done{};
}

Result<QByteArray> sign(Session &session, CK_OBJECT_HANDLE key, const QByteArray &message,
                        const ObjectInfo &info) {
    QByteArray mac(32, '\0');
    Status s = sign(session, key, reinterpret_cast<const unsigned char *>(message.constData()),
                    static_cast<size_t>(message.size()),
                    reinterpret_cast<unsigned char *>(mac.data()), info);
    if (!s)
        return s.error();
    return mac;
}

} // namespace

QString kindName(SecretKeyKind kind) {
    switch (kind) {
    case SecretKeyKind::Sha256Hmac:
        return QStringLiteral("sha256-hmac");
    case SecretKeyKind::Aes:
        return QStringLiteral("aes");
    case SecretKeyKind::Generic:
        break;
    }
    return QStringLiteral("generic");
}

bool parseKind(const QString &name, SecretKeyKind *kind) {
    for (SecretKeyKind k :
         {SecretKeyKind::Generic, SecretKeyKind::Sha256Hmac, SecretKeyKind::Aes}) {
        if (kindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

CK_MECHANISM_TYPE generationMechanism(SecretKeyKind kind) {
    switch (kind) {
    case SecretKeyKind::Aes:
        return CKM_AES_KEY_GEN;
    case SecretKeyKind::Sha256Hmac:
        return kSha256KeyGen;
    case SecretKeyKind::Generic:
        break;
    }
    return CKM_GENERIC_SECRET_KEY_GEN;
}

CK_KEY_TYPE keyType(SecretKeyKind kind) {
    switch (kind) {
    case SecretKeyKind::Sha256Hmac:
        return CKK_SHA256_HMAC;
    case SecretKeyKind::Aes:
        return CKK_AES;
    case SecretKeyKind::Generic:
        break;
    }
    return CKK_GENERIC_SECRET;
}

QString generationMechanismName(SecretKeyKind kind) {
    if (kind == SecretKeyKind::Sha256Hmac)
        return QStringLiteral("CKM_SHA256_KEY_GEN");
    return mechanismName(generationMechanism(kind));
}

Result<QList<SecretKeyKind>> creatableKinds(Module &module, CK_SLOT_ID slot) {
    Result<QList<MechanismInfo>> mechanisms = inventory::mechanisms(module, slot);
    if (!mechanisms)
        return mechanisms.error();
    QList<SecretKeyKind> out;
    for (SecretKeyKind k :
         {SecretKeyKind::Generic, SecretKeyKind::Sha256Hmac, SecretKeyKind::Aes}) {
        for (const MechanismInfo &m : mechanisms.value()) {
            if (m.type == generationMechanism(k) && (m.flagBits & CKF_GENERATE)) {
                out.append(k);
                break;
            }
        }
    }
    return out;
}

Status validate(const SecretKeySpec &spec) {
    const QString label = spec.label.trimmed();
    if (label.isEmpty())
        return inputError(
            QStringLiteral("A key needs a label: the gateway finds its key by label."));
    if (Status s = labels::requireOneLine(label, QStringLiteral("The key label")); !s)
        return s;
    if (spec.kind == SecretKeyKind::Aes && spec.bytes != 16 && spec.bytes != 24 && spec.bytes != 32)
        return inputError(
            QStringLiteral("An AES key is 16, 24 or 32 bytes, not %1.").arg(spec.bytes));
    if (spec.bytes < 16 || spec.bytes > 512)
        return inputError(QStringLiteral("A key of %1 bytes makes no sense for HMAC-SHA256; use "
                                         "32 (16 to 512 are accepted).")
                              .arg(spec.bytes));
    return Done{};
}

Result<ObjectInfo> create(Session &session, const SecretKeySpec &spec) {
    if (Status s = validate(spec); !s)
        return s.error();
    const QString label = spec.label.trimmed();
    Result<QList<CK_OBJECT_HANDLE>> existing = objectReader::secretKeysLabelled(session, label);
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return inputError(QStringLiteral("A secret key labelled '%1' already exists on this token; "
                                         "the gateway finds its key by label, so choose another.")
                              .arg(label));

    Result<CK_OBJECT_HANDLE> key = generate(session, spec);
    if (!key)
        return key.error();
    return objectReader::read(session, key.value(), CKO_SECRET_KEY);
}

Result<CK_OBJECT_HANDLE> generate(Session &session, const SecretKeySpec &spec) {
    QByteArray id = spec.id;
    if (id.isEmpty()) {
        id.resize(8);
        if (RAND_bytes(reinterpret_cast<unsigned char *>(id.data()), static_cast<int>(id.size())) !=
            1)
            return Error::make(
                Error::Kind::System,
                QStringLiteral("OpenSSL could not produce random bytes for the key id."));
    }
    QByteArray labelUtf8 = spec.label.trimmed().toUtf8();
    CK_OBJECT_CLASS cls = CKO_SECRET_KEY;
    CK_KEY_TYPE type = keyType(spec.kind);
    CK_ULONG length = static_cast<CK_ULONG>(spec.bytes);
    CK_BBOOL yes = CK_TRUE;
    CK_BBOOL no = CK_FALSE;
    // An AES key is a key-encryption key (keyEncryption): encrypt and decrypt only. Every
    // other kind is an HMAC key: sign and verify only.
    CK_BBOOL mac = spec.kind == SecretKeyKind::Aes ? CK_FALSE : CK_TRUE;
    CK_BBOOL cipher = spec.kind == SecretKeyKind::Aes ? CK_TRUE : CK_FALSE;
    CK_ATTRIBUTE attributes[] = {
        {CKA_CLASS, &cls, sizeof cls},
        {CKA_KEY_TYPE, &type, sizeof type},
        {CKA_VALUE_LEN, &length, sizeof length},
        {CKA_LABEL, labelUtf8.data(), static_cast<CK_ULONG>(labelUtf8.size())},
        {CKA_ID, id.data(), static_cast<CK_ULONG>(id.size())},
        {CKA_TOKEN, &yes, sizeof yes},
        {CKA_PRIVATE, &yes, sizeof yes},
        {CKA_SENSITIVE, &yes, sizeof yes},
        {CKA_SIGN, &mac, sizeof mac},
        {CKA_VERIFY, &mac, sizeof mac},
        {CKA_EXTRACTABLE, &no, sizeof no},
        {CKA_ENCRYPT, &cipher, sizeof cipher},
        {CKA_DECRYPT, &cipher, sizeof cipher},
        {CKA_WRAP, &no, sizeof no},
        {CKA_UNWRAP, &no, sizeof no},
        {CKA_DERIVE, &no, sizeof no},
    };
    CK_MECHANISM mechanism{generationMechanism(spec.kind), nullptr, 0};
    CK_OBJECT_HANDLE key = CK_INVALID_HANDLE;
    const Module::CallResult generated =
        HSM_P11_CHECK(session.module(), C_GenerateKey, session.handle(), &mechanism, attributes,
                      static_cast<CK_ULONG>(std::size(attributes)), &key);
    if (!generated) {
        Error e = generated.error();
        if (generated.rv == CKR_USER_NOT_LOGGED_IN)
            e.message = QStringLiteral("Creating a private key needs a login; log in first.");
        else if (generated.rv == CKR_MECHANISM_INVALID || generated.rv == CKR_TEMPLATE_INCONSISTENT)
            e.message += QStringLiteral(" This token cannot generate a %1 key of %2 bytes.")
                             .arg(kindName(spec.kind))
                             .arg(spec.bytes);
        return e;
    }
    return key;
}

Result<KeyCheckReport> check(Session &session, const QString &label) {
    Result<CK_OBJECT_HANDLE> key = findUnique(session, label);
    if (!key)
        return key.error();
    Result<ObjectInfo> info = objectReader::read(session, key.value(), CKO_SECRET_KEY);
    if (!info)
        return info.error();
    Result<QByteArray> mac = sign(session, key.value(), QByteArray(kCheckMessage), info.value());
    if (!mac)
        return mac.error();
    KeyCheckReport report;
    report.key = info.value();
    QStringList notes;
    if (info->has(ObjectInfo::Extractable))
        notes << QStringLiteral("it is extractable, so its value can leave the HSM");
    if (!info->has(ObjectInfo::Sensitive))
        notes << QStringLiteral("it is not sensitive");
    if (!info->has(ObjectInfo::Token))
        notes << QStringLiteral("it is a session key and disappears at logout");
    report.verdict = QStringLiteral("The key '%1' (%2, %3 bits, id %4) exists exactly once and "
                                    "computes HMAC-SHA256 in the HSM.")
                         .arg(label, info->keyTypeWord())
                         .arg(info->sizeBits)
                         .arg(info->id.isEmpty() ? QStringLiteral("none") : info->idHex());
    if (!notes.isEmpty())
        report.verdict +=
            QStringLiteral(" Note: ") + notes.join(QStringLiteral("; ")) + QLatin1Char('.');
    return report;
}

Result<QByteArray> hmacSha256(Session &session, const QString &label, const QByteArray &message) {
    Result<CK_OBJECT_HANDLE> key = findUnique(session, label);
    if (!key)
        return key.error();
    ObjectInfo info;
    info.handle = key.value();
    return sign(session, key.value(), message, info);
}

Status signHmac(Session &session, CK_OBJECT_HANDLE key, const unsigned char *message, size_t length,
                unsigned char *mac) {
    ObjectInfo info;
    info.handle = key;
    return sign(session, key, message, length, mac, info);
}

} // namespace hsm::secretKeys
