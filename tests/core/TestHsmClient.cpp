// SPDX-License-Identifier: Apache-2.0
// The worker: requests run off the calling thread, in order, can be cancelled, and the
// module is finalized once when it is unloaded.
#include "core/client/HsmClient.h"
#include "tests/support/SoftHsmFixture.h"

#include <QFutureWatcher>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace hsm;
using namespace hsm::test;

class TestHsmClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void requestsRunOnTheWorkerThread() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("worker")}));
        HsmClient client;
        auto loaded = await(client.load(SoftHsmFixture::modulePath()));
        QVERIFY2(loaded, qPrintable(loaded.error().toString()));
        auto where = await(client.submit<QThread *>([](Module &, RequestContext &) {
            return Result<QThread *>(QThread::currentThread());
        }));
        QVERIFY(where);
        QVERIFY(where.value() != QThread::currentThread());
        QCOMPARE(where.value(), client.workerThread());
        auto slots = await(client.slotList());
        QVERIFY(slots);
        QCOMPARE(slots->size(), 2);
    }

    void futuresAnswerInTheEventLoop() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("loop")}));
        HsmClient client;
        QSignalSpy changed(&client, &HsmClient::moduleChanged);
        QFutureWatcher<Result<ModuleInfo>> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(client.load(SoftHsmFixture::modulePath()));
        QVERIFY(finished.wait(30000));
        QVERIFY(watcher.result().ok());
        QCOMPARE(watcher.result()->manufacturer, QStringLiteral("SoftHSM"));
        QTRY_COMPARE(changed.size(), 1);
    }

    void withoutAModuleRequestsSaySo() {
        HsmClient client;
        auto slots = await(client.slotList());
        QVERIFY(!slots);
        QCOMPARE(slots.error().kind, Error::Kind::NotLoaded);
    }

    void loadFailureIsAnError() {
        HsmClient client;
        auto loaded = await(client.load(QStringLiteral("/nonexistent/lib.so")));
        QVERIFY(!loaded);
        QVERIFY(loaded.error().message.contains(QStringLiteral("does not exist")));
    }

    void cancelStopsALongRequest() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("cancel")}));
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        std::atomic<int> calls{0};
        std::atomic<bool> queuedRan{false};
        // A request that works until it is told to stop.
        QFuture<Result<int>> longOne = client.submit<int>([&](Module &m, RequestContext &c) {
            CK_INFO info;
            while (!c.isCancelled()) {
                HSM_P11(m, C_GetInfo, &info);
                ++calls;
            }
            return Result<int>(calls.load());
        });
        QFuture<Result<int>> queued = client.submit<int>([&](Module &, RequestContext &) {
            queuedRan = true;
            return Result<int>(0);
        });
        QTRY_VERIFY(calls.load() > 100);
        queued.cancel();
        longOne.cancel();
        longOne.waitForFinished();
        queued.waitForFinished();
        QVERIFY(longOne.isCanceled());
        QVERIFY(queued.isCanceled());
        QVERIFY(!queuedRan.load());
        QCOMPARE(await(longOne).error().kind, Error::Kind::Cancelled);
        // The worker is free again.
        auto info = await(client.moduleInfo());
        QVERIFY(info);
    }

    void progressIsReported() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("progress")}));
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        const auto slot = fixture.token(QStringLiteral("progress")).slot;
        auto future = client.mechanisms(slot);
        auto list = await(future);
        QVERIFY(list);
        QCOMPARE(future.progressMaximum(), static_cast<int>(list->size()));
        QCOMPARE(future.progressValue(), static_cast<int>(list->size()));
    }

    void unloadFinalizesOnce() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("unload")}));
        std::shared_ptr<CallTrace> trace;
        {
            HsmClient client;
            trace = client.trace();
            QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
            QVERIFY(await(client.unload()));
            QCOMPARE(trace->countOf("C_Finalize"), 1);
            QCOMPARE(await(client.slotList()).error().kind, Error::Kind::NotLoaded);
            QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        }
        // Destroying the client unloads the second load: two loads, two finalizes.
        QCOMPARE(trace->countOf("C_Initialize"), 2);
        QCOMPARE(trace->countOf("C_Finalize"), 2);
    }

    void reloadSeesNewTokens() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("first")}));
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        QCOMPARE(await(client.slotList())->size(), 2);
        // Another process initializes a token, as an operator's other tools would.
        QProcess util;
        util.setEnvironment(fixture.environment());
        util.start(QStringLiteral("softhsm2-util"),
                   {QStringLiteral("--init-token"), QStringLiteral("--free"),
                    QStringLiteral("--label"), QStringLiteral("second"), QStringLiteral("--so-pin"),
                    QStringLiteral("87654321"), QStringLiteral("--pin"),
                    QStringLiteral("12345678")});
        QVERIFY(util.waitForFinished(60000));
        QCOMPARE(util.exitCode(), 0);
        QCOMPARE(await(client.slotList())->size(), 2); // SoftHSM has not rescanned yet
        QVERIFY(await(client.reload()));
        QCOMPARE(await(client.slotList())->size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestHsmClient)
#include "TestHsmClient.moc"
