// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>

namespace hsm {

// The continuous health tests of NIST SP 800-90B section 4.4 on 8-bit samples: the
// Repetition Count Test (4.4.1) and the Adaptive Proportion Test (4.4.2, window 512).
// Cut-offs follow from a declared min-entropy per byte H and a false-alarm rate of 2^-20:
//   RCT: C = 1 + ceil(20 / H)
//   APT: C = 1 + CRITBINOM(512, 2^-H, 1 - 2^-20)
// (docs/entropy.md). State carries over from one block to the next, as the standard asks.
class HealthTests {
public:
    static constexpr double kDefaultMinEntropy = 4.0; // bits per byte; see docs/entropy.md
    static constexpr int kAptWindow = 512;
    static constexpr int kFalseAlarmExponent = 20;

    explicit HealthTests(double minEntropyPerByte = kDefaultMinEntropy);

    static int rctCutoff(double minEntropyPerByte);
    static int aptCutoff(double minEntropyPerByte, int window = kAptWindow);

    struct Failure {
        bool failed = false;
        QString test;      // "Repetition Count Test" / "Adaptive Proportion Test"
        size_t offset = 0; // the sample that tripped it, counted from the first sample tested
        uint8_t value = 0;
        int count = 0;
        int cutoff = 0;
        QString describe() const;
    };

    // Tests `size` samples; returns the first failure. After a failure the tester keeps
    // failing until reset(): the data it saw must not be used.
    Failure test(const uint8_t *data, size_t size);
    void reset();

    // How whole windows of random-looking data are checked: the same answers, many bytes at
    // a time. The widest the processor has is used; tests pick each in turn.
    enum class WindowCheck { Avx2, Sse2, Portable };
    // Uses `kind` from now on, in the whole process; false if this processor or build
    // lacks it.
    static bool useWindowCheck(WindowCheck kind);

    int rctCutoff() const { return m_rctCutoff; }
    int aptCutoff() const { return m_aptCutoff; }
    double minEntropy() const { return m_minEntropy; }

private:
    double m_minEntropy;
    int m_rctCutoff;
    int m_aptCutoff;
    // RCT state
    bool m_haveLast = false;
    uint8_t m_last = 0;
    int m_run = 0;
    // APT state
    int m_windowFill = 0;
    uint8_t m_windowValue = 0;
    int m_windowCount = 0;
    size_t m_seen = 0;
    Failure m_failure;
};

// Chi-square goodness of fit of byte frequencies against uniform (255 degrees of freedom).
struct ByteStatistics {
    std::array<uint64_t, 256> counts{};
    uint64_t total = 0;

    void add(const uint8_t *data, size_t size);
    double chiSquare() const;
    // P(X >= chiSquare) for X ~ chi-square(255): small values mean "too far from uniform".
    double pValue() const;
};

// The regularized upper incomplete gamma function Q(a, x), for the chi-square p-value.
double upperRegularizedGamma(double a, double x);

} // namespace hsm
