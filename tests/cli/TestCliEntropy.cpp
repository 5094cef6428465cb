// SPDX-License-Identifier: Apache-2.0
// random and entropy-check from the command line, and fragment generation refusing a
// broken generator without writing anything.
#include "core/entropy/RandomSource.h"
#include "tests/support/CliRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hsm;
using namespace hsm::test;

class TestCliEntropy : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    QTemporaryDir m_dir;

    QStringList environment(const QString &module, const QStringList &env) const {
        return m_fixture->environment() +
               QStringList{QStringLiteral("PKCS11_LIB_PATH=") + module,
                           QStringLiteral("HSM_TOKEN_LABEL=rng"),
                           QStringLiteral("HSM_PIN=") + QLatin1String(SoftHsmFixture::kUserPin)} +
               env;
    }
    RunResult cli(const QStringList &args) {
        return cliRun::inProcess(args, environment(SoftHsmFixture::modulePath(), {}), m_dir.path());
    }
    // The fault module counts calls from its loading: only a process of its own starts
    // every run at call one.
    RunResult cliWithFaults(const QStringList &args, const QStringList &faults) {
        return cliRun::process(args, environment(QStringLiteral(HSM_TEST_FAULTS), faults),
                               m_dir.path());
    }

private Q_SLOTS:
    void initTestCase() {
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("rng")}));
        QVERIFY(m_fixture->importSecret(QStringLiteral("rng"), QStringLiteral("akeyless_hsm"),
                                        QByteArray(32, 'k')));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void randomBytes() {
        RunResult r =
            cli({QStringLiteral("random"), QStringLiteral("--bytes"), QStringLiteral("100000")});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out.size(), 100000); // raw, since stdout is a pipe
        r = cli({QStringLiteral("random"), QStringLiteral("--bytes"), QStringLiteral("32"),
                 QStringLiteral("--encoding"), QStringLiteral("hex"), QStringLiteral("--source"),
                 QStringLiteral("mixed")});
        QCOMPARE(r.status, 0);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}\\n$"))
                    .match(QString::fromLatin1(r.out))
                    .hasMatch());
        const QString file = m_dir.filePath(QStringLiteral("random.bin"));
        r = cli({QStringLiteral("random"), QStringLiteral("--bytes"), QStringLiteral("4096"),
                 QStringLiteral("--out"), file, QStringLiteral("--encoding"),
                 QStringLiteral("base64")});
        QCOMPARE(r.status, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QByteArray::fromBase64(f.readAll()).size(), 4096);
        QCOMPARE(int(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)), 0);
        QCOMPARE(cli({QStringLiteral("random")}).status, 2);
        QCOMPARE(cli({QStringLiteral("random"), QStringLiteral("--bytes"), QStringLiteral("8"),
                      QStringLiteral("--source"), QStringLiteral("dice")})
                     .status,
                 2);
    }

    // Hex and base64 cross block boundaries as one line, whatever the length.
    void encodingsAcrossBlocks_data() {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("size");
        for (const char *encoding : {"hex", "base64"})
            for (int size : {int(entropy::kStreamBlock) - 1, int(entropy::kStreamBlock) + 1,
                             2 * int(entropy::kStreamBlock) + 2, 1048576 + 1})
                QTest::addRow("%s %d", encoding, size) << QString::fromLatin1(encoding) << size;
    }

    void encodingsAcrossBlocks() {
        QFETCH(QString, encoding);
        QFETCH(int, size);
        const RunResult r = cli({QStringLiteral("random"), QStringLiteral("--bytes"),
                                 QString::number(size), QStringLiteral("--encoding"), encoding});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.endsWith('\n'));
        QCOMPARE(r.out.count('\n'), 1);
        const QByteArray text = r.out.chopped(1);
        QByteArray bytes;
        if (encoding == QLatin1String("hex")) {
            QVERIFY(QRegularExpression(QStringLiteral("\\A[0-9a-f]*\\z"))
                        .match(QString::fromLatin1(text))
                        .hasMatch());
            bytes = QByteArray::fromHex(text);
        } else {
            auto decoded =
                QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
            QVERIFY(decoded);
            QCOMPARE(decoded.decoded.toBase64(), text); // padding only at the end
            bytes = decoded.decoded;
        }
        QCOMPARE(bytes.size(), size);
        QVERIFY(bytes.right(16) != QByteArray(16, '\0'));
    }

    // A health test failing after two good blocks (the third C_GenerateRandom): a file gets
    // nothing; standard output has the two blocks that passed, and the error says so.
    void healthFailurePartWay() {
        const QStringList faults{
            QStringLiteral("HSM_FAULTS=C_GenerateRandom constant=0x42 from=3")};
        const QString file = m_dir.filePath(QStringLiteral("partial.bin"));
        RunResult r = cliWithFaults({QStringLiteral("random"), QStringLiteral("--bytes"),
                                     QString::number(8 * 1048576), QStringLiteral("--out"), file},
                                    faults);
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("failed a health test")), qPrintable(r.err));
        QVERIFY(!QFile::exists(file));
        QCOMPARE(QDir(m_dir.path())
                     .entryList(QDir::Files | QDir::Hidden)
                     .filter(QStringLiteral("partial")),
                 QStringList());

        r = cliWithFaults(
            {QStringLiteral("random"), QStringLiteral("--bytes"), QString::number(8 * 1048576)},
            faults);
        QCOMPARE(r.status, 1);
        const int passed = 2 * int(entropy::kStreamBlock);
        QVERIFY2(r.err.contains(QStringLiteral("the first %1 bytes").arg(passed)),
                 qPrintable(r.err));
        QCOMPARE(r.out.size(), passed);
    }

    void entropyCheck() {
        RunResult r = cli(
            {QStringLiteral("entropy-check"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QStringLiteral("bytes")).toInt(), 1024 * 1024);
        QCOMPARE(report.value(QStringLiteral("passed")).toBool(), true);
        QCOMPARE(report.value(QStringLiteral("rct"))
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toString(),
                 QStringLiteral("passed"));
        QVERIFY(report.value(QStringLiteral("p_value")).toDouble() > 0);

        r = cliWithFaults({QStringLiteral("entropy-check")},
                          {QStringLiteral("HSM_FAULTS=C_GenerateRandom constant=0x42")});
        QCOMPARE(r.status, 1);
        QVERIFY(r.out.contains("RCT:          Repetition Count Test failed"));
        QVERIFY(r.out.contains("result:       FAIL"));

        r = cliWithFaults({QStringLiteral("entropy-check")},
                          {QStringLiteral("HSM_FAULTS=token flags=no-rng")});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("CKF_RNG is not set")));
    }

    // Sizes the tests cannot judge, sizes beyond `random`'s bound, and min-entropy values
    // that are not numbers or would overflow the cut-offs: one line, exit 2, nothing drawn.
    void entropyCheckRefusesBadNumbers_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("1 byte") << QStringList{QStringLiteral("--bytes"), QStringLiteral("1")};
        QTest::newRow("just under the minimum")
            << QStringList{QStringLiteral("--bytes"), QStringLiteral("4095")};
        QTest::newRow("above 4 GiB")
            << QStringList{QStringLiteral("--bytes"), QString::number((qint64(1) << 32) + 1)};
        for (const char *h : {"nan", "NaN", "inf", "-inf", "1e-300", "0.1", "0", "-1", "8.5"})
            QTest::newRow(h) << QStringList{QStringLiteral("--min-entropy"), QLatin1String(h)};
    }
    void entropyCheckRefusesBadNumbers() {
        QFETCH(QStringList, args);
        const RunResult r = cli(QStringList{QStringLiteral("entropy-check")} + args);
        QCOMPARE(r.status, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(!r.err.contains(QStringLiteral("2147483647")), qPrintable(r.err));
        // The smallest size and the lowest min-entropy still run.
        if (args.first() == QLatin1String("--bytes"))
            QCOMPARE(cli({QStringLiteral("entropy-check"), QStringLiteral("--bytes"),
                          QStringLiteral("4096")})
                         .status,
                     0);
    }

    void fragmentGenerationRefusesABrokenGenerator() {
        const RunResult r = cliWithFaults(
            {QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"), QStringLiteral("CF"),
             QStringLiteral("-t"), QStringLiteral("hsm_wrapped"), QStringLiteral("-k"),
             QStringLiteral("akeyless_hsm"), QStringLiteral("--entropy"), QStringLiteral("hsm")},
            {QStringLiteral("HSM_FAULTS=C_GenerateRandom constant=0x42")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("failed a health test")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("customer_fragments.json"))));
    }
};

QTEST_GUILESS_MAIN(TestCliEntropy)
#include "TestCliEntropy.moc"
