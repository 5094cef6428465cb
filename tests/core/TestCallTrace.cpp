// SPDX-License-Identifier: Apache-2.0
// The bounded call trace: order, capacity, and reading while recording.
#include "core/pkcs11/CallTrace.h"

#include <QTest>

#include <thread>

using namespace hsm;

class TestCallTrace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsTheNewestWithinCapacity() {
        CallTrace trace(4);
        for (int i = 0; i < 10; ++i)
            trace.record(i % 2 ? "C_Sign" : "C_SignInit", CKR_OK, CallTrace::nowNs(), 100, true, 7);
        const auto records = trace.snapshot();
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.first().sequence, 7u);
        QCOMPARE(records.last().sequence, 10u);
        QCOMPARE(trace.totalRecorded(), 10u);
        QCOMPARE(trace.countOf("C_Sign"), 2);
        QCOMPARE(trace.since(8).size(), 2);
        QCOMPARE(trace.since(100).size(), 0);
    }

    void describesHandles() {
        CallRecord r;
        r.function = "C_GetSlotInfo";
        r.hasHandle = true;
        r.handle = 3;
        QCOMPARE(describeHandle(r), QStringLiteral("slot 3"));
        r.function = "C_Sign";
        QCOMPARE(describeHandle(r), QStringLiteral("session 3"));
        r.hasHandle = false;
        QCOMPARE(describeHandle(r), QString());
    }

    void readableWhileRecording() {
        CallTrace trace(1000);
        std::thread writer([&] {
            for (int i = 0; i < 100000; ++i)
                trace.record("C_GenerateRandom", CKR_OK, CallTrace::nowNs(), 1, true, 1);
        });
        quint64 last = 0;
        while (trace.totalRecorded() < 100000) {
            const auto records = trace.since(last);
            for (const CallRecord &r : records) {
                QVERIFY(r.sequence > last);
                last = r.sequence;
            }
        }
        writer.join();
        QCOMPARE(trace.snapshot().size(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestCallTrace)
#include "TestCallTrace.moc"
