#include "EntropyCheckCommand.h"

#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> EntropyCheckCommand::options() const {
    return {
        QCommandLineOption(QStringLiteral("bytes"),
                           QStringLiteral("How many bytes to test (default: 1 MiB)."),
                           QStringLiteral("n"), QString::number(entropy::kDefaultCheckBytes)),
        QCommandLineOption(
            QStringLiteral("min-entropy"),
            QStringLiteral("Declared min-entropy per byte for the health tests' cut-offs "
                           "(default: 4)."),
            QStringLiteral("bits"), QString::number(HealthTests::kDefaultMinEntropy)),
    };
}

int EntropyCheckCommand::run(CommandContext &context) {
    bool ok = false;
    const qint64 bytes = context.value(QStringLiteral("bytes")).toLongLong(&ok);
    if (!ok || bytes <= 0)
        return context.usage(QStringLiteral("--bytes must be a positive number."));
    const double minEntropy = context.value(QStringLiteral("min-entropy")).toDouble(&ok);
    if (!ok || minEntropy <= 0 || minEntropy > 8)
        return context.usage(
            QStringLiteral("--min-entropy must be above 0 and at most 8 bits per byte."));
    Result<SlotInfo> slot = context.selectToken();
    if (!slot)
        return context.fail(slot.error());
    Result<EntropyCheckReport> report =
        await(context.client().entropyCheck(slot->id, bytes, minEntropy));
    if (!report)
        return context.fail(report.error());
    const EntropyCheckReport &r = report.value();
    const QString rct = r.failure.failed && r.failure.test.startsWith(QLatin1String("Repetition"))
                            ? r.failure.describe()
                            : QStringLiteral("passed");
    const QString apt =
        r.failure.failed && r.failure.test.startsWith(QLatin1String("Adaptive"))
            ? r.failure.describe()
            : (r.failure.failed ? QStringLiteral("not reached") : QStringLiteral("passed"));
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
        QTextStream &out = context.out();
        out << "bytes:        " << r.bytes << " in " << r.calls << " calls\n"
            << "throughput:   " << QString::number(r.mibPerSecond(), 'f', 1) << " MiB/s\n"
            << "latency:      " << QString::number(r.meanCallMicros, 'f', 1) << " us per call (max "
            << QString::number(r.maxCallMicros, 'f', 1) << " us)\n"
            << "RCT:          " << rct << " (cut-off " << r.rctCutoff << ", min-entropy "
            << r.minEntropy << " bits/byte)\n"
            << "APT:          " << apt << " (cut-off " << r.aptCutoff << " in "
            << HealthTests::kAptWindow << ")\n"
            << "chi-square:   " << QString::number(r.chiSquare, 'f', 1)
            << " (255 degrees of freedom), p = " << QString::number(r.pValue, 'g', 4)
            << (r.chiSquarePassed() ? "" : "  FAIL: far from uniform") << '\n'
            << "result:       " << (r.passed() ? "PASS" : "FAIL") << Qt::endl;
    }
    return r.passed() ? 0 : 1;
}

} // namespace hsm::cli
