// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"

#include <QDateTime>
#include <QList>
#include <QMutex>

#include <p11-kit/pkcs11.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace hsm {

// One PKCS#11 call as the wrapper saw it. Deliberately holds no argument other than the
// slot or session handle, so no PIN, key value or random byte can ever end up here.
struct CallRecord {
    quint64 sequence = 0;
    qint64 startedMs = 0;      // wall clock, milliseconds since the epoch
    const char *function = ""; // a string literal owned by the wrapper
    CK_RV rv = CKR_OK;
    qint64 durationNs = 0;
    bool hasHandle = false;
    CK_ULONG handle = 0; // the slot id or session handle the call was made on
};

// A bounded, thread-safe ring of the most recent calls. Written by the worker thread,
// read by the GUI's call log and the CLI's --trace.
class CallTrace {
public:
    explicit CallTrace(int capacity = 20000);

    void record(const char *function, CK_RV rv, qint64 startNs, qint64 durationNs, bool hasHandle,
                CK_ULONG handle);

    // The retained records, oldest first.
    QList<CallRecord> snapshot() const;
    // Records with a sequence number above `after`, oldest first (for live views).
    QList<CallRecord> since(quint64 after) const;
    quint64 totalRecorded() const;
    int capacity() const { return m_capacity; }
    int countOf(const char *function) const;

    // Steady-clock nanoseconds used for startNs.
    static qint64 nowNs();

    // The call the module is inside right now, if any, so a watchdog can tell a hung
    // library from a slow request. Set by the call wrapper just before the call; record()
    // clears it.
    struct InFlight {
        const char *function;
        qint64 startNs;
        quint64 number; // counts calls begun, so the same hung call is recognized
    };
    void begin(const char *function, qint64 startNs);
    std::optional<InFlight> inFlight() const;

private:
    mutable QMutex m_mutex;
    std::atomic<const char *> m_inFlightFunction{nullptr};
    std::atomic<qint64> m_inFlightStartNs{0};
    std::atomic<quint64> m_begun{0};
    int m_capacity;
    std::vector<CallRecord> m_ring;
    quint64 m_total = 0;
    // Maps steady-clock time to wall time once, so recording stays cheap.
    qint64 m_originNs;
    qint64 m_originWallMs;
};

// "slot 3" / "session 2" / "" for a record, by what the function's first argument is.
QString describeHandle(const CallRecord &record);

// One line per call, as the call log shows it and the CLI's --trace writes it:
// "2026-11-29 05:04:01.123  C_GetTokenInfo  slot 0  CKR_OK  0.021 ms"
QString formatCallRecord(const CallRecord &record);

// Writes `records` to `path`, one formatCallRecord() line each, atomically and never over a
// device or pipe (OutputFile); mode 0644, as a trace holds nothing secret. The CLI's
// --trace and the call log's Save write the same text this way.
Status writeCallTrace(const QString &path, const QList<CallRecord> &records);

} // namespace hsm
