// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/base/SecretBytes.h"
#include "core/fragment/CustomerFragment.h"
#include "core/pkcs11/Session.h"

#include <QHash>

namespace hsm {

// Derivation version 1 (docs/derivation.md): PRK = HMAC-SHA256(K, S) inside the HSM,
// OKM = HKDF-Expand-SHA256(PRK, "customer-fragment/v1" || 0x00 || id, 64) in OpenSSL.
namespace fragmentDerivation {

inline constexpr int kOkmSize = 64;
inline constexpr int kGeneratedSeedSize = 64;
inline constexpr int kMinimumSeedSize = 16;

// The HKDF info for a fragment id.
QByteArray info(const QString &id);
// The seed of a fragment: base64-decoded and long enough for its type.
Result<SecretBytes> seed(const CustomerFragment &fragment);
// HKDF-Expand with OpenSSL's EVP_KDF "HKDF" in expand-only mode.
Result<SecretBytes> expand(const SecretBytes &prk, const QString &id);
// The same with the info already built (a provider derives the same fragment many times).
Result<SecretBytes> expand(const SecretBytes &prk, const QByteArray &info);
// The first 16 hex characters of SHA-256(value): safe to show and compare.
QString fingerprint(const SecretBytes &value);

} // namespace fragmentDerivation

// Key handles by label, as a worker keeps them for a token between requests.
using KeyHandles = QHash<QString, CK_OBJECT_HANDLE>;

// Derives fragments' values on one session. Remembers key handles by label so that a
// repeated derivation costs one C_SignInit + C_Sign; a key deleted since is looked up again.
// With `remembered` (the worker's handles for this token, from earlier requests), a key
// found before costs one C_GetAttributeValue that confirms it is still the secret key with
// that label instead of a search, which on a large token is a pass over every object. A
// second key given the same label since is then not noticed until the next search (after
// the key is deleted, or the module is loaded again); the key check always searches.
// Lives on the worker.
class FragmentDeriver {
public:
    explicit FragmentDeriver(Session session, KeyHandles *remembered = nullptr)
        : m_session(std::move(session))
        , m_remembered(remembered) {}

    // The value the gateway ends up using: `standard` the seed itself, hsm_wrap_hmac and
    // hsm_secured the version 1 derivation, hsm_wrap_encrypt the fragment decrypted in the
    // HSM with its KEK.
    Result<SecretBytes> derive(const CustomerFragment &fragment);
    // The HSM step alone: HMAC-SHA256(K, seed) with the key labelled `keyLabel`.
    Result<SecretBytes> extract(const QString &keyLabel, const SecretBytes &seed);
    // The version 1 derivation of an HSM type from its decoded seed and HKDF info.
    Result<SecretBytes> deriveHsm(const QString &keyLabel, const SecretBytes &seed,
                                  const QByteArray &info);

private:
    Result<CK_OBJECT_HANDLE> key(const QString &label);

    void forget(const QString &label);

    Session m_session;
    KeyHandles m_keys; // found or confirmed by this deriver
    KeyHandles *m_remembered = nullptr;
};

} // namespace hsm
