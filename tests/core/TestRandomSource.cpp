// Random numbers from SoftHSM through a module that can cap lengths, return constant
// bytes or hide its RNG: chunks, chunk halving, health-test rejection, missing CKF_RNG.
#include "SoftHsmFixture.h"
#include "client/HsmClient.h"

#include <QTest>

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
                HealthTests tests;
                if (Status st = entropy::hsmRandom(s.value(), out.data(), size, chunk, &tests); !st)
                    return st.error();
                return m.trace().countOf("C_GenerateRandom");
            }));
    }

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
        auto calls = draw(client, 4096, 4096);
        QVERIFY(!calls);
        QVERIFY2(calls.error().message.contains(QStringLiteral("failed a health test")),
                 qPrintable(calls.error().message));
        QVERIFY(calls.error().message.contains(QStringLiteral("Repetition Count Test")));
        QVERIFY(calls.error().message.contains(QStringLiteral("nothing drawn was used")));
        // Seeds for fragments are refused the same way, mixed or not.
        for (EntropySource source : {EntropySource::Hsm, EntropySource::Mixed}) {
            auto seed = await(client.randomBytes(m_slot, source, 64));
            QVERIFY(!seed);
            QVERIFY(seed.error().message.contains(QStringLiteral("failed a health test")));
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
        auto check = await(client.entropyCheck(m_slot, 1024, HealthTests::kDefaultMinEntropy));
        QVERIFY(!check);
        QVERIFY(check.error().message.contains(QStringLiteral("CKF_RNG is not set")));
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
