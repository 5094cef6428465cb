// SPDX-License-Identifier: Apache-2.0
#include "core/entropy/EntropyCheck.h"

#include "core/base/RequestContext.h"
#include "core/entropy/RandomSource.h"

#include <vector>

namespace hsm::entropy {

Result<EntropyCheckReport> check(Session &session, qint64 bytes, RequestContext *context,
                                 double minEntropy) {
    if (bytes <= 0)
        return Error::make(Error::Kind::Input,
                           QStringLiteral("The check needs at least one byte."));
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
