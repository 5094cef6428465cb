// SPDX-License-Identifier: Apache-2.0
#include "core/pkcs11/CallTrace.h"

#include "core/base/ReturnValues.h"
#include "core/files/OutputFile.h"

#include <QMutexLocker>

#include <chrono>
#include <cstring>

namespace hsm {

CallTrace::CallTrace(int capacity)
    : m_capacity(qMax(1, capacity))
    , m_originNs(nowNs())
    , m_originWallMs(QDateTime::currentMSecsSinceEpoch()) {
    m_ring.reserve(std::min(m_capacity, 1024));
}

qint64 CallTrace::nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void CallTrace::begin(const char *function, qint64 startNs) {
    m_inFlightStartNs.store(startNs, std::memory_order_relaxed);
    m_begun.fetch_add(1, std::memory_order_relaxed);
    m_inFlightFunction.store(function, std::memory_order_release);
}

std::optional<CallTrace::InFlight> CallTrace::inFlight() const {
    const char *function = m_inFlightFunction.load(std::memory_order_acquire);
    if (!function)
        return std::nullopt;
    return InFlight{function, m_inFlightStartNs.load(std::memory_order_relaxed),
                    m_begun.load(std::memory_order_relaxed)};
}

void CallTrace::record(const char *function, CK_RV rv, qint64 startNs, qint64 durationNs,
                       bool hasHandle, CK_ULONG handle) {
    m_inFlightFunction.store(nullptr, std::memory_order_release);
    QMutexLocker lock(&m_mutex);
    CallRecord r;
    r.sequence = ++m_total;
    r.startedMs = m_originWallMs + (startNs - m_originNs) / 1000000;
    r.function = function;
    r.rv = rv;
    r.durationNs = durationNs;
    r.hasHandle = hasHandle;
    r.handle = handle;
    if (static_cast<int>(m_ring.size()) < m_capacity)
        m_ring.push_back(std::move(r));
    else
        m_ring[(m_total - 1) % m_capacity] = std::move(r);
}

QList<CallRecord> CallTrace::since(quint64 after) const {
    QMutexLocker lock(&m_mutex);
    QList<CallRecord> out;
    const quint64 retained = m_ring.size();
    const quint64 first = m_total - retained + 1; // sequence of the oldest retained record
    const quint64 from = std::max(first, after + 1);
    for (quint64 seq = from; seq <= m_total; ++seq)
        out.append(m_ring[(seq - 1) % m_capacity]);
    return out;
}

QList<CallRecord> CallTrace::snapshot() const {
    return since(0);
}

quint64 CallTrace::totalRecorded() const {
    QMutexLocker lock(&m_mutex);
    return m_total;
}

int CallTrace::countOf(const char *function) const {
    QMutexLocker lock(&m_mutex);
    int n = 0;
    for (const CallRecord &r : m_ring)
        n += std::strcmp(r.function, function) == 0 ? 1 : 0;
    return n;
}

QString describeHandle(const CallRecord &record) {
    if (!record.hasHandle)
        return QString();
    static const char *const slotFunctions[] = {
        "C_GetSlotInfo", "C_GetTokenInfo", "C_GetMechanismList", "C_GetMechanismInfo",
        "C_InitToken",   "C_OpenSession",  "C_CloseAllSessions", "C_WaitForSlotEvent"};
    for (const char *f : slotFunctions) {
        if (std::strcmp(f, record.function) == 0)
            return QStringLiteral("slot %1").arg(record.handle);
    }
    return QStringLiteral("session %1").arg(record.handle);
}

QString formatCallRecord(const CallRecord &record) {
    const QString when = QDateTime::fromMSecsSinceEpoch(record.startedMs)
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    return QStringLiteral("%1  %2  %3  %4  %5 ms")
        .arg(when, QString::fromLatin1(record.function).leftJustified(20),
             describeHandle(record).leftJustified(12), returnValueName(record.rv),
             QString::number(record.durationNs / 1e6, 'f', 3));
}

Status writeCallTrace(const QString &path, const QList<CallRecord> &records) {
    QByteArray text;
    for (const CallRecord &record : records)
        text += formatCallRecord(record).toUtf8() + '\n';
    OutputFile file(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                              QFileDevice::ReadGroup | QFileDevice::ReadOther);
    Status written = file.open();
    if (written)
        written = file.write(text);
    if (written)
        written = file.commit();
    return written;
}

} // namespace hsm
