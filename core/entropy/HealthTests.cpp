#include "entropy/HealthTests.h"

#include <cmath>

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

HealthTests::Failure HealthTests::test(const uint8_t *data, size_t size) {
    if (m_failure.failed)
        return m_failure;
    for (size_t i = 0; i < size; ++i, ++m_seen) {
        const uint8_t x = data[i];
        // 4.4.1: a run of the same value as long as the cut-off fails.
        if (m_haveLast && x == m_last) {
            if (++m_run >= m_rctCutoff) {
                m_failure = {true,       QStringLiteral("Repetition Count Test"), m_seen, x, m_run,
                             m_rctCutoff};
                return m_failure;
            }
        } else {
            m_last = x;
            m_run = 1;
            m_haveLast = true;
        }
        // 4.4.2: in each window of 512, count the first value's occurrences.
        if (m_windowFill == 0) {
            m_windowValue = x;
            m_windowCount = 1;
        } else if (x == m_windowValue) {
            if (++m_windowCount >= m_aptCutoff) {
                m_failure = {true,          QStringLiteral("Adaptive Proportion Test"),
                             m_seen,        x,
                             m_windowCount, m_aptCutoff};
                return m_failure;
            }
        }
        if (++m_windowFill == kAptWindow)
            m_windowFill = 0;
    }
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
