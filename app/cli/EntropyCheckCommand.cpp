// SPDX-License-Identifier: Apache-2.0
#include "app/cli/EntropyCheckCommand.h"

#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> EntropyCheckCommand::options() const {
    return {
        QCommandLineOption(QStringLiteral("bytes"), tr("How many bytes to test (default: 1 MiB)."),
                           QStringLiteral("n"), QString::number(entropy::kDefaultCheckBytes)),
        QCommandLineOption(QStringLiteral("min-entropy"),
                           tr("Declared min-entropy per byte for the health tests' cut-offs "
                              "(default: 4)."),
                           QStringLiteral("bits"),
                           QString::number(HealthTests::kDefaultMinEntropy)),
    };
}

std::optional<int> EntropyCheckCommand::prepare(CommandContext &context) {
    bool ok = false;
    m_bytes = context.value(QStringLiteral("bytes")).toLongLong(&ok);
    if (!ok)
        return context.usage(tr("--bytes must be a whole number."));
    m_minEntropy = context.value(QStringLiteral("min-entropy")).toDouble(&ok);
    if (!ok)
        return context.usage(tr("--min-entropy must be a number of bits per byte."));
    // The core's rules, before a token is opened: one line, nothing drawn.
    if (Status s = entropy::checkParameters(m_bytes, m_minEntropy); !s)
        return context.usage(s.error().message);
    return std::nullopt;
}

int EntropyCheckCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    Result<EntropyCheckReport> report =
        await(context.client().entropyCheck(token.slot.id, m_bytes, m_minEntropy));
    if (!report)
        return context.fail(report.error());
    const EntropyCheckReport &r = report.value();
    const QString rct = r.failure.failed && r.failure.test.startsWith(QLatin1String("Repetition"))
                            ? r.failure.describe()
                            : tr("passed");
    const QString apt = r.failure.failed && r.failure.test.startsWith(QLatin1String("Adaptive"))
                            ? r.failure.describe()
                            : (r.failure.failed ? tr("not reached") : tr("passed"));
    if (context.format() == OutputFormat::Json) {
        context.printJson(QJsonObject{
            {QStringLiteral("bytes"), r.bytes},
            {QStringLiteral("mib_per_second"), r.mibPerSecond()},
            {QStringLiteral("calls"), r.calls},
            {QStringLiteral("mean_call_us"), r.meanCallMicros},
            {QStringLiteral("max_call_us"), r.maxCallMicros},
            {QStringLiteral("min_entropy_per_byte"), r.minEntropy},
            {QStringLiteral("rct"),
             QJsonObject{{QStringLiteral("cutoff"), r.rctCutoff}, {QStringLiteral("result"), rct}}},
            {QStringLiteral("apt"), QJsonObject{{QStringLiteral("cutoff"), r.aptCutoff},
                                                {QStringLiteral("window"), HealthTests::kAptWindow},
                                                {QStringLiteral("result"), apt}}},
            {QStringLiteral("chi_square"), r.chiSquare},
            {QStringLiteral("p_value"), r.pValue},
            {QStringLiteral("passed"), r.passed()},
        });
    } else {
        // Label and value; the labels are padded to one column in any language.
        const QList<QPair<QString, QString>> lines = {
            {tr("bytes:"), tr("%1 in %n calls", nullptr, static_cast<int>(r.calls)).arg(r.bytes)},
            {tr("throughput:"), tr("%1 MiB/s").arg(QString::number(r.mibPerSecond(), 'f', 1))},
            {tr("latency:"), tr("%1 us per call (max %2 us)")
                                 .arg(QString::number(r.meanCallMicros, 'f', 1),
                                      QString::number(r.maxCallMicros, 'f', 1))},
            {QStringLiteral("RCT:"), tr("%1 (cut-off %2, min-entropy %3 bits/byte)")
                                         .arg(rct)
                                         .arg(r.rctCutoff)
                                         .arg(r.minEntropy)},
            {QStringLiteral("APT:"),
             tr("%1 (cut-off %2 in %3)").arg(apt).arg(r.aptCutoff).arg(HealthTests::kAptWindow)},
            {tr("chi-square:"),
             tr("%1 (255 degrees of freedom), p = %2")
                     .arg(QString::number(r.chiSquare, 'f', 1), QString::number(r.pValue, 'g', 4)) +
                 (r.chiSquarePassed() ? QString() : tr("  FAIL: far from uniform"))},
            {tr("result:"), r.passed() ? tr("PASS") : tr("FAIL")},
        };
        qsizetype width = 0;
        for (const auto &line : lines)
            width = std::max(width, line.first.size());
        QTextStream &out = context.out();
        for (const auto &line : lines)
            out << line.first.leftJustified(width + 3) << line.second << '\n';
        out.flush();
    }
    return r.passed() ? 0 : 1;
}

} // namespace hsm::cli
