// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fragment/CustomerFragment.h"
#include "core/pkcs11/Session.h"
#include "core/token/KeyEncryption.h"

#include <optional>

namespace hsm {

// hsm_wrap_encrypt fragments: the fragment encrypted under a KEK in the HSM, decrypted
// there when used, and moved to another KEK without ever leaving locked memory
// (docs/derivation.md). Runs on the worker.
namespace fragmentEncryption {

// The fragment's plaintext, decrypted in the HSM with its key_label's KEK.
Result<SecretBytes> decrypt(Session &session, const CustomerFragment &fragment);

// Encrypts `plaintext` under the KEK and decrypts the result again in the HSM: a value
// that the KEK cannot give back (a module that encrypts but cannot decrypt with this
// algorithm) is an error, never a fragment.
Result<WrappedValue> encryptVerified(Session &session, const QString &kekLabel,
                                     WrapAlgorithm algorithm, const SecretBytes &plaintext);

// The algorithm for a KEK when none is asked for: rsa-oaep-sha256 for an RSA pair; for an
// AES key `current` when that is an AES mode, else aes-gcm.
Result<WrapAlgorithm> defaultAlgorithm(Session &session, const QString &kekLabel,
                                       std::optional<WrapAlgorithm> current = std::nullopt);

struct Rewrapped {
    CustomerFragment fragment; // the entry under its new KEK, every other field kept
    QString fingerprintBefore;
    QString fingerprintAfter;
};

// KEK rotation: decrypts with the entry's KEK, encrypts under `newKek` (with `algorithm`,
// or defaultAlgorithm()), decrypts that again, and compares the fingerprints. Refuses an
// entry of another type, and a new KEK that is the entry's own.
Result<Rewrapped> rewrap(Session &session, const CustomerFragment &fragment, const QString &newKek,
                         std::optional<WrapAlgorithm> algorithm);

} // namespace fragmentEncryption
} // namespace hsm
