// SPDX-License-Identifier: Apache-2.0
// Random numbers from SoftHSM through a module that can cap lengths, return constant
// bytes or hide its RNG: chunks, chunk halving, health-test rejection, missing CKF_RNG,
// and streams of many blocks through two buffers.
#include "core/client/HsmClient.h"
#include "tests/support/SoftHsmFixture.h"

#include <QSemaphore>
#include <QTest>

#include <limits>
#include <mutex>
#include <set>

using namespace hsm;
using namespace hsm::test;

class TestRandomSource : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    CK_SLOT_ID m_slot = 0;

    Result<int> draw(HsmClient &client, size_t size, size_t chunk) {
        return await(
            client.submit<int>([this, size, chunk](Module &m, RequestContext &) -> Result<int> {
                Result<Session> s = Session::shared(m, m_slot);
                if (!s)
                    return s.error();
                std::vector<unsigned char> out(size);
                if (Status st = entropy::hsmRandom(s.value(), out.data(), size, chunk); !st)
                    return st.error();
                return m.trace().countOf("C_GenerateRandom");
            }));
    }

    // What a stream's sink saw.
    struct Seen {
        std::mutex mutex;
        quint64 bytes = 0;
        int blocks = 0;
        size_t largest = 0;
        std::set<const unsigned char *> buffers;
        QByteArray firstBytes; // the first 16 bytes of every block
        QByteArray tail;       // the last 16 bytes of the last block
        entropy::RandomSink sink() {
            return [this](const unsigned char *data, size_t n) -> Status {
                std::lock_guard lock(mutex);
                bytes += n;
                ++blocks;
                largest = std::max(largest, n);
                buffers.insert(data);
                const qsizetype edge = qsizetype(std::min<size_t>(n, 16));
                firstBytes += QByteArray(reinterpret_cast<const char *>(data), edge);
                tail = QByteArray(reinterpret_cast<const char *>(data + n - size_t(edge)), edge);
                return Done{};
            };
        }
    };

private Q_SLOTS:
    void initTestCase() {
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("rng")}));
        m_slot = m_fixture->token(QStringLiteral("rng")).slot;
    }

    void cleanup() { qunsetenv("HSM_FAULTS"); }

    void largeRequestsInChunks() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        auto calls = draw(client, 1024 * 1024, 64 * 1024);
        QVERIFY2(calls, qPrintable(calls.error().toString()));
        QCOMPARE(calls.value(), 16);
    }

    void chunkHalvesWhenTheModuleCapsTheLength() {
        qputenv("HSM_FAULTS", "C_GenerateRandom cap=10000");
        HsmClient client;
        QVERIFY(await(client.load(QStringLiteral(HSM_TEST_FAULTS))));
        auto calls = draw(client, 100000, 64 * 1024);
        QVERIFY2(calls, qPrintable(calls.error().toString()));
        // 65536 → 32768 → 16384 → 8192 refused or accepted: three refusals, then 8192-byte
        // blocks: ceil(100000 / 8192) = 13.
        QCOMPARE(calls.value(), 3 + 13);
        const auto records = client.trace()->snapshot();
        int refused = 0;
        for (const CallRecord &r : records)
            refused += (QLatin1String(r.function) == QLatin1String("C_GenerateRandom") &&
                        r.rv == CKR_DATA_LEN_RANGE);
        QCOMPARE(refused, 3);
    }

    void constantBytesAreRejected() {
        qputenv("HSM_FAULTS", "C_GenerateRandom constant=0x42");
        HsmClient client;
        QVERIFY(await(client.load(QStringLiteral(HSM_TEST_FAULTS))));
        // Seeds for fragments and longer draws are refused, mixed or not.
        for (EntropySource source : {EntropySource::Hsm, EntropySource::Mixed}) {
            for (qint64 size : {qint64(64), qint64(3 * entropy::kStreamBlock)}) {
                auto bytes = await(client.randomBytes(m_slot, source, size));
                QVERIFY(!bytes);
                const QString message = bytes.error().message;
                QVERIFY2(message.contains(QStringLiteral("failed a health test")),
                         qPrintable(message));
                QVERIFY(message.contains(QStringLiteral("Repetition Count Test")));
                QVERIFY(message.contains(QStringLiteral("nothing drawn was used")));
            }
        }
        // The OS alone does not involve the HSM.
        QVERIFY(await(client.randomBytes(std::nullopt, EntropySource::Os, 64)));
        auto check = await(client.entropyCheck(m_slot, 65536, HealthTests::kDefaultMinEntropy));
        QVERIFY(check);
        QVERIFY(!check->passed());
        QVERIFY(check->failure.failed);
        QVERIFY(!check->chiSquarePassed());
    }

    void noRngFlag() {
        qputenv("HSM_FAULTS", "token flags=no-rng");
        HsmClient client;
        QVERIFY(await(client.load(QStringLiteral(HSM_TEST_FAULTS))));
        auto seed = await(client.randomBytes(m_slot, EntropySource::Hsm, 64));
        QVERIFY(!seed);
        QVERIFY(seed.error().message.contains(QStringLiteral("CKF_RNG is not set")));
        auto check = await(client.entropyCheck(m_slot, 65536, HealthTests::kDefaultMinEntropy));
        QVERIFY(!check);
        QVERIFY(check.error().message.contains(QStringLiteral("CKF_RNG is not set")));
    }

    // Any length goes through two reused blocks, in order, every byte drawn.
    void streamsThroughTwoBuffers_data() {
        QTest::addColumn<int>("source");
        QTest::addColumn<qint64>("size");
        QTest::newRow("hsm, 5 MiB + 123") << int(EntropySource::Hsm) << qint64(5 * 1048576 + 123);
        QTest::newRow("mixed, 3 MiB") << int(EntropySource::Mixed) << qint64(3 * 1048576);
        // The last block 17 bytes: its 16-byte tail is all zero only by a 2^-128 chance.
        QTest::newRow("os, 2 MiB + 17") << int(EntropySource::Os) << qint64(2 * 1048576 + 17);
    }

    void streamsThroughTwoBuffers() {
        QFETCH(int, source);
        QFETCH(qint64, size);
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        Seen seen;
        const auto from = static_cast<EntropySource>(source);
        const std::optional<CK_SLOT_ID> slot =
            from == EntropySource::Os ? std::nullopt : std::optional(m_slot);
        QFuture<Status> future = client.streamRandom(slot, from, size, seen.sink());
        Status s = await(future);
        QVERIFY2(s, qPrintable(s.error().toString()));
        QCOMPARE(seen.bytes, quint64(size));
        constexpr qint64 block = entropy::kStreamBlock;
        QCOMPARE(seen.blocks, int((size + block - 1) / block));
        QCOMPARE(seen.largest, entropy::kStreamBlock);
        QVERIFY(seen.buffers.size() <= 2);
        QCOMPARE(future.progressValue(), future.progressMaximum());
        // No block is a copy of another, and the last one was filled to its end.
        std::set<QByteArray> heads;
        for (int i = 0; i < seen.blocks; ++i)
            heads.insert(seen.firstBytes.mid(i * 16, 16));
        QCOMPARE(int(heads.size()), seen.blocks);
        QVERIFY(seen.tail != QByteArray(16, '\0'));
        const int generated = client.trace()->countOf("C_GenerateRandom");
        QCOMPARE(generated, from == EntropySource::Os ? 0 : seen.blocks);
    }

    // The in-memory form is the stream copied block after block.
    void randomBytesFillsEveryBlock() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        const qint64 size = 2 * 1048576 + 5; // four blocks and five bytes
        auto bytes = await(client.randomBytes(m_slot, EntropySource::Hsm, size));
        QVERIFY(bytes);
        QCOMPARE(qint64(bytes.value()->size()), size);
        const auto *data = reinterpret_cast<const char *>(bytes.value()->data());
        for (qint64 at : {qint64(0), qint64(1048576), qint64(2 * 1048576 - 16), size - 16})
            QVERIFY2(QByteArray(data + at, 16) != QByteArray(16, '\0'),
                     qPrintable(QString::number(at)));
    }

    // A block that fails its health test ends the stream: what the sink had passed, and
    // not a byte of the failing block or of any drawn after it.
    void healthFailurePartWayEndsTheStream() {
        qputenv("HSM_FAULTS", "C_GenerateRandom constant=0x42 from=3");
        HsmClient client;
        QVERIFY(await(client.load(QStringLiteral(HSM_TEST_FAULTS))));
        Seen seen;
        Status s = await(client.streamRandom(m_slot, EntropySource::Hsm, 6 * 1048576, seen.sink()));
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QStringLiteral("Repetition Count Test")),
                 qPrintable(s.error().message));
        const quint64 passed = 2 * entropy::kStreamBlock; // the third call failed
        QVERIFY(s.error().message.contains(QStringLiteral("the first %1 bytes").arg(passed)));
        QCOMPARE(seen.bytes, passed);
        QVERIFY(client.trace()->countOf("C_GenerateRandom") <= 4); // one block drawn ahead
    }

    // The sink's error (a full disk) ends the stream with that error.
    void sinkErrorEndsTheStream() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        std::atomic<int> calls{0};
        Status s = await(client.streamRandom(
            m_slot, EntropySource::Hsm, 8 * 1048576, [&](const unsigned char *, size_t) -> Status {
                if (++calls == 2)
                    return Error::make(Error::Kind::System, QStringLiteral("The disk is full."));
                return Done{};
            }));
        QVERIFY(!s);
        QCOMPARE(s.error().message, QStringLiteral("The disk is full."));
        QCOMPARE(calls.load(), 2);
        QVERIFY(client.trace()->countOf("C_GenerateRandom") <= 4);
    }

    void cancelEndsTheStream() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        QSemaphore entered, cancelled;
        std::atomic<quint64> bytes{0};
        QFuture<Status> future = client.streamRandom(
            m_slot, EntropySource::Hsm, 64 * 1048576, [&](const unsigned char *, size_t n) {
                if (bytes.fetch_add(n) == 0) {
                    entered.release();
                    cancelled.acquire(); // holds the first block until the test cancels
                }
                return Status(Done{});
            });
        entered.acquire();
        future.cancel();
        cancelled.release();
        future.waitForFinished();
        QVERIFY(future.isCanceled());
        QVERIFY(bytes.load() <= 3 * entropy::kStreamBlock);
        QVERIFY(client.trace()->countOf("C_GenerateRandom") <= 3);
    }

    // The core refuses what the CLI refuses (the GUI calls it directly), before any draw.
    void checkRefusesBadNumbers() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        const QList<QPair<qint64, double>> bad = {{1, 4.0},
                                                  {0, 4.0},
                                                  {-5, 4.0},
                                                  {4095, 4.0},
                                                  {(qint64(1) << 32) + 1, 4.0},
                                                  {65536, nan},
                                                  {65536, inf},
                                                  {65536, -inf},
                                                  {65536, 1e-300},
                                                  {65536, 0.0},
                                                  {65536, 8.01}};
        for (const auto &[bytes, h] : bad) {
            auto check = await(client.entropyCheck(m_slot, bytes, h));
            QVERIFY2(!check, qPrintable(QStringLiteral("%1 bytes at %2").arg(bytes).arg(h)));
            QCOMPARE(check.error().kind, Error::Kind::Input);
            QVERIFY(!check.error().message.contains(QLatin1Char('\n')));
        }
        QCOMPARE(client.trace()->countOf("C_GenerateRandom"), 0);
        QVERIFY(await(
            client.entropyCheck(m_slot, entropy::kMinCheckBytes, entropy::kLowestMinEntropy)));
    }

    void checkOnAGoodGenerator() {
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        auto future = client.entropyCheck(m_slot, 1024 * 1024, HealthTests::kDefaultMinEntropy);
        auto check = await(future);
        QVERIFY2(check, qPrintable(check.error().toString()));
        QVERIFY(check->passed());
        QCOMPARE(check->bytes, 1024 * 1024);
        QCOMPARE(check->calls, 16);
        QCOMPARE(check->statistics.total, quint64(1024 * 1024));
        QCOMPARE(check->rctCutoff, 6);
        QCOMPARE(check->aptCutoff, 62);
        QVERIFY(check->mibPerSecond() > 0);
        QCOMPARE(future.progressValue(), future.progressMaximum());
    }
};

QTEST_GUILESS_MAIN(TestRandomSource)
#include "TestRandomSource.moc"
