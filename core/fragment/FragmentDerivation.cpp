// SPDX-License-Identifier: Apache-2.0
#include "core/fragment/FragmentDerivation.h"

#include "core/fragment/FragmentEncryption.h"
#include "core/pkcs11/AttributeTemplate.h"
#include "core/token/SecretKeys.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

namespace hsm::fragmentDerivation {

QByteArray info(const QString &id) {
    QByteArray out("customer-fragment/v1");
    out.append('\0');
    // UTF-8, never toLatin1(): that turns every other character into '?', so two ids would
    // derive the same value. For the ids files may hold (ASCII) the bytes are the same.
    out.append(id.toUtf8());
    return out;
}

Result<SecretBytes> seed(const CustomerFragment &fragment) {
    QByteArray decoded = QByteArray::fromBase64(fragment.value().toLatin1());
    SecretBytes out = SecretBytes::take(decoded);
    if (fragment.isDerivedType() && out.size() < static_cast<size_t>(kMinimumSeedSize))
        return Error::make(Error::Kind::Input,
                           QStringLiteral("The seed of %1 is %2 bytes; an HSM fragment needs at "
                                          "least %3.")
                               .arg(fragment.id())
                               .arg(out.size())
                               .arg(kMinimumSeedSize));
    return out;
}

namespace {

// HKDF with SHA-256 in expand-only mode, set up once per thread and used again: naming
// the digest makes OpenSSL look it up in its provider store under a lock on every
// derivation, which cost as much as the expansion. (OpenSSL 3.0 cannot copy an HKDF
// context.) Each use sets the key and the info, which replace the previous ones, and then
// replaces the key with a dummy byte so that no PRK stays behind in the context.
class Hkdf {
public:
    Hkdf() {
        EVP_KDF *kdf = EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr);
        if (!kdf)
            return;
        m_ctx = EVP_KDF_CTX_new(kdf);
        EVP_KDF_free(kdf); // the context holds its own reference
        char digest[] = "SHA256";
        int mode = EVP_KDF_HKDF_MODE_EXPAND_ONLY;
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
            OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode), OSSL_PARAM_construct_end()};
        if (m_ctx && EVP_KDF_CTX_set_params(m_ctx, params) != 1) {
            EVP_KDF_CTX_free(m_ctx);
            m_ctx = nullptr;
        }
    }
    ~Hkdf() { EVP_KDF_CTX_free(m_ctx); }
    Hkdf(const Hkdf &) = delete;
    Hkdf &operator=(const Hkdf &) = delete;

    bool isValid() const { return m_ctx != nullptr; }

    bool expand(const SecretBytes &prk, const QByteArray &info, SecretBytes &okm) {
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
                                              const_cast<unsigned char *>(prk.data()), prk.size()),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO,
                                              const_cast<char *>(info.constData()),
                                              static_cast<size_t>(info.size())),
            OSSL_PARAM_construct_end()};
        const bool ok = EVP_KDF_derive(m_ctx, okm.data(), okm.size(), params) == 1;
        // OpenSSL cleanses the key it replaces.
        unsigned char dummy = 0;
        const OSSL_PARAM wipe[] = {
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, &dummy, sizeof dummy),
            OSSL_PARAM_construct_end()};
        EVP_KDF_CTX_set_params(m_ctx, wipe);
        return ok;
    }

private:
    EVP_KDF_CTX *m_ctx = nullptr;
};

} // namespace

Result<SecretBytes> expand(const SecretBytes &prk, const QString &id) {
    return expand(prk, info(id));
}

Result<SecretBytes> expand(const SecretBytes &prk, const QByteArray &infoBytes) {
    thread_local Hkdf hkdf;
    if (!hkdf.isValid())
        return Error::make(Error::Kind::System, QStringLiteral("OpenSSL offers no HKDF."));
    SecretBytes okm = SecretBytes::zeroed(kOkmSize);
    if (!hkdf.expand(prk, infoBytes, okm))
        return Error::make(Error::Kind::System, QStringLiteral("OpenSSL's HKDF-Expand failed."));
    return okm;
}

QString fingerprint(const SecretBytes &value) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(value.data(), value.size(), digest, &length, EVP_sha256(), nullptr);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), 8).toHex());
}

} // namespace hsm::fragmentDerivation

namespace hsm {

namespace {

// Whether `key` is still a secret key labelled `label` (a handle may be reused for
// another object once the key is destroyed).
bool isSecretKeyLabelled(Session &session, CK_OBJECT_HANDLE key, const QString &label) {
    const QByteArray wanted = label.toUtf8();
    AttributeTemplate t;
    const int cls = t.addUlong(CKA_CLASS);
    const int text = t.addBytes(CKA_LABEL, static_cast<size_t>(wanted.size()));
    return t.readOnce(session, key).ok() && t.ulongAt(cls) == CKO_SECRET_KEY &&
           t.bytesAt(text) == wanted;
}

} // namespace

Result<CK_OBJECT_HANDLE> FragmentDeriver::key(const QString &label) {
    if (auto it = m_keys.constFind(label); it != m_keys.constEnd())
        return it.value();
    if (m_remembered) {
        if (auto it = m_remembered->constFind(label); it != m_remembered->constEnd()) {
            const CK_OBJECT_HANDLE handle = it.value();
            if (isSecretKeyLabelled(m_session, handle, label)) {
                m_keys.insert(label, handle);
                return handle;
            }
            m_remembered->remove(label);
        }
    }
    Result<CK_OBJECT_HANDLE> found = secretKeys::findUnique(m_session, label);
    if (found) {
        m_keys.insert(label, found.value());
        if (m_remembered)
            m_remembered->insert(label, found.value());
    }
    return found;
}

void FragmentDeriver::forget(const QString &label) {
    m_keys.remove(label);
    if (m_remembered)
        m_remembered->remove(label);
}

Result<SecretBytes> FragmentDeriver::extract(const QString &keyLabel, const SecretBytes &seed) {
    if (keyLabel.isEmpty())
        return Error::make(Error::Kind::Input,
                           QStringLiteral("The fragment has no key_label, so the HSM key to derive "
                                          "it with is unknown."));
    SecretBytes prk = SecretBytes::zeroed(32);
    for (int attempt = 0; attempt < 2; ++attempt) {
        Result<CK_OBJECT_HANDLE> handle = key(keyLabel);
        if (!handle)
            return handle.error();
        Status s =
            secretKeys::signHmac(m_session, handle.value(), seed.data(), seed.size(), prk.data());
        if (s)
            return prk;
        // The key was deleted or replaced since we looked it up: look again, once.
        if (s.error().rv != CKR_KEY_HANDLE_INVALID && s.error().rv != CKR_OBJECT_HANDLE_INVALID)
            return s.error();
        forget(keyLabel);
    }
    return Error::pkcs11("C_SignInit", CKR_KEY_HANDLE_INVALID);
}

Result<SecretBytes> FragmentDeriver::derive(const CustomerFragment &fragment) {
    if (fragment.type() == FragmentType::HsmWrapEncrypt)
        return fragmentEncryption::decrypt(m_session, fragment);
    Result<SecretBytes> s = fragmentDerivation::seed(fragment);
    if (!s)
        return s.error();
    switch (fragment.type()) {
    case FragmentType::Standard:
        return s;
    case FragmentType::HsmWrapHmac:
    case FragmentType::HsmSecured:
        break;
    case FragmentType::HsmWrapEncrypt:
    case FragmentType::Unknown:
        return Error::make(Error::Kind::Input,
                           QStringLiteral("%1 is of type '%2', which this version cannot derive.")
                               .arg(fragment.id(), fragment.typeName()));
    }
    return deriveHsm(fragment.keyLabel(), s.value(), fragmentDerivation::info(fragment.id()));
}

Result<SecretBytes> FragmentDeriver::deriveHsm(const QString &keyLabel, const SecretBytes &seed,
                                               const QByteArray &info) {
    Result<SecretBytes> prk = extract(keyLabel, seed);
    if (!prk)
        return prk.error();
    return fragmentDerivation::expand(prk.value(), info);
}

} // namespace hsm
