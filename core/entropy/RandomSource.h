// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/base/SecretBytes.h"
#include "core/entropy/HealthTests.h"
#include "core/pkcs11/Session.h"

#include <functional>

namespace hsm {

class RequestContext;

// Where random bytes come from: the HSM (C_GenerateRandom), the OS (OpenSSL RAND_bytes),
// or both XORed, so that either alone being weak does not weaken the result.
enum class EntropySource { Hsm, Os, Mixed };

namespace entropy {

QString sourceName(EntropySource source); // "hsm", "os", "mixed"
bool parseSource(const QString &name, EntropySource *source);

inline constexpr size_t kDefaultChunk = 64 * 1024;
// For bulk output: fewer calls (per-call costs are most of a small call's time).
inline constexpr size_t kLargeChunk = 1024 * 1024;
// A stream's block: small enough that the second thread tests it while it is still in
// the processor's cache (1 MiB blocks made a 64 MiB draw 15 % slower), large enough that
// handing it over is rare.
inline constexpr size_t kStreamBlock = 512 * 1024;

// C_GenerateRandom in chunks of at most `chunk` bytes; the chunk is halved when the module
// answers CKR_DATA_LEN_RANGE or CKR_ARGUMENTS_BAD, since some HSMs cap a call's length.
// Untested output: callers health-test it (streamRandom, the entropy check). `onBlock`
// (optional) sees each call's size and C_GenerateRandom duration.
Status hsmRandom(Session &session, unsigned char *out, size_t size, size_t chunk = kDefaultChunk,
                 const std::function<void(size_t, qint64)> &onBlock = {});

// Takes random output block by block; an error ends the stream.
using RandomSink = std::function<Status(const unsigned char *data, size_t size)>;

// `size` random bytes from `source`, handed to `sink` in order in blocks of at most
// kStreamBlock through two reused buffers that are wiped at the end, so memory stays at two
// blocks however much is drawn. While the calling thread draws the next block (PKCS#11 calls
// stay on it), the sink is called on a second thread; a draw of one block makes none. The HSM
// sources need `session` and a token with CKF_RNG; without them the error says so. HSM output
// passes the health tests (declared min-entropy `minEntropy` bits per byte) before the sink sees
// it. When a test fails part-way, the blocks already given passed theirs and the error says how
// many bytes they were; a caller that needs all or nothing (a file) drops them. `delivered`
// (optional) counts the bytes the sink accepted; `context` (optional) can cancel between blocks.
Status streamRandom(EntropySource source, Session *session, quint64 size, const RandomSink &sink,
                    double minEntropy = HealthTests::kDefaultMinEntropy,
                    RequestContext *context = nullptr, quint64 *delivered = nullptr);

// `size` random bytes from `source` in memory: streamRandom() into one SecretBytes.
Result<SecretBytes> randomBytes(EntropySource source, Session *session, size_t size,
                                double minEntropy = HealthTests::kDefaultMinEntropy);

// Whether the session's token has CKF_RNG.
Result<bool> tokenHasRng(Session &session);

} // namespace entropy
} // namespace hsm
