// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/entropy/HealthTests.h"
#include "core/pkcs11/Session.h"

namespace hsm {

class RequestContext;

// An on-demand look at the HSM's generator: N bytes through the health tests, a
// chi-square test of the byte frequencies, throughput and per-call latency.
struct EntropyCheckReport {
    qint64 bytes = 0;
    double seconds = 0;
    int calls = 0;
    double meanCallMicros = 0;
    double maxCallMicros = 0;
    double minEntropy = HealthTests::kDefaultMinEntropy;
    int rctCutoff = 0;
    int aptCutoff = 0;
    HealthTests::Failure failure; // failed == false when both health tests passed
    ByteStatistics statistics;
    double chiSquare = 0;
    double pValue = 1;

    // A p-value this small means the byte frequencies are far from uniform.
    static constexpr double kPValueFloor = 1e-4;
    double mibPerSecond() const { return seconds > 0 ? bytes / (1024.0 * 1024.0) / seconds : 0; }
    bool chiSquarePassed() const { return pValue >= kPValueFloor; }
    bool passed() const { return !failure.failed && chiSquarePassed(); }
};

namespace entropy {

inline constexpr qint64 kDefaultCheckBytes = 1024 * 1024;
// The chi-square test needs an expected count of at least five per byte value (1280 bytes)
// and the APT whole 512-byte windows; 4 KiB gives both with room to spare.
inline constexpr qint64 kMinCheckBytes = 4096;
inline constexpr qint64 kMaxCheckBytes = qint64(1) << 32; // as `random`: 4 GiB
// Below 0.5 bits per byte the RCT cut-off exceeds 40 and the APT cut-off nears the
// window; the GUI offers the same range.
inline constexpr double kLowestMinEntropy = 0.5;
inline constexpr double kHighestMinEntropy = 8.0;

// Whether a check of `bytes` bytes at `minEntropy` bits per byte can be run: a size from
// kMinCheckBytes to kMaxCheckBytes and a finite min-entropy in the range above. The error
// is one line naming the allowed range.
Status checkParameters(qint64 bytes, double minEntropy);

// Refuses what checkParameters() refuses. Needs a token with CKF_RNG (else an error saying so).
// Reports progress and stops when cancelled.
Result<EntropyCheckReport> check(Session &session, qint64 bytes, RequestContext *context,
                                 double minEntropy = HealthTests::kDefaultMinEntropy);

} // namespace entropy
} // namespace hsm
