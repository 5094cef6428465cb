// SPDX-License-Identifier: Apache-2.0
#include "core/entropy/HealthTests.h"

#include <atomic>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HSM_HEALTH_AVX2 1
#endif

namespace hsm {

int HealthTests::rctCutoff(double h) {
    return 1 + static_cast<int>(std::ceil(kFalseAlarmExponent / h));
}

int HealthTests::aptCutoff(double h, int window) {
    // The smallest c with P(X <= c) >= 1 - 2^-20 for X ~ Binomial(window, 2^-h), plus one:
    // counts of the window's first value at or above the cut-off are that improbable.
    const double p = std::pow(2.0, -h);
    const double target = 1.0 - std::ldexp(1.0, -kFalseAlarmExponent);
    // Sum the probability mass in log space so large windows do not underflow.
    double cumulative = 0.0;
    for (int k = 0; k <= window; ++k) {
        const double logMass = std::lgamma(window + 1.0) - std::lgamma(k + 1.0) -
                               std::lgamma(window - k + 1.0) + k * std::log(p) +
                               (window - k) * std::log1p(-p);
        cumulative += std::exp(logMass);
        if (cumulative >= target)
            return 1 + k;
    }
    return window;
}

HealthTests::HealthTests(double minEntropyPerByte)
    : m_minEntropy(minEntropyPerByte)
    , m_rctCutoff(rctCutoff(minEntropyPerByte))
    , m_aptCutoff(aptCutoff(minEntropyPerByte)) {}

void HealthTests::reset() {
    m_haveLast = false;
    m_run = 0;
    m_windowFill = 0;
    m_windowCount = 0;
    m_seen = 0;
    m_failure = Failure();
}

namespace {

// Whether a whole APT window starting at `w` surely passes both tests, many bytes at a time
// (the byte-by-byte tests took a third of `random`'s time): no three equal bytes in a row,
// nor a first byte repeating the previous one, and fewer than `aptCutoff` bytes equal to
// the window's first. Random data takes this path almost always; any other window goes
// through the exact byte-by-byte tests. Three forms with the same answers: the widest the
// processor has is used, since the tests must keep up with the HSM drawing the next block.
using WindowCheckFunction = bool (*)(const uint8_t *w, bool haveLast, uint8_t last, int aptCutoff);

uint64_t load(const uint8_t *p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// 0x80 in each byte of `v` that is zero, and nothing else.
uint64_t zeroBytes(uint64_t v) {
    constexpr uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
    return ~(((v & low7) + low7) | v | low7);
}

// Eight bytes at a time, in 64-bit words, on any processor.
bool windowPassesPortable(const uint8_t *w, bool haveLast, uint8_t last, int aptCutoff) {
    constexpr int n = HealthTests::kAptWindow;
    if (haveLast && w[0] == last)
        return false;
    const uint64_t first = 0x0101010101010101ULL * w[0];
    // Per-lane counts (at most n / 8 = 64 each, so no lane overflows), summed at the end.
    uint64_t lanes = 0;
    for (int j = 0; j < n; j += 8)
        lanes += zeroBytes(load(w + j) ^ first) >> 7;
    uint32_t count = 0;
    for (int lane = 0; lane < 8; ++lane)
        count += static_cast<uint32_t>((lanes >> (8 * lane)) & 0xff);
    if (count >= static_cast<uint32_t>(aptCutoff))
        return false;
    int j = 0;
    for (; j + 10 <= n; j += 8) {
        // Lane k: w[j+k] == w[j+k+1] and w[j+k+1] == w[j+k+2].
        const uint64_t a = load(w + j), b = load(w + j + 1), c = load(w + j + 2);
        if (zeroBytes(a ^ b) & zeroBytes(b ^ c))
            return false;
    }
    for (; j + 2 < n; ++j) {
        if (w[j] == w[j + 1] && w[j + 1] == w[j + 2])
            return false;
    }
    return true;
}

#if defined(__SSE2__)
// Sixteen bytes at a time (SSE2 is part of x86-64 itself).
bool windowPassesSse2(const uint8_t *w, bool haveLast, uint8_t last, int aptCutoff) {
    constexpr int n = HealthTests::kAptWindow;
    static_assert(n % 16 == 0 && n / 16 < 256);
    if (haveLast && w[0] == last)
        return false;
    const auto at = [w](int j) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i *>(w + j));
    };
    const __m128i first = _mm_set1_epi8(static_cast<char>(w[0]));
    __m128i counts = _mm_setzero_si128(); // per lane, at most n / 16
    __m128i runs = _mm_setzero_si128();   // lane k: w[j+k] == w[j+k+1] == w[j+k+2]
    const auto run3 = [&](int j) {
        const __m128i b = at(j + 1);
        return _mm_and_si128(_mm_cmpeq_epi8(at(j), b), _mm_cmpeq_epi8(b, at(j + 2)));
    };
    for (int j = 0; j < n - 16; j += 16) {
        counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(at(j), first));
        runs = _mm_or_si128(runs, run3(j));
    }
    counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(at(n - 16), first));
    runs = _mm_or_si128(runs, run3(n - 18)); // the last runs, ending at the window's end
    if (_mm_movemask_epi8(runs) != 0)
        return false;
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    const int count = _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
    return count < aptCutoff;
}
#endif

#if defined(HSM_HEALTH_AVX2)
// Thirty-two bytes at a time, on processors with AVX2 (chosen at run time).
// (No lambdas here: they would not inherit the target.)
__attribute__((target("avx2"))) inline __m256i load32(const uint8_t *p) {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
}

// Lane k: p[k] == p[k+1] == p[k+2].
__attribute__((target("avx2"))) inline __m256i runs32(const uint8_t *p) {
    const __m256i b = load32(p + 1);
    return _mm256_and_si256(_mm256_cmpeq_epi8(load32(p), b), _mm256_cmpeq_epi8(b, load32(p + 2)));
}

__attribute__((target("avx2"))) bool windowPassesAvx2(const uint8_t *w, bool haveLast, uint8_t last,
                                                      int aptCutoff) {
    constexpr int n = HealthTests::kAptWindow;
    static_assert(n % 32 == 0 && n / 32 < 256);
    if (haveLast && w[0] == last)
        return false;
    const __m256i first = _mm256_set1_epi8(static_cast<char>(w[0]));
    __m256i counts = _mm256_setzero_si256();
    __m256i runs = _mm256_setzero_si256();
    for (int j = 0; j < n - 32; j += 32) {
        counts = _mm256_sub_epi8(counts, _mm256_cmpeq_epi8(load32(w + j), first));
        runs = _mm256_or_si256(runs, runs32(w + j));
    }
    counts = _mm256_sub_epi8(counts, _mm256_cmpeq_epi8(load32(w + n - 32), first));
    runs = _mm256_or_si256(runs, runs32(w + n - 34));
    if (_mm256_movemask_epi8(runs) != 0)
        return false;
    const __m256i sums = _mm256_sad_epu8(counts, _mm256_setzero_si256());
    const int count = _mm256_extract_epi32(sums, 0) + _mm256_extract_epi32(sums, 2) +
                      _mm256_extract_epi32(sums, 4) + _mm256_extract_epi32(sums, 6);
    return count < aptCutoff;
}
#endif

WindowCheckFunction windowCheck(HealthTests::WindowCheck kind) {
    switch (kind) {
    case HealthTests::WindowCheck::Avx2:
#if defined(HSM_HEALTH_AVX2)
        return __builtin_cpu_supports("avx2") ? windowPassesAvx2 : nullptr;
#else
        return nullptr;
#endif
    case HealthTests::WindowCheck::Sse2:
#if defined(__SSE2__)
        return windowPassesSse2;
#else
        return nullptr;
#endif
    case HealthTests::WindowCheck::Portable:
        break;
    }
    return windowPassesPortable;
}

WindowCheckFunction bestWindowCheck() {
    for (auto kind : {HealthTests::WindowCheck::Avx2, HealthTests::WindowCheck::Sse2}) {
        if (WindowCheckFunction check = windowCheck(kind))
            return check;
    }
    return windowPassesPortable;
}

std::atomic<WindowCheckFunction> g_windowPasses{bestWindowCheck()};

} // namespace

bool HealthTests::useWindowCheck(WindowCheck kind) {
    const WindowCheckFunction check = windowCheck(kind);
    if (check)
        g_windowPasses = check;
    return check != nullptr;
}

HealthTests::Failure HealthTests::test(const uint8_t *data, size_t size) {
    if (m_failure.failed)
        return m_failure;
    const WindowCheckFunction windowPasses = g_windowPasses.load(std::memory_order_relaxed);
    // The state lives in locals while the bytes are tested: `data` may alias any member, so
    // the compiler would otherwise load and store every member for every byte.
    bool haveLast = m_haveLast;
    uint8_t last = m_last;
    int run = m_run;
    int windowFill = m_windowFill;
    uint8_t windowValue = m_windowValue;
    int windowCount = m_windowCount;
    const int rctCutoff = m_rctCutoff;
    const int aptCutoff = m_aptCutoff;
    auto save = [&](size_t tested) {
        m_haveLast = haveLast;
        m_last = last;
        m_run = run;
        m_windowFill = windowFill;
        m_windowValue = windowValue;
        m_windowCount = windowCount;
        m_seen += tested;
    };
    for (size_t i = 0; i < size; ++i) {
        if (windowFill == 0 && size - i >= kAptWindow && rctCutoff >= 3 &&
            windowPasses(data + i, haveLast, last, aptCutoff)) {
            // The whole window passes both tests: no run reaches 3, and its first value
            // comes fewer times than the cut-off. Only the state at its end matters.
            const uint8_t *w = data + i;
            last = w[kAptWindow - 1];
            run = w[kAptWindow - 1] == w[kAptWindow - 2] ? 2 : 1;
            haveLast = true;
            i += kAptWindow - 1;
            continue;
        }
        const uint8_t x = data[i];
        // 4.4.1: a run of the same value as long as the cut-off fails.
        if (haveLast && x == last) {
            if (++run >= rctCutoff) {
                save(i);
                m_failure = {true,     QStringLiteral("Repetition Count Test"), m_seen, x, run,
                             rctCutoff};
                return m_failure;
            }
        } else {
            last = x;
            run = 1;
            haveLast = true;
        }
        // 4.4.2: in each window of 512, count the first value's occurrences.
        if (windowFill == 0) {
            windowValue = x;
            windowCount = 1;
        } else if (x == windowValue) {
            if (++windowCount >= aptCutoff) {
                save(i);
                m_failure = {true,        QStringLiteral("Adaptive Proportion Test"),
                             m_seen,      x,
                             windowCount, aptCutoff};
                return m_failure;
            }
        }
        if (++windowFill == kAptWindow)
            windowFill = 0;
    }
    save(size);
    return Failure();
}

QString HealthTests::Failure::describe() const {
    if (!failed)
        return QStringLiteral("passed");
    return QStringLiteral("%1 failed at byte %2: the value 0x%3 came %4 times (cut-off %5)")
        .arg(test)
        .arg(offset)
        .arg(value, 2, 16, QLatin1Char('0'))
        .arg(count)
        .arg(cutoff);
}

void ByteStatistics::add(const uint8_t *data, size_t size) {
    for (size_t i = 0; i < size; ++i)
        ++counts[data[i]];
    total += size;
}

double ByteStatistics::chiSquare() const {
    if (total == 0)
        return 0.0;
    const double expected = static_cast<double>(total) / 256.0;
    double sum = 0.0;
    for (uint64_t c : counts) {
        const double d = static_cast<double>(c) - expected;
        sum += d * d / expected;
    }
    return sum;
}

double ByteStatistics::pValue() const {
    return upperRegularizedGamma(255.0 / 2.0, chiSquare() / 2.0);
}

// Numerical Recipes' split: the series for x < a + 1, the continued fraction otherwise.
double upperRegularizedGamma(double a, double x) {
    if (x <= 0.0)
        return 1.0;
    const double logPrefix = -x + a * std::log(x) - std::lgamma(a);
    if (x < a + 1.0) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < 10000; ++n) {
            term *= x / (a + n);
            sum += term;
            if (std::fabs(term) < std::fabs(sum) * 1e-15)
                break;
        }
        return 1.0 - sum * std::exp(logPrefix);
    }
    // Modified Lentz for the continued fraction of Q(a, x).
    const double tiny = 1e-300;
    double b = x + 1.0 - a;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < 10000; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < 1e-15)
            break;
    }
    return std::exp(logPrefix) * h;
}

} // namespace hsm
