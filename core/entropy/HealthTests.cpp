#include "entropy/HealthTests.h"

#include <cmath>
#include <cstring>

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

// Whether a whole APT window starting at `w` surely passes both tests, eight bytes at a
// time (the byte-by-byte tests took a third of `random`'s time): no three equal bytes in a
// row, nor a first byte repeating the previous one, and fewer than `aptCutoff` bytes equal
// to the window's first. Random data takes this path almost always; any other window goes
// through the exact byte-by-byte tests.
bool windowPasses(const uint8_t *w, bool haveLast, uint8_t last, int aptCutoff) {
    constexpr int n = HealthTests::kAptWindow;
    if (haveLast && w[0] == last)
        return false;
    const uint64_t first = 0x0101010101010101ULL * w[0];
    // Per-lane counts (at most n / 8 = 64 each, so no lane overflows), summed at the end;
    // no popcount, which the baseline x86-64 target only has as a library call.
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

} // namespace

HealthTests::Failure HealthTests::test(const uint8_t *data, size_t size) {
    if (m_failure.failed)
        return m_failure;
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
