// SPDX-License-Identifier: Apache-2.0
// The core against a misbehaving HSM: SoftHSM behind the fault-injecting module
// (tests/faults). Each scenario checks that the error names the PKCS#11 function and its
// CKR_ value, that nothing crashes, and that the next request works once the fault is
// cleared.
#include "core/base/ReturnValues.h"
#include "core/client/HsmClient.h"
#include "core/fragment/FragmentDerivation.h"
#include "tests/support/SoftHsmFixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace hsm;
using namespace hsm::test;
using namespace std::chrono_literals;

namespace {

constexpr char kKey[] = "akeyless_hsm";
constexpr int kKeys = 40;

QString rvName(CK_RV rv) {
    return returnValueName(rv);
}

} // namespace

class TestFaults : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    QTemporaryDir m_dir;
    std::unique_ptr<HsmClient> m_client;
    CK_SLOT_ID m_slot = 0;

    QString rulesPath() const { return m_dir.filePath(QStringLiteral("faults")); }
    void setFaults(const QByteArray &rules) {
        QFile file(rulesPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(rules);
    }
    void clearFaults() { setFaults(QByteArray()); }

    void loadFaultModule() {
        auto loaded = await(m_client->load(QStringLiteral(HSM_TEST_FAULTS)));
        QVERIFY2(loaded, qPrintable(loaded.error().toString()));
    }
    void logIn() {
        auto in = await(
            m_client->login(m_slot, SecretBytes::fromRaw(SoftHsmFixture::kUserPin,
                                                         std::strlen(SoftHsmFixture::kUserPin))));
        QVERIFY2(in, qPrintable(in.error().toString()));
    }
    static CustomerFragment fragment() {
        return CustomerFragment::make(QStringLiteral("cf-faults"), QByteArray(32, '\x07'),
                                      QStringLiteral("faults"), QString(), FragmentType::HsmSecured,
                                      QString::fromLatin1(kKey));
    }
    Result<HsmClient::Derived> derive() {
        return await(m_client->deriveFragment(m_slot, fragment(), false));
    }
    int objectCount() {
        auto all = awaitAll(m_client->objects(m_slot));
        return all ? int(all->size()) : -1;
    }
    // The error names the function and the return value, as the operator will read it.
    static bool names(const Error &error, const char *function, CK_RV rv) {
        const QString text = error.toString();
        return text.contains(QLatin1String(function)) && text.contains(rvName(rv));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("faults")}));
        m_slot = m_fixture->token(QStringLiteral("faults")).slot;
        QVERIFY(m_fixture->importSecret(QStringLiteral("faults"), QString::fromLatin1(kKey),
                                        QByteArray(32, '\x11')));
        QVERIFY(m_fixture->generateKeys(QStringLiteral("faults"), QStringLiteral("k"), kKeys));
        qputenv("HSM_FAULTS_FILE", QFile::encodeName(rulesPath()));
    }

    void init() {
        clearFaults();
        m_client = std::make_unique<HsmClient>();
        loadFaultModule();
    }

    void cleanup() {
        clearFaults();
        m_client.reset();
    }

    void cleanupTestCase() { qunsetenv("HSM_FAULTS_FILE"); }

    void deviceErrorMidListing() {
        logIn();
        const int all = objectCount();
        QCOMPARE(all, kKeys + 1);
        // The second C_FindObjects of the listing: after the first rows were handed out.
        setFaults("C_FindObjects rv=CKR_DEVICE_ERROR call=2");
        QFuture<Result<QList<ObjectInfo>>> listing = m_client->objects(m_slot);
        auto failed = awaitAll(listing);
        QVERIFY(!failed);
        QVERIFY2(names(failed.error(), "C_FindObjects", CKR_DEVICE_ERROR),
                 qPrintable(failed.error().toString()));
        clearFaults();
        QCOMPARE(objectCount(), all);
    }

    void deviceRemovedMidListing() {
        logIn();
        setFaults("C_GetAttributeValue rv=CKR_DEVICE_REMOVED from=5");
        auto failed = awaitAll(m_client->objects(m_slot));
        QVERIFY(!failed);
        QVERIFY2(names(failed.error(), "C_GetAttributeValue", CKR_DEVICE_REMOVED),
                 qPrintable(failed.error().toString()));
        clearFaults();
        QCOMPARE(objectCount(), kKeys + 1);
    }

    void tokenNotPresentAfterSelection() {
        TokenSelection selection;
        selection.label = {QStringLiteral("faults"), QStringLiteral("--token-label")};
        auto selected = await(m_client->selectToken(selection));
        QVERIFY2(selected, qPrintable(selected.error().toString()));
        QCOMPARE(selected->id, m_slot);
        setFaults("token removed");
        auto state = await(m_client->pinState(m_slot));
        QVERIFY(!state);
        QVERIFY2(names(state.error(), "C_GetTokenInfo", CKR_TOKEN_NOT_PRESENT),
                 qPrintable(state.error().toString()));
        auto mechanisms = await(m_client->mechanisms(m_slot));
        QVERIFY(!mechanisms);
        QVERIFY2(mechanisms.error().toString().contains(rvName(CKR_TOKEN_NOT_PRESENT)),
                 qPrintable(mechanisms.error().toString()));
        auto again = await(m_client->selectToken(selection));
        QVERIFY(!again);
        QVERIFY2(again.error().message.contains(QStringLiteral("faults")),
                 qPrintable(again.error().toString()));
        clearFaults();
        auto back = await(m_client->selectToken(selection));
        QVERIFY2(back, qPrintable(back.error().toString()));
        QVERIFY(await(m_client->pinState(m_slot)));
    }

    void removedTokenFailsSessionCalls() {
        logIn();
        QVERIFY(derive());
        setFaults("token removed");
        auto failed = derive();
        QVERIFY(!failed);
        QVERIFY2(failed.error().toString().contains(rvName(CKR_DEVICE_REMOVED)) ||
                     failed.error().toString().contains(rvName(CKR_TOKEN_NOT_PRESENT)),
                 qPrintable(failed.error().toString()));
        clearFaults();
        auto back = derive();
        QVERIFY2(back, qPrintable(back.error().toString()));
    }

    void lostSessionIsReopened() {
        logIn();
        auto before = derive();
        QVERIFY(before);
        const quint64 mark = m_client->trace()->totalRecorded();
        setFaults("C_SignInit rv=CKR_SESSION_HANDLE_INVALID call=1");
        auto after = derive();
        QVERIFY2(after, qPrintable(after.error().toString()));
        QCOMPARE(after->fingerprint, before->fingerprint);
        // The failed call, a new session, and the operation again on it.
        QStringList calls;
        for (const CallRecord &r : m_client->trace()->since(mark))
            calls << QLatin1String(r.function) + QLatin1Char(' ') + rvName(r.rv);
        const int failedAt = calls.indexOf(QStringLiteral("C_SignInit CKR_SESSION_HANDLE_INVALID"));
        QVERIFY2(failedAt >= 0, qPrintable(calls.join(QLatin1Char(','))));
        QVERIFY2(calls.indexOf(QStringLiteral("C_OpenSession CKR_OK"), failedAt) > failedAt,
                 qPrintable(calls.join(QLatin1Char(','))));
        QVERIFY(calls.indexOf(QStringLiteral("C_Sign CKR_OK"), failedAt) > failedAt);
    }

    void droppedSessionsAskForThePinAgain() {
        logIn();
        auto before = derive();
        QVERIFY(before);
        // As after an HSM restart: every session is gone and with them the login.
        setFaults("sessions drop");
        auto failed = derive();
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, Error::Kind::NeedsLogin);
        QVERIFY2(failed.error().message.contains(QStringLiteral("log in and try again")),
                 qPrintable(failed.error().toString()));
        auto loggedIn = await(m_client->isLoggedIn(m_slot));
        QVERIFY(loggedIn);
        QVERIFY(!loggedIn.value());
        logIn();
        auto after = derive();
        QVERIFY2(after, qPrintable(after.error().toString()));
        QCOMPARE(after->fingerprint, before->fingerprint);
    }

    void userNotLoggedInAsksForThePinAgain() {
        logIn();
        auto before = derive();
        QVERIFY(before);
        setFaults("C_Sign rv=CKR_USER_NOT_LOGGED_IN call=1");
        auto failed = derive();
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, Error::Kind::NeedsLogin);
        QVERIFY2(names(failed.error(), "C_Sign", CKR_USER_NOT_LOGGED_IN),
                 qPrintable(failed.error().toString()));
        clearFaults();
        logIn();
        auto after = derive();
        QVERIFY2(after, qPrintable(after.error().toString()));
        QCOMPARE(after->fingerprint, before->fingerprint);
    }

    void signFailsDuringDerivation() {
        logIn();
        setFaults("C_Sign rv=CKR_DEVICE_ERROR");
        auto failed = derive();
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, Error::Kind::Pkcs11);
        QVERIFY2(names(failed.error(), "C_Sign", CKR_DEVICE_ERROR),
                 qPrintable(failed.error().toString()));
        clearFaults();
        QVERIFY(derive());
    }

    void signFailsDuringFragmentGeneration() {
        logIn();
        FragmentRequest request;
        request.name = QStringLiteral("during-fault");
        request.type = FragmentType::HsmWrapHmac;
        request.keyLabel = QString::fromLatin1(kKey);
        setFaults("C_Sign rv=CKR_DEVICE_ERROR");
        auto failed = await(m_client->generateFragment(m_slot, request, {}));
        QVERIFY(!failed);
        QVERIFY2(names(failed.error(), "C_Sign", CKR_DEVICE_ERROR),
                 qPrintable(failed.error().toString()));
        clearFaults();
        auto made = await(m_client->generateFragment(m_slot, request, {}));
        QVERIFY2(made, qPrintable(made.error().toString()));
    }

    void constantRandomIsRejected() {
        setFaults("C_GenerateRandom constant=0x00");
        auto seed = await(m_client->randomBytes(m_slot, EntropySource::Hsm, 64));
        QVERIFY(!seed);
        QVERIFY2(seed.error().message.contains(QStringLiteral("failed a health test")),
                 qPrintable(seed.error().toString()));
        clearFaults();
        QVERIFY(await(m_client->randomBytes(m_slot, EntropySource::Hsm, 64)));
    }

    void randomDeviceErrorDuringCheck() {
        setFaults("C_GenerateRandom rv=CKR_DEVICE_ERROR call=3");
        auto check = await(m_client->entropyCheck(m_slot, 4 * 1024 * 1024, 4.0));
        QVERIFY(!check);
        QVERIFY2(names(check.error(), "C_GenerateRandom", CKR_DEVICE_ERROR),
                 qPrintable(check.error().toString()));
        clearFaults();
        QVERIFY(await(m_client->entropyCheck(m_slot, 65536, 4.0)));
    }

    void hungCallTimesOut() {
        m_client->setCallTimeout(300ms);
        setFaults("C_GetTokenInfo sleep=1500 call=1");
        QFuture<Result<QList<SlotInfo>>> slots = m_client->slotList();
        // Queued behind the hung call: the module must not be unloaded under it.
        QFuture<Status> unload = m_client->unload();
        auto timedOut = await(slots);
        QVERIFY(!timedOut);
        QCOMPARE(timedOut.error().kind, Error::Kind::Timeout);
        QVERIFY2(
            timedOut.error().message.contains(QStringLiteral("C_GetTokenInfo has not answered")),
            qPrintable(timedOut.error().message));
        QVERIFY(await(unload));
        // C_Finalize came only after the hung C_GetTokenInfo returned.
        const auto calls = m_client->trace()->snapshot();
        int tokenInfo = -1;
        int finalize = -1;
        for (int i = 0; i < calls.size(); ++i) {
            if (QLatin1String(calls[i].function) == QLatin1String("C_GetTokenInfo") &&
                tokenInfo < 0)
                tokenInfo = i;
            if (QLatin1String(calls[i].function) == QLatin1String("C_Finalize"))
                finalize = i;
        }
        QVERIFY(tokenInfo >= 0);
        QVERIFY(finalize > tokenInfo);
        QVERIFY(calls[tokenInfo].durationNs >= 1000 * 1000 * 1000LL); // it really hung
        clearFaults(); // unloading forgot the call counts along with the library
        loadFaultModule();
        auto slotsAfter = await(m_client->slotList());
        QVERIFY2(slotsAfter, qPrintable(slotsAfter.error().toString()));
    }

    // A stream abandoned while a block was being drawn never calls its sink again, even
    // when the call returns afterwards: the sink's owner (the CLI's file) is gone by then.
    void abandonedStreamStopsCallingItsSink() {
        m_client->setCallTimeout(300ms);
        setFaults("C_GenerateRandom sleep=1200 call=3");
        auto ownerGone = std::make_shared<std::atomic<bool>>(false);
        auto callsAfter = std::make_shared<std::atomic<int>>(0);
        auto given = std::make_shared<std::atomic<qint64>>(0);
        QFuture<Status> stream = m_client->streamRandom(
            m_slot, EntropySource::Hsm, 8 * 1048576,
            [ownerGone, callsAfter, given](const unsigned char *, size_t n) -> Status {
                if (*ownerGone)
                    ++*callsAfter;
                *given += qint64(n);
                return Done{};
            });
        const Status timedOut = await(stream);
        ownerGone->store(true);
        QVERIFY(!timedOut);
        QCOMPARE(timedOut.error().kind, Error::Kind::Timeout);
        QCOMPARE(given->load(), qint64(2 * entropy::kStreamBlock));
        // Once the hung call has returned, the worker takes the next request.
        clearFaults();
        m_client->setCallTimeout(HsmClient::kDefaultCallTimeout);
        QVERIFY(await(m_client->randomBytes(m_slot, EntropySource::Hsm, 64)));
        QCOMPARE(callsAfter->load(), 0);
        QCOMPARE(given->load(), qint64(2 * entropy::kStreamBlock));
    }

    void hungCallCanBeCancelled() {
        m_client->setCallTimeout(0ms);
        setFaults("C_GetMechanismList sleep=1500 call=1");
        QFuture<Result<QList<MechanismInfo>>> mechanisms = m_client->mechanisms(m_slot);
        QTRY_VERIFY(m_client->trace()->inFlight().has_value());
        // The caller's wait ends at once while the library still holds the worker.
        mechanisms.cancel();
        QVERIFY(mechanisms.isCanceled());
        QCOMPARE(await(mechanisms).error().kind, Error::Kind::Cancelled);
        // The next request runs once the library answers.
        auto next = await(m_client->mechanisms(m_slot));
        QVERIFY2(next, qPrintable(next.error().toString()));
        QVERIFY(!next->isEmpty());
    }

    void cantLockAtInitialize() {
        setFaults("C_Initialize rv=CKR_CANT_LOCK call=1");
        QVERIFY(await(m_client->unload()));
        loadFaultModule();
        auto info = await(m_client->moduleInfo());
        QVERIFY(info);
        QVERIFY(info->withoutLocking);
        QVERIFY(await(m_client->slotList()));
    }

    void initializeFails() {
        QVERIFY(await(m_client->unload()));
        setFaults("C_Initialize rv=CKR_DEVICE_ERROR");
        auto failed = await(m_client->load(QStringLiteral(HSM_TEST_FAULTS)));
        QVERIFY(!failed);
        QVERIFY2(names(failed.error(), "C_Initialize", CKR_DEVICE_ERROR),
                 qPrintable(failed.error().toString()));
        QCOMPARE(await(m_client->slotList()).error().kind, Error::Kind::NotLoaded);
        clearFaults();
        loadFaultModule();
        QVERIFY(await(m_client->slotList()));
    }

    void finalizeFailsAtUnload() {
        setFaults("C_Finalize rv=CKR_DEVICE_ERROR");
        QVERIFY(await(m_client->unload()));
        const auto calls = m_client->trace()->snapshot();
        QCOMPARE(QLatin1String(calls.last().function), QLatin1String("C_Finalize"));
        QCOMPARE(calls.last().rv, CKR_DEVICE_ERROR);
        clearFaults();
        // The library was finalized all the same, so it initializes again as ours.
        loadFaultModule();
        QVERIFY(await(m_client->slotList()));
        logIn();
        QVERIFY(derive());
    }

    void loginDeviceError() {
        setFaults("C_Login rv=CKR_DEVICE_ERROR call=1");
        auto failed = await(
            m_client->login(m_slot, SecretBytes::fromRaw(SoftHsmFixture::kUserPin,
                                                         std::strlen(SoftHsmFixture::kUserPin))));
        QVERIFY(!failed);
        QVERIFY2(names(failed.error(), "C_Login", CKR_DEVICE_ERROR),
                 qPrintable(failed.error().toString()));
        logIn();
        QVERIFY(derive());
    }

    void finalTryNeedsConfirmation() {
        setFaults("token flags=final-try");
        const quint64 mark = m_client->trace()->totalRecorded();
        auto refused = await(
            m_client->login(m_slot, SecretBytes::fromRaw(SoftHsmFixture::kUserPin,
                                                         std::strlen(SoftHsmFixture::kUserPin))));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::NeedsConfirmation);
        for (const CallRecord &r : m_client->trace()->since(mark))
            QVERIFY(QLatin1String(r.function) != QLatin1String("C_Login"));
        LoginOptions options;
        options.allowFinalTry = true;
        auto in = await(m_client->login(
            m_slot,
            SecretBytes::fromRaw(SoftHsmFixture::kUserPin, std::strlen(SoftHsmFixture::kUserPin)),
            options));
        QVERIFY2(in, qPrintable(in.error().toString()));
        QVERIFY(derive());
    }

    void lockedPinIsRefusedWithoutATry() {
        setFaults("token flags=locked");
        const quint64 mark = m_client->trace()->totalRecorded();
        auto refused = await(
            m_client->login(m_slot, SecretBytes::fromRaw(SoftHsmFixture::kUserPin,
                                                         std::strlen(SoftHsmFixture::kUserPin))));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("CKF_USER_PIN_LOCKED")),
                 qPrintable(refused.error().message));
        for (const CallRecord &r : m_client->trace()->since(mark))
            QVERIFY(QLatin1String(r.function) != QLatin1String("C_Login"));
    }

    void pinPadLogsInWithoutThePin() {
        setFaults(QByteArray("token flags=pin-pad\nC_Login pad=") + SoftHsmFixture::kUserPin);
        // Whatever is typed here must not reach the module: the device asks itself.
        auto in = await(m_client->login(m_slot, SecretBytes::fromRaw("wrong", 5)));
        QVERIFY2(in, qPrintable(in.error().toString()));
        QVERIFY(in->usedPinPad);
        QVERIFY(derive());
    }

    void keyCreationFails() {
        logIn();
        const int before = objectCount();
        setFaults("C_GenerateKey rv=CKR_DEVICE_MEMORY");
        SecretKeySpec spec;
        spec.label = QStringLiteral("not-made");
        auto failed = await(m_client->createSecretKey(m_slot, spec));
        QVERIFY(!failed);
        QVERIFY2(names(failed.error(), "C_GenerateKey", CKR_DEVICE_MEMORY),
                 qPrintable(failed.error().toString()));
        clearFaults();
        QCOMPARE(objectCount(), before);
        QVERIFY(await(m_client->createSecretKey(m_slot, spec)));
        QCOMPARE(objectCount(), before + 1);
    }

    void slotListFails() {
        setFaults("C_GetSlotList rv=CKR_FUNCTION_FAILED");
        auto failed = await(m_client->slotList());
        QVERIFY(!failed);
        QVERIFY2(names(failed.error(), "C_GetSlotList", CKR_FUNCTION_FAILED),
                 qPrintable(failed.error().toString()));
        clearFaults();
        QVERIFY(await(m_client->slotList()));
    }

    void detailsFailWithGeneralError() {
        logIn();
        auto all = awaitAll(m_client->objects(m_slot));
        QVERIFY(all && !all->isEmpty());
        setFaults("C_GetAttributeValue rv=CKR_GENERAL_ERROR");
        auto failed = await(m_client->objectDetails(m_slot, all->first().handle));
        QVERIFY(!failed);
        QVERIFY2(names(failed.error(), "C_GetAttributeValue", CKR_GENERAL_ERROR),
                 qPrintable(failed.error().toString()));
        clearFaults();
        QVERIFY(await(m_client->objectDetails(m_slot, all->first().handle)));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "TestFaults.moc"
