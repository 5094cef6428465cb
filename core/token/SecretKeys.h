// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pkcs11/Session.h"
#include "core/token/ObjectInfo.h"

#include <QList>

namespace hsm {

// The secret keys customer fragments depend on: created for HMAC-SHA256 and checked
// the way the gateway will use them. Runs on the worker.
enum class SecretKeyKind { Generic, Sha256Hmac, Aes };

struct SecretKeySpec {
    QString label;
    SecretKeyKind kind = SecretKeyKind::Generic;
    int bytes = 32;
    QByteArray id; // empty: 8 random bytes
};

struct KeyCheckReport {
    ObjectInfo key;
    QString verdict; // plain words: what was checked and that it worked
};

namespace secretKeys {

// "generic" / "sha256-hmac" / "aes", as the CLI spells them.
QString kindName(SecretKeyKind kind);
bool parseKind(const QString &name, SecretKeyKind *kind);
CK_MECHANISM_TYPE generationMechanism(SecretKeyKind kind);
QString generationMechanismName(SecretKeyKind kind);
CK_KEY_TYPE keyType(SecretKeyKind kind);

// The kinds whose generation mechanism the token lists.
Result<QList<SecretKeyKind>> creatableKinds(Module &module, CK_SLOT_ID slot);

// The spec's own mistakes, found without the HSM: an empty label or one that is not one
// line of printable text (a control character, a line break), an impossible size.
Status validate(const SecretKeySpec &spec);

// Generates a token key: private, sensitive, never extractable; sign and verify only, or
// for an AES key (a KEK, keyEncryption) encrypt and decrypt only. Refuses a label that a secret key already has,
// and whatever validate() refuses before any PKCS#11 call.
Result<ObjectInfo> create(Session &session, const SecretKeySpec &spec);
// The same key with one C_GenerateKey and nothing else: no validation, no search for the
// label (on SoftHSM a pass over every object), no read-back. For filling a token with
// many keys whose labels are known to be free (bench/).
Result<CK_OBJECT_HANDLE> generate(Session &session, const SecretKeySpec &spec);

// The key exists exactly once under `label`, and C_SignInit(CKM_SHA256_HMAC) + C_Sign work.
Result<KeyCheckReport> check(Session &session, const QString &label);

// HMAC-SHA256 of `message` inside the HSM with the secret key labelled `label` (exactly
// one). The MAC itself is for derivations and tests; it is never shown.
Result<QByteArray> hmacSha256(Session &session, const QString &label, const QByteArray &message);

// The one secret key labelled `label`; none or several is an error saying so.
Result<CK_OBJECT_HANDLE> findUnique(Session &session, const QString &label);
// C_SignInit(CKM_SHA256_HMAC) + C_Sign into `mac` (32 bytes), with refusals explained.
Status signHmac(Session &session, CK_OBJECT_HANDLE key, const unsigned char *message, size_t length,
                unsigned char *mac);

} // namespace secretKeys
} // namespace hsm
