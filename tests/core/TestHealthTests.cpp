// SPDX-License-Identifier: Apache-2.0
// SP 800-90B health tests on crafted sequences, their cut-offs against values computed
// independently (exact binomial sums in Python's fractions), and the chi-square p-value
// against closed forms.
#include "core/entropy/HealthTests.h"

#include <QTest>

#include <openssl/rand.h>

#include <vector>

using namespace hsm;

class TestHealthTests : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cutoffs_data() {
        QTest::addColumn<double>("h");
        QTest::addColumn<int>("rct");
        QTest::addColumn<int>("apt");
        // RCT = 1 + ceil(20 / H); APT = 1 + CRITBINOM(512, 2^-H, 1 - 2^-20), computed with
        // exact rational arithmetic outside this code base.
        QTest::newRow("H=1") << 1.0 << 21 << 311;
        QTest::newRow("H=2") << 2.0 << 11 << 177;
        QTest::newRow("H=4") << 4.0 << 6 << 62;
        QTest::newRow("H=8") << 8.0 << 4 << 13;
    }

    void cutoffs() {
        QFETCH(double, h);
        QFETCH(int, rct);
        QFETCH(int, apt);
        QCOMPARE(HealthTests::rctCutoff(h), rct);
        QCOMPARE(HealthTests::aptCutoff(h), apt);
    }

    void stuckByteTripsRctAtExactlyTheCutoff() {
        HealthTests tests(4.0); // cut-off 6
        std::vector<uint8_t> data{1, 2, 3};
        data.insert(data.end(), 5, 0x00); // five in a row: allowed
        data.push_back(9);
        QVERIFY(!tests.test(data.data(), data.size()).failed);
        HealthTests again(4.0);
        std::vector<uint8_t> stuck{7};
        stuck.insert(stuck.end(), 6, 0x00); // the sixth zero is the cut-off
        const auto failure = again.test(stuck.data(), stuck.size());
        QVERIFY(failure.failed);
        QCOMPARE(failure.test, QStringLiteral("Repetition Count Test"));
        QCOMPARE(failure.offset, size_t(6));
        QCOMPARE(failure.count, 6);
        QCOMPARE(failure.value, uint8_t(0));
        QVERIFY(failure.describe().contains(QStringLiteral("0x00 came 6 times (cut-off 6)")));
    }

    void runsCarryAcrossBlocks() {
        HealthTests tests(4.0);
        const uint8_t first[] = {5, 0xee, 0xee, 0xee};
        const uint8_t second[] = {0xee, 0xee, 0xee};
        QVERIFY(!tests.test(first, sizeof first).failed);
        const auto failure = tests.test(second, sizeof second);
        QVERIFY(failure.failed);
        QCOMPARE(failure.offset, size_t(6));
        // Once failed, it stays failed until reset.
        const uint8_t fine[] = {1, 2, 3};
        QVERIFY(tests.test(fine, sizeof fine).failed);
        tests.reset();
        QVERIFY(!tests.test(fine, sizeof fine).failed);
    }

    void biasedStreamTripsApt() {
        // 0xaa every other byte: no runs, but far too common for a window of 512.
        HealthTests tests(4.0); // APT cut-off 62
        std::vector<uint8_t> data;
        for (int i = 0; i < 512; ++i)
            data.push_back(i % 2 ? static_cast<uint8_t>(i % 251) : 0xaa);
        const auto failure = tests.test(data.data(), data.size());
        QVERIFY(failure.failed);
        QCOMPARE(failure.test, QStringLiteral("Adaptive Proportion Test"));
        QCOMPARE(failure.count, 62);
        QCOMPARE(failure.offset, size_t(122)); // the 62nd 0xaa, at index 2 * 61
    }

    void uniformDataPasses() {
        std::vector<uint8_t> data(4 * 1024 * 1024);
        QCOMPARE(RAND_bytes(data.data(), static_cast<int>(data.size())), 1);
        HealthTests tests; // the default declared min-entropy
        QVERIFY(!tests.test(data.data(), data.size()).failed);
        ByteStatistics stats;
        stats.add(data.data(), data.size());
        QVERIFY(stats.pValue() > 1e-4);
    }

    // Whole windows are checked eight bytes at a time; the verdict and the failing offset
    // must be those of the byte-by-byte tests (fed one byte per call, which never takes
    // the fast path), wherever in a window the fault sits.
    void windowFastPathAgreesWithByteByByte_data() {
        QTest::addColumn<int>("check");
        QTest::addColumn<double>("h");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("biased");
        const std::pair<const char *, HealthTests::WindowCheck> checks[] = {
            {"avx2", HealthTests::WindowCheck::Avx2},
            {"sse2", HealthTests::WindowCheck::Sse2},
            {"portable", HealthTests::WindowCheck::Portable}};
        for (const auto &[name, check] : checks) {
            if (!HealthTests::useWindowCheck(check))
                continue; // not on this processor
            const int c = int(check);
            QTest::addRow("%s: run mid-window", name) << c << 4.0 << 100000 + 37 << 6 << false;
            QTest::addRow("%s: run across windows", name)
                << c << 4.0 << 512 * 300 - 3 << 6 << false;
            QTest::addRow("%s: run just short", name) << c << 4.0 << 4096 + 500 << 5 << false;
            QTest::addRow("%s: run at window start", name) << c << 8.0 << 512 * 77 << 4 << false;
            QTest::addRow("%s: run at window end", name) << c << 4.0 << 512 * 78 - 6 << 6 << false;
            QTest::addRow("%s: pair at window end", name) << c << 8.0 << 512 * 79 - 2 << 2 << false;
            QTest::addRow("%s: biased window", name) << c << 8.0 << 512 * 90 << 0 << true;
            QTest::addRow("%s: clean", name) << c << 4.0 << 0 << 0 << false;
        }
    }

    void windowFastPathAgreesWithByteByByte() {
        QFETCH(int, check);
        QFETCH(double, h);
        QFETCH(int, offset);
        QFETCH(int, length);
        QFETCH(bool, biased);
        QVERIFY(HealthTests::useWindowCheck(static_cast<HealthTests::WindowCheck>(check)));
        std::vector<uint8_t> data(1 << 18);
        QCOMPARE(RAND_bytes(data.data(), static_cast<int>(data.size())), 1);
        for (int i = 0; i < length; ++i)
            data[static_cast<size_t>(offset + i)] = 0xa5;
        if (biased) {
            for (int i = 0; i < 512; i += 16)
                data[static_cast<size_t>(offset + i)] = data[static_cast<size_t>(offset)];
        }
        HealthTests blocks(h), bytes(h);
        HealthTests::Failure fast;
        for (size_t at = 0; at < data.size() && !fast.failed; at += 65536)
            fast = blocks.test(data.data() + at, 65536);
        HealthTests::Failure slow;
        for (size_t at = 0; at < data.size() && !slow.failed; ++at)
            slow = bytes.test(data.data() + at, 1);
        QCOMPARE(fast.failed, slow.failed);
        QCOMPARE(fast.test, slow.test);
        QCOMPARE(fast.offset, slow.offset);
        QCOMPARE(fast.count, slow.count);
    }

    void cleanupTestCase() {
        HealthTests::useWindowCheck(HealthTests::WindowCheck::Avx2) ||
            HealthTests::useWindowCheck(HealthTests::WindowCheck::Sse2);
    }

    void chiSquare() {
        ByteStatistics uniform;
        for (int v = 0; v < 256; ++v)
            for (int k = 0; k < 100; ++k)
                uniform.counts[v]++;
        uniform.total = 25600;
        QCOMPARE(uniform.chiSquare(), 0.0);
        QCOMPARE(uniform.pValue(), 1.0);
        ByteStatistics stuck;
        const std::vector<uint8_t> zeros(4096, 0);
        stuck.add(zeros.data(), zeros.size());
        QCOMPARE(stuck.chiSquare(), 4096.0 * 255);
        QVERIFY(stuck.pValue() < 1e-100);
    }

    void incompleteGammaAgainstClosedForms() {
        // Integer a: the Poisson sum; a = 1/2: erfc(sqrt(x)). Values computed outside.
        QVERIFY(qAbs(upperRegularizedGamma(128, 100) - 0.9960053797060031) < 1e-12);
        QVERIFY(qAbs(upperRegularizedGamma(128, 150) - 0.03058993509924371) < 1e-12);
        QVERIFY(qAbs(upperRegularizedGamma(128, 128) - 0.48824554909585993) < 1e-12);
        QVERIFY(qAbs(upperRegularizedGamma(5, 2) - 0.947346982656289) < 1e-12);
        QVERIFY(qAbs(upperRegularizedGamma(0.5, 0.3) - 0.4385780260809999) < 1e-12);
        QVERIFY(qAbs(upperRegularizedGamma(0.5, 3.0) - 0.014305878435429647) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestHealthTests)
#include "TestHealthTests.moc"
