// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/base/SecretBytes.h"
#include "core/pkcs11/Session.h"
#include "core/token/ObjectInfo.h"

#include <QList>
#include <QStringList>

namespace hsm {

// Key-encryption keys (KEKs): the HSM keys an hsm_wrap_encrypt fragment is encrypted
// under, and the encryption and decryption with them. Both happen in the HSM; the
// plaintext is only ever in SecretBytes (OpenSSL's locked secure heap). Runs on the worker.
enum class WrapAlgorithm { RsaOaepSha256, AesGcm, AesCbc, AesCbcPad };
enum class KekKind { Rsa, Aes };

// What the fragments file holds for an encrypted value, decoded: the ciphertext without
// the GCM tag (PKCS#11 appends the tag; the file keeps it apart), the IV (GCM: 12 bytes,
// CBC: 16, RSA: none) and the tag (GCM: 16 bytes, otherwise none).
struct WrappedValue {
    QByteArray ciphertext;
    QByteArray iv;
    QByteArray tag;
};

struct KekSpec {
    QString label;
    KekKind kind = KekKind::Aes;
    int rsaBits = 2048; // 2048, 3072 or 4096
    int aesBytes = 32;  // 16, 24 or 32
    QByteArray id;      // empty: 8 random bytes
};

struct KekCheckReport {
    ObjectInfo key;      // the private key of a pair, or the AES key
    QStringList works;   // algorithm names whose round trip worked
    QStringList refused; // "aes-gcm: the module does not list CKM_AES_GCM"
    QString verdict;     // plain words
};

namespace keyEncryption {

inline constexpr int kGcmIvSize = 12;
inline constexpr int kCbcIvSize = 16;
inline constexpr int kGcmTagSize = 16;

// "rsa-oaep-sha256", "aes-gcm", "aes-cbc", "aes-cbc-pad", as the vendor CLI spells them.
QString algorithmName(WrapAlgorithm algorithm);
bool parseAlgorithm(const QString &name, WrapAlgorithm *algorithm);
QStringList algorithmNames();
KekKind kekKind(WrapAlgorithm algorithm);
QString kindName(KekKind kind); // "rsa", "aes"
CK_MECHANISM_TYPE mechanism(WrapAlgorithm algorithm);
int ivSize(WrapAlgorithm algorithm);  // 0 when the algorithm takes none
int tagSize(WrapAlgorithm algorithm); // 0 when the algorithm has none
// The algorithms a KEK of `kind` can be used with.
QList<WrapAlgorithm> algorithms(KekKind kind);

// The wrapped value's shape, before any HSM work: IV and tag lengths, a CBC ciphertext
// that is a whole number of blocks, no IV or tag where the algorithm has none.
Status checkShape(WrapAlgorithm algorithm, const WrappedValue &value);

// The spec's own mistakes: an empty or multi-line label, an impossible size.
Status validate(const KekSpec &spec);
// RSA: a key pair whose private key is sensitive, never extractable and may only decrypt
// and unwrap, and whose public key may only encrypt and wrap. AES: a sensitive, never
// extractable secret key that may only encrypt and decrypt. Refuses a label that a key
// already has. Returns the private key (RSA) or the secret key (AES).
Result<ObjectInfo> create(Session &session, const KekSpec &spec);

// Whether a key labelled `label` on this token is a KEK (an RSA key pair or an AES key
// allowed to encrypt), so that a key check knows which check to run.
Result<bool> isKek(Session &session, const QString &label);
// The kind of the KEK labelled `label`; an error when there is none, or it is no KEK.
Result<KekKind> kindOf(Session &session, const QString &label);

// Encrypts `plaintext` in the HSM under the KEK labelled `label` (the RSA public key, or
// the AES key) with a fresh random IV where the algorithm needs one.
Result<WrappedValue> encrypt(Session &session, const QString &label, WrapAlgorithm algorithm,
                             const SecretBytes &plaintext);
// Decrypts in the HSM with the KEK labelled `label` (the RSA private key, or the AES key).
// A GCM tag that does not match, a CBC padding that does not, an RSA ciphertext the key
// cannot open: each is one sentence that says so.
Result<SecretBytes> decrypt(Session &session, const QString &label, WrapAlgorithm algorithm,
                            const WrappedValue &value);

// Round trips of random bytes with every algorithm the KEK's kind allows and the module
// lists; fails when none works.
Result<KekCheckReport> check(Session &session, const QString &label);

} // namespace keyEncryption
} // namespace hsm
