// SPDX-License-Identifier: Apache-2.0
#include "core/token/KeyEncryption.h"

#include "core/base/ReturnValues.h"
#include "core/pkcs11/AttributeTemplate.h"
#include "core/token/Labels.h"
#include "core/token/ObjectReader.h"
#include "core/token/SecretKeys.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <optional>

namespace hsm::keyEncryption {
namespace {

// The largest RSA ciphertext we accept (8192-bit modulus), and the most an AES mode adds
// to its input: bounds for buffers a module's answer must fit.
constexpr size_t kMaxRsaBytes = 1024;
constexpr size_t kAesOverhead = 32;

Error inputError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

struct KeyObject {
    CK_OBJECT_HANDLE handle = CK_INVALID_HANDLE;
    CK_OBJECT_CLASS objectClass = CK_UNAVAILABLE_INFORMATION;
    CK_KEY_TYPE keyType = CK_UNAVAILABLE_INFORMATION;
    bool encrypt = false;
};

// Every key labelled `label` with its class and key type, one C_GetAttributeValue each.
Result<QList<KeyObject>> keysLabelled(Session &session, const QString &label) {
    QByteArray wanted = label.toUtf8();
    CK_ATTRIBUTE search[] = {
        {CKA_LABEL, wanted.data(), static_cast<CK_ULONG>(wanted.size())},
    };
    Result<QList<CK_OBJECT_HANDLE>> found = session.find(search, 1);
    if (!found)
        return found.error();
    QList<KeyObject> out;
    for (CK_OBJECT_HANDLE handle : found.value()) {
        AttributeTemplate t;
        const int cls = t.addUlong(CKA_CLASS);
        const int type = t.addUlong(CKA_KEY_TYPE);
        const int encrypt = t.addBool(CKA_ENCRYPT);
        if (Status s = t.read(session, handle); !s)
            return s.error();
        KeyObject key;
        key.handle = handle;
        key.objectClass = t.has(cls) ? t.ulongAt(cls) : CK_UNAVAILABLE_INFORMATION;
        key.keyType = t.has(type) ? t.ulongAt(type) : CK_UNAVAILABLE_INFORMATION;
        key.encrypt = t.has(encrypt) && t.boolAt(encrypt);
        if (key.objectClass == CKO_SECRET_KEY || key.objectClass == CKO_PUBLIC_KEY ||
            key.objectClass == CKO_PRIVATE_KEY)
            out.append(key);
    }
    return out;
}

bool loggedIn(Session &session) {
    CK_SESSION_INFO info{};
    if (!HSM_P11_CHECK(session.module(), C_GetSessionInfo, session.handle(), &info))
        return false;
    return info.state == CKS_RO_USER_FUNCTIONS || info.state == CKS_RW_USER_FUNCTIONS;
}

QString describeKeys(const QList<KeyObject> &keys) {
    QStringList words;
    for (const KeyObject &k : keys) {
        ObjectInfo info;
        info.objectClass = k.objectClass;
        info.keyType = k.keyType;
        words << QStringLiteral("%1 %2").arg(info.keyTypeWord(), info.classWord());
    }
    words.removeDuplicates();
    return words.join(QStringLiteral(", "));
}

// The one key that does `algorithm`'s half of the work: the RSA public key to encrypt,
// the private key to decrypt, or the AES key for both.
Result<CK_OBJECT_HANDLE> kekFor(Session &session, const QString &label, WrapAlgorithm algorithm,
                                bool forEncrypt) {
    if (label.trimmed().isEmpty())
        return inputError(QStringLiteral("An hsm_wrap_encrypt fragment needs the label of its "
                                         "key-encryption key (key_label)."));
    Result<QList<KeyObject>> keys = keysLabelled(session, label);
    if (!keys)
        return keys.error();
    const bool rsa = kekKind(algorithm) == KekKind::Rsa;
    const CK_OBJECT_CLASS wantedClass =
        rsa ? (forEncrypt ? CKO_PUBLIC_KEY : CKO_PRIVATE_KEY) : CKO_SECRET_KEY;
    const CK_KEY_TYPE wantedType = rsa ? CKK_RSA : CKK_AES;
    QList<CK_OBJECT_HANDLE> matching;
    for (const KeyObject &k : keys.value()) {
        if (k.objectClass == wantedClass && k.keyType == wantedType)
            matching.append(k.handle);
    }
    const QString name = algorithmName(algorithm);
    if (matching.size() == 1)
        return matching.first();
    if (matching.size() > 1)
        return inputError(QStringLiteral("%1 keys fit '%2' for %3; the gateway finds its KEK by "
                                         "label, so keep exactly one.")
                              .arg(matching.size())
                              .arg(label, name));
    if (keys->isEmpty())
        return inputError(loggedIn(session)
                              ? QStringLiteral("No key is labelled '%1' on this token; create the "
                                               "KEK first (create-key --label %1 --key-type %2).")
                                    .arg(label, kindName(kekKind(algorithm)))
                              : QStringLiteral("No key labelled '%1' is visible without logging "
                                               "in; log in to see private keys.")
                                    .arg(label));
    const QString wanted = rsa ? (forEncrypt ? QStringLiteral("an RSA public key")
                                             : QStringLiteral("an RSA private key"))
                               : QStringLiteral("an AES secret key");
    return inputError(QStringLiteral("The key '%1' is %2, not %3: %4 needs %3. Choose a KEK of "
                                     "that kind or another --hsm-wrap-alg.")
                          .arg(label, describeKeys(keys.value()), wanted, name));
}

// The mechanism with its parameters, which must outlive the C_*Init call.
struct Mechanism {
    CK_MECHANISM mechanism{};
    CK_RSA_PKCS_OAEP_PARAMS oaep{};
    CK_GCM_PARAMS gcm{};
    QByteArray iv;

    Mechanism(WrapAlgorithm algorithm, QByteArray ivBytes)
        : iv(std::move(ivBytes)) {
        mechanism.mechanism = keyEncryption::mechanism(algorithm);
        switch (algorithm) {
        case WrapAlgorithm::RsaOaepSha256:
            oaep.hashAlg = CKM_SHA256;
            oaep.mgf = CKG_MGF1_SHA256;
            oaep.source = CKZ_DATA_SPECIFIED;
            oaep.pSourceData = nullptr;
            oaep.ulSourceDataLen = 0;
            mechanism.pParameter = &oaep;
            mechanism.ulParameterLen = sizeof oaep;
            break;
        case WrapAlgorithm::AesGcm:
            gcm.pIv = reinterpret_cast<unsigned char *>(iv.data());
            gcm.ulIvLen = static_cast<CK_ULONG>(iv.size());
            gcm.ulIvBits = static_cast<CK_ULONG>(iv.size()) * 8;
            gcm.pAAD = nullptr;
            gcm.ulAADLen = 0;
            gcm.ulTagBits = kGcmTagSize * 8;
            mechanism.pParameter = &gcm;
            mechanism.ulParameterLen = sizeof gcm;
            break;
        case WrapAlgorithm::AesCbc:
        case WrapAlgorithm::AesCbcPad:
            mechanism.pParameter = iv.data();
            mechanism.ulParameterLen = static_cast<CK_ULONG>(iv.size());
            break;
        }
    }
    Mechanism(const Mechanism &) = delete;
    Mechanism &operator=(const Mechanism &) = delete;
};

// A module that refuses the mechanism or its parameters, said so that the operator knows
// the next step.
Error refused(const Module::CallResult &r, WrapAlgorithm algorithm) {
    Error e = r.error();
    const bool mechanismRefused = r.rv == CKR_MECHANISM_INVALID ||
                                  r.rv == CKR_MECHANISM_PARAM_INVALID || r.rv == CKR_ARGUMENTS_BAD;
    if (!mechanismRefused)
        return e;
    QString message;
    if (algorithm == WrapAlgorithm::RsaOaepSha256)
        message = QStringLiteral("This module does not do RSA-OAEP with SHA-256 and "
                                 "MGF1-SHA256 (%1 returned %2; SoftHSM 2.6 does OAEP only with "
                                 "SHA-1). Use an AES KEK with --hsm-wrap-alg aes-gcm.")
                      .arg(QLatin1String(r.function), returnValueName(r.rv));
    else
        message =
            QStringLiteral("This module does not do %1 (%2 returned %3); choose another "
                           "--hsm-wrap-alg.")
                .arg(algorithmName(algorithm), QLatin1String(r.function), returnValueName(r.rv));
    return inputError(message);
}

QByteArray joined(const WrappedValue &value) {
    return value.ciphertext + value.tag;
}

} // namespace

QString algorithmName(WrapAlgorithm algorithm) {
    switch (algorithm) {
    case WrapAlgorithm::RsaOaepSha256:
        return QStringLiteral("rsa-oaep-sha256");
    case WrapAlgorithm::AesGcm:
        return QStringLiteral("aes-gcm");
    case WrapAlgorithm::AesCbc:
        return QStringLiteral("aes-cbc");
    case WrapAlgorithm::AesCbcPad:
        return QStringLiteral("aes-cbc-pad");
    }
    return QString();
}

QStringList algorithmNames() {
    QStringList out;
    for (WrapAlgorithm a : {WrapAlgorithm::RsaOaepSha256, WrapAlgorithm::AesGcm,
                            WrapAlgorithm::AesCbc, WrapAlgorithm::AesCbcPad})
        out << algorithmName(a);
    return out;
}

bool parseAlgorithm(const QString &name, WrapAlgorithm *algorithm) {
    for (WrapAlgorithm a : {WrapAlgorithm::RsaOaepSha256, WrapAlgorithm::AesGcm,
                            WrapAlgorithm::AesCbc, WrapAlgorithm::AesCbcPad}) {
        if (algorithmName(a) == name) {
            *algorithm = a;
            return true;
        }
    }
    return false;
}

KekKind kekKind(WrapAlgorithm algorithm) {
    return algorithm == WrapAlgorithm::RsaOaepSha256 ? KekKind::Rsa : KekKind::Aes;
}

QString kindName(KekKind kind) {
    return kind == KekKind::Rsa ? QStringLiteral("rsa") : QStringLiteral("aes");
}

QList<WrapAlgorithm> algorithms(KekKind kind) {
    if (kind == KekKind::Rsa)
        return {WrapAlgorithm::RsaOaepSha256};
    return {WrapAlgorithm::AesGcm, WrapAlgorithm::AesCbc, WrapAlgorithm::AesCbcPad};
}

CK_MECHANISM_TYPE mechanism(WrapAlgorithm algorithm) {
    switch (algorithm) {
    case WrapAlgorithm::RsaOaepSha256:
        return CKM_RSA_PKCS_OAEP;
    case WrapAlgorithm::AesGcm:
        return CKM_AES_GCM;
    case WrapAlgorithm::AesCbc:
        return CKM_AES_CBC;
    case WrapAlgorithm::AesCbcPad:
        return CKM_AES_CBC_PAD;
    }
    return CKM_VENDOR_DEFINED;
}

int ivSize(WrapAlgorithm algorithm) {
    switch (algorithm) {
    case WrapAlgorithm::RsaOaepSha256:
        return 0;
    case WrapAlgorithm::AesGcm:
        return kGcmIvSize;
    case WrapAlgorithm::AesCbc:
    case WrapAlgorithm::AesCbcPad:
        return kCbcIvSize;
    }
    return 0;
}

int tagSize(WrapAlgorithm algorithm) {
    return algorithm == WrapAlgorithm::AesGcm ? kGcmTagSize : 0;
}

Status checkShape(WrapAlgorithm algorithm, const WrappedValue &value) {
    const QString name = algorithmName(algorithm);
    if (value.ciphertext.isEmpty())
        return inputError(QStringLiteral("The encrypted value is empty."));
    const int iv = ivSize(algorithm);
    if (iv == 0 && !value.iv.isEmpty())
        return inputError(
            QStringLiteral("%1 takes no IV, but wrap_iv is set; remove it.").arg(name));
    if (iv != 0 && value.iv.size() != iv)
        return inputError(QStringLiteral("%1 needs a %2-byte IV; wrap_iv holds %3 bytes.")
                              .arg(name)
                              .arg(iv)
                              .arg(value.iv.size()));
    const int tag = tagSize(algorithm);
    if (tag == 0 && !value.tag.isEmpty())
        return inputError(
            QStringLiteral("%1 has no authentication tag, but wrap_tag is set; remove it.")
                .arg(name));
    if (tag != 0 && value.tag.size() != tag)
        return inputError(QStringLiteral("%1 needs a %2-byte tag; wrap_tag holds %3 bytes.")
                              .arg(name)
                              .arg(tag)
                              .arg(value.tag.size()));
    if ((algorithm == WrapAlgorithm::AesCbc || algorithm == WrapAlgorithm::AesCbcPad) &&
        value.ciphertext.size() % 16 != 0)
        return inputError(QStringLiteral("An %1 ciphertext is a whole number of 16-byte blocks; "
                                         "this one is %2 bytes.")
                              .arg(name)
                              .arg(value.ciphertext.size()));
    if (algorithm == WrapAlgorithm::RsaOaepSha256 &&
        static_cast<size_t>(value.ciphertext.size()) > kMaxRsaBytes)
        return inputError(QStringLiteral("An RSA ciphertext of %1 bytes is longer than any "
                                         "supported key (at most 8192 bits).")
                              .arg(value.ciphertext.size()));
    return Done{};
}

Status validate(const KekSpec &spec) {
    const QString label = spec.label.trimmed();
    if (label.isEmpty())
        return inputError(
            QStringLiteral("A KEK needs a label: the gateway finds its key by label."));
    if (Status s = labels::requireOneLine(label, QStringLiteral("The key label")); !s)
        return s;
    if (spec.kind == KekKind::Rsa && spec.rsaBits != 2048 && spec.rsaBits != 3072 &&
        spec.rsaBits != 4096)
        return inputError(
            QStringLiteral("An RSA KEK is 2048, 3072 or 4096 bits, not %1.").arg(spec.rsaBits));
    if (spec.kind == KekKind::Aes && spec.aesBytes != 16 && spec.aesBytes != 24 &&
        spec.aesBytes != 32)
        return inputError(
            QStringLiteral("An AES key is 16, 24 or 32 bytes, not %1.").arg(spec.aesBytes));
    return Done{};
}

namespace {

Result<ObjectInfo> createRsa(Session &session, const KekSpec &spec, QByteArray id) {
    QByteArray labelUtf8 = spec.label.trimmed().toUtf8();
    CK_ULONG bits = static_cast<CK_ULONG>(spec.rsaBits);
    unsigned char exponent[] = {0x01, 0x00, 0x01};
    CK_BBOOL yes = CK_TRUE;
    CK_BBOOL no = CK_FALSE;
    CK_ATTRIBUTE publicTemplate[] = {
        {CKA_LABEL, labelUtf8.data(), static_cast<CK_ULONG>(labelUtf8.size())},
        {CKA_ID, id.data(), static_cast<CK_ULONG>(id.size())},
        {CKA_TOKEN, &yes, sizeof yes},
        {CKA_MODULUS_BITS, &bits, sizeof bits},
        {CKA_PUBLIC_EXPONENT, exponent, sizeof exponent},
        {CKA_ENCRYPT, &yes, sizeof yes},
        {CKA_WRAP, &yes, sizeof yes},
        {CKA_VERIFY, &no, sizeof no},
        {CKA_DERIVE, &no, sizeof no},
    };
    CK_ATTRIBUTE privateTemplate[] = {
        {CKA_LABEL, labelUtf8.data(), static_cast<CK_ULONG>(labelUtf8.size())},
        {CKA_ID, id.data(), static_cast<CK_ULONG>(id.size())},
        {CKA_TOKEN, &yes, sizeof yes},
        {CKA_PRIVATE, &yes, sizeof yes},
        {CKA_SENSITIVE, &yes, sizeof yes},
        {CKA_EXTRACTABLE, &no, sizeof no},
        {CKA_DECRYPT, &yes, sizeof yes},
        {CKA_UNWRAP, &yes, sizeof yes},
        {CKA_SIGN, &no, sizeof no},
        {CKA_DERIVE, &no, sizeof no},
    };
    CK_MECHANISM generator{CKM_RSA_PKCS_KEY_PAIR_GEN, nullptr, 0};
    CK_OBJECT_HANDLE publicKey = CK_INVALID_HANDLE;
    CK_OBJECT_HANDLE privateKey = CK_INVALID_HANDLE;
    const Module::CallResult r = HSM_P11_CHECK(
        session.module(), C_GenerateKeyPair, session.handle(), &generator, publicTemplate,
        static_cast<CK_ULONG>(std::size(publicTemplate)), privateTemplate,
        static_cast<CK_ULONG>(std::size(privateTemplate)), &publicKey, &privateKey);
    if (!r) {
        Error e = r.error();
        if (r.rv == CKR_USER_NOT_LOGGED_IN)
            e.message = QStringLiteral("Creating a private key needs a login; log in first.");
        else if (r.rv == CKR_MECHANISM_INVALID || r.rv == CKR_TEMPLATE_INCONSISTENT ||
                 r.rv == CKR_KEY_SIZE_RANGE)
            e.message += QStringLiteral(" This token cannot generate an RSA key pair of %1 bits.")
                             .arg(spec.rsaBits);
        return e;
    }
    return objectReader::read(session, privateKey, CKO_PRIVATE_KEY);
}

} // namespace

Result<ObjectInfo> create(Session &session, const KekSpec &spec) {
    if (Status s = validate(spec); !s)
        return s.error();
    const QString label = spec.label.trimmed();
    Result<QList<KeyObject>> existing = keysLabelled(session, label);
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return inputError(QStringLiteral("A key labelled '%1' already exists on this token (%2); "
                                         "the gateway finds its KEK by label, so choose another.")
                              .arg(label, describeKeys(existing.value())));
    QByteArray id = spec.id;
    if (id.isEmpty()) {
        id.resize(8);
        if (RAND_bytes(reinterpret_cast<unsigned char *>(id.data()), static_cast<int>(id.size())) !=
            1)
            return Error::make(
                Error::Kind::System,
                QStringLiteral("OpenSSL could not produce random bytes for the key id."));
    }
    if (spec.kind == KekKind::Rsa)
        return createRsa(session, spec, id);
    SecretKeySpec aes;
    aes.label = label;
    aes.kind = SecretKeyKind::Aes;
    aes.bytes = spec.aesBytes;
    aes.id = id;
    Result<CK_OBJECT_HANDLE> key = secretKeys::generate(session, aes);
    if (!key)
        return key.error();
    return objectReader::read(session, key.value(), CKO_SECRET_KEY);
}

namespace {

std::optional<KekKind> kekKindAmong(const QList<KeyObject> &keys) {
    for (const KeyObject &k : keys) {
        if (k.keyType == CKK_RSA && k.objectClass != CKO_SECRET_KEY)
            return KekKind::Rsa;
        if (k.keyType == CKK_AES && k.objectClass == CKO_SECRET_KEY && k.encrypt)
            return KekKind::Aes;
    }
    return std::nullopt;
}

} // namespace

Result<bool> isKek(Session &session, const QString &label) {
    Result<QList<KeyObject>> keys = keysLabelled(session, label);
    if (!keys)
        return keys.error();
    return kekKindAmong(keys.value()).has_value();
}

Result<KekKind> kindOf(Session &session, const QString &label) {
    Result<QList<KeyObject>> keys = keysLabelled(session, label);
    if (!keys)
        return keys.error();
    if (const std::optional<KekKind> kind = kekKindAmong(keys.value()))
        return *kind;
    if (keys->isEmpty())
        return inputError(loggedIn(session)
                              ? QStringLiteral("No key is labelled '%1' on this token; create the "
                                               "KEK first (create-key --label %1 --key-type aes).")
                                    .arg(label)
                              : QStringLiteral("No key labelled '%1' is visible without logging "
                                               "in; log in to see private keys.")
                                    .arg(label));
    return inputError(QStringLiteral("The key '%1' is %2, not a KEK (an RSA key pair, or an AES "
                                     "key that may encrypt).")
                          .arg(label, describeKeys(keys.value())));
}

Result<WrappedValue> encrypt(Session &session, const QString &label, WrapAlgorithm algorithm,
                             const SecretBytes &plaintext) {
    if ((algorithm == WrapAlgorithm::AesCbc) && plaintext.size() % 16 != 0)
        return inputError(QStringLiteral("aes-cbc without padding needs a whole number of 16-byte "
                                         "blocks; the value is %1 bytes (use aes-cbc-pad).")
                              .arg(plaintext.size()));
    Result<CK_OBJECT_HANDLE> key = kekFor(session, label, algorithm, true);
    if (!key)
        return key.error();
    QByteArray iv(ivSize(algorithm), Qt::Uninitialized);
    if (!iv.isEmpty() &&
        RAND_bytes(reinterpret_cast<unsigned char *>(iv.data()), static_cast<int>(iv.size())) != 1)
        return Error::make(Error::Kind::System,
                           QStringLiteral("OpenSSL could not produce random bytes for the IV."));
    Mechanism m(algorithm, iv);
    Module &module = session.module();
    if (const Module::CallResult r =
            HSM_P11_CHECK(module, C_EncryptInit, session.handle(), &m.mechanism, key.value());
        !r)
        return refused(r, algorithm);
    const size_t bound =
        kekKind(algorithm) == KekKind::Rsa ? kMaxRsaBytes : plaintext.size() + kAesOverhead;
    QByteArray out(static_cast<qsizetype>(bound), '\0');
    CK_ULONG length = static_cast<CK_ULONG>(bound);
    const Module::CallResult r = HSM_P11_CHECK(
        module, C_Encrypt, session.handle(), const_cast<unsigned char *>(plaintext.data()),
        static_cast<CK_ULONG>(plaintext.size()), reinterpret_cast<unsigned char *>(out.data()),
        &length);
    if (!r)
        return refused(r, algorithm);
    // A module that claims more than the buffer it was given is not believed.
    if (length > bound || length == 0)
        return Error::make(Error::Kind::Pkcs11,
                           QStringLiteral("C_Encrypt returned a length of %1 bytes for a %2-byte "
                                          "buffer; the module is not trusted with it.")
                               .arg(length)
                               .arg(bound));
    out.truncate(static_cast<qsizetype>(length));
    WrappedValue value;
    value.iv = iv;
    const int tag = tagSize(algorithm);
    if (tag > 0) {
        if (out.size() <= tag)
            return Error::make(Error::Kind::Pkcs11,
                               QStringLiteral("C_Encrypt with AES-GCM returned %1 bytes, too few "
                                              "for the value and its %2-byte tag.")
                                   .arg(out.size())
                                   .arg(tag));
        value.tag = out.right(tag);
        out.chop(tag);
    }
    value.ciphertext = out;
    return value;
}

Result<SecretBytes> decrypt(Session &session, const QString &label, WrapAlgorithm algorithm,
                            const WrappedValue &value) {
    if (Status s = checkShape(algorithm, value); !s)
        return s.error();
    Result<CK_OBJECT_HANDLE> key = kekFor(session, label, algorithm, false);
    if (!key)
        return key.error();
    Mechanism m(algorithm, value.iv);
    Module &module = session.module();
    if (const Module::CallResult r =
            HSM_P11_CHECK(module, C_DecryptInit, session.handle(), &m.mechanism, key.value());
        !r)
        return refused(r, algorithm);
    QByteArray input = joined(value);
    // The plaintext is never longer than what went in; some modules want room for all of it.
    const size_t bound = static_cast<size_t>(input.size());
    SecretBytes out = SecretBytes::zeroed(bound);
    CK_ULONG length = static_cast<CK_ULONG>(bound);
    const Module::CallResult r = HSM_P11_CHECK(
        module, C_Decrypt, session.handle(), reinterpret_cast<unsigned char *>(input.data()),
        static_cast<CK_ULONG>(input.size()), out.data(), &length);
    if (!r) {
        // SoftHSM reports a GCM tag that does not match as CKR_GENERAL_ERROR.
        const bool authentication = algorithm == WrapAlgorithm::AesGcm && r.rv == CKR_GENERAL_ERROR;
        if (r.rv == CKR_ENCRYPTED_DATA_INVALID || r.rv == CKR_ENCRYPTED_DATA_LEN_RANGE ||
            authentication) {
            QString message;
            switch (algorithm) {
            case WrapAlgorithm::AesGcm:
                message = QStringLiteral("The GCM tag does not match (%1 returned %2): the "
                                         "value, wrap_iv or wrap_tag was altered, or '%3' is "
                                         "not the key it was encrypted under.")
                              .arg(QLatin1String(r.function), returnValueName(r.rv), label);
                break;
            case WrapAlgorithm::AesCbcPad:
                message = QStringLiteral("The padding is wrong after decryption (%1 returned "
                                         "%2): the value or wrap_iv was altered, or '%3' is not "
                                         "the key it was encrypted under.")
                              .arg(QLatin1String(r.function), returnValueName(r.rv), label);
                break;
            default:
                message = QStringLiteral("'%1' cannot decrypt this value (%2 returned %3): it "
                                         "was altered, or encrypted under another key.")
                              .arg(label, QLatin1String(r.function), returnValueName(r.rv));
                break;
            }
            return inputError(message);
        }
        return refused(r, algorithm);
    }
    if (length > bound)
        return Error::make(Error::Kind::Pkcs11,
                           QStringLiteral("C_Decrypt returned a length of %1 bytes for a %2-byte "
                                          "buffer; the module is not trusted with it.")
                               .arg(length)
                               .arg(bound));
    if (length == bound)
        return out;
    SecretBytes exact = SecretBytes::fromRaw(reinterpret_cast<const char *>(out.data()),
                                             static_cast<size_t>(length));
    return exact;
}

Result<KekCheckReport> check(Session &session, const QString &label) {
    Result<QList<KeyObject>> keys = keysLabelled(session, label);
    if (!keys)
        return keys.error();
    std::optional<KekKind> kind;
    CK_OBJECT_HANDLE shown = CK_INVALID_HANDLE;
    CK_OBJECT_CLASS shownClass = CKO_SECRET_KEY;
    for (const KeyObject &k : keys.value()) {
        if (k.keyType == CKK_RSA && k.objectClass == CKO_PRIVATE_KEY) {
            kind = KekKind::Rsa;
            shown = k.handle;
            shownClass = CKO_PRIVATE_KEY;
        } else if (k.keyType == CKK_AES && k.objectClass == CKO_SECRET_KEY) {
            kind = KekKind::Aes;
            shown = k.handle;
        }
    }
    if (!kind)
        return inputError(keys->isEmpty()
                              ? QStringLiteral("No key is labelled '%1' on this token.").arg(label)
                              : QStringLiteral("The key '%1' is %2, not a KEK (an RSA key pair or "
                                               "an AES key).")
                                    .arg(label, describeKeys(keys.value())));
    Result<ObjectInfo> info = objectReader::read(session, shown, shownClass);
    if (!info)
        return info.error();
    KekCheckReport report;
    report.key = info.value();
    SecretBytes probe = SecretBytes::zeroed(64);
    if (RAND_bytes(probe.data(), static_cast<int>(probe.size())) != 1)
        return Error::make(Error::Kind::System,
                           QStringLiteral("OpenSSL could not produce random bytes."));
    for (WrapAlgorithm algorithm : algorithms(*kind)) {
        const QString name = algorithmName(algorithm);
        Result<WrappedValue> wrapped = encrypt(session, label, algorithm, probe);
        if (!wrapped) {
            report.refused << QStringLiteral("%1: %2").arg(name, wrapped.error().message);
            continue;
        }
        Result<SecretBytes> back = decrypt(session, label, algorithm, wrapped.value());
        if (!back) {
            report.refused << QStringLiteral("%1: %2").arg(name, back.error().message);
            continue;
        }
        if (back->size() != probe.size() ||
            CRYPTO_memcmp(back->data(), probe.data(), probe.size()) != 0) {
            report.refused << QStringLiteral("%1: the round trip gave other bytes back").arg(name);
            continue;
        }
        report.works << name;
    }
    const QString what = *kind == KekKind::Rsa
                             ? QStringLiteral("an RSA key pair of %1 bits").arg(info->sizeBits)
                             : QStringLiteral("an AES key of %1 bits").arg(info->sizeBits);
    if (report.works.isEmpty())
        return inputError(QStringLiteral("The KEK '%1' is %2, but no algorithm works with it on "
                                         "this module: %3")
                              .arg(label, what, report.refused.join(QStringLiteral("; "))));
    report.verdict = QStringLiteral("The KEK '%1' is %2; an encrypt/decrypt round trip in the HSM "
                                    "works with %3.")
                         .arg(label, what, report.works.join(QStringLiteral(", ")));
    return report;
}

} // namespace hsm::keyEncryption
