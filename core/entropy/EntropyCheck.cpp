// SPDX-License-Identifier: Apache-2.0
#include "core/entropy/EntropyCheck.h"

#include "core/base/RequestContext.h"
#include "core/entropy/RandomSource.h"

#include <QCoreApplication>

#include <cmath>
#include <vector>

namespace hsm::entropy {

Status checkParameters(qint64 bytes, double minEntropy) {
    if (bytes < kMinCheckBytes || bytes > kMaxCheckBytes)
        return Error::make(Error::Kind::Input,
                           QCoreApplication::translate("hsm::EntropyCheck",
                                                       "The entropy check needs from %1 bytes "
                                                       "(what its tests need) to 4 GiB, not %2.")
                               .arg(kMinCheckBytes)
                               .arg(bytes));
    // NaN fails every comparison, so the range is written to let only real values through.
    if (!std::isfinite(minEntropy) ||
        !(minEntropy >= kLowestMinEntropy && minEntropy <= kHighestMinEntropy))
        return Error::make(Error::Kind::Input,
                           QCoreApplication::translate("hsm::EntropyCheck",
                                                       "The declared min-entropy must be from %1 "
                                                       "to %2 bits per byte, not %3.")
                               .arg(kLowestMinEntropy)
                               .arg(kHighestMinEntropy)
                               .arg(minEntropy));
    return Done{};
}

Result<EntropyCheckReport> check(Session &session, qint64 bytes, RequestContext *context,
                                 double minEntropy) {
    if (Status s = checkParameters(bytes, minEntropy); !s)
        return s.error();
    Result<bool> rng = tokenHasRng(session);
    if (!rng)
        return rng.error();
    if (!rng.value())
        return Error::make(
            Error::Kind::Input,
            QStringLiteral("The token has no random number generator (CKF_RNG is not "
                           "set), so HSM_USE_RAND=true cannot work with it."));
    EntropyCheckReport report;
    HealthTests tests(minEntropy);
    report.minEntropy = minEntropy;
    report.rctCutoff = tests.rctCutoff();
    report.aptCutoff = tests.aptCutoff();
    std::vector<unsigned char> block(kDefaultChunk);
    qint64 totalNs = 0;
    qint64 maxNs = 0;
    const auto onBlock = [&](size_t, qint64 ns) {
        ++report.calls;
        totalNs += ns;
        maxNs = std::max(maxNs, ns);
    };
    while (report.bytes < bytes) {
        if (context && context->isCancelled())
            return Error::cancelled();
        const size_t n = static_cast<size_t>(std::min<qint64>(block.size(), bytes - report.bytes));
        Status s = hsmRandom(session, block.data(), n, block.size(), onBlock);
        if (!s)
            return s.error();
        report.statistics.add(block.data(), n);
        // The health tests report a failure rather than end the check with an error.
        if (!report.failure.failed)
            report.failure = tests.test(block.data(), n);
        report.bytes += static_cast<qint64>(n);
        if (context)
            context->reportProgress(report.bytes, bytes);
    }
    report.seconds = totalNs / 1e9;
    report.meanCallMicros = report.calls ? totalNs / 1e3 / report.calls : 0;
    report.maxCallMicros = maxNs / 1e3;
    report.chiSquare = report.statistics.chiSquare();
    report.pValue = report.statistics.pValue();
    return report;
}

} // namespace hsm::entropy
