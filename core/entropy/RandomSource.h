#pragma once

#include "pkcs11/Result.h"
#include "pkcs11/SecretBytes.h"
#include "pkcs11/Session.h"

namespace hsm {

// Where random bytes come from: the HSM (C_GenerateRandom), the OS (OpenSSL RAND_bytes),
// or both XORed, so that either alone being weak does not weaken the result.
enum class EntropySource { Hsm, Os, Mixed };

namespace entropy {

QString sourceName(EntropySource source); // "hsm", "os", "mixed"
bool parseSource(const QString &name, EntropySource *source);

// C_GenerateRandom in chunks of at most `chunk` bytes; the chunk is halved when the module
// answers CKR_DATA_LEN_RANGE or CKR_ARGUMENTS_BAD, since some HSMs cap a call's length.
Status hsmRandom(Session &session, unsigned char *out, size_t size, size_t chunk = 64 * 1024);

// `size` random bytes from `source`. The HSM sources need `session` and a token with
// CKF_RNG; without them the error says so.
Result<SecretBytes> randomBytes(EntropySource source, Session *session, size_t size);

} // namespace entropy
} // namespace hsm
