// SPDX-License-Identifier: Apache-2.0
#include "core/client/CallWatchdog.h"

#include <optional>

namespace hsm {
namespace {

constexpr std::chrono::milliseconds kCheckInterval{50};

QString describeDuration(qint64 ms) {
    if (ms < 10000)
        return QStringLiteral("%1 s").arg(QString::number(ms / 1000.0, 'f', 1));
    return QStringLiteral("%1 s").arg(ms / 1000);
}

} // namespace

CallWatchdog::CallWatchdog(std::shared_ptr<CallTrace> trace, std::chrono::milliseconds timeout,
                           Abandon abandon)
    : m_trace(std::move(trace))
    , m_abandon(std::move(abandon))
    , m_timeoutMs(timeout.count()) {
    m_thread = std::thread([this] { run(); });
}

CallWatchdog::~CallWatchdog() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void CallWatchdog::run() {
    quint64 abandoned = 0; // the call whose request was already abandoned
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, kCheckInterval);
        const qint64 timeoutMs = m_timeoutMs.load();
        const std::optional<CallTrace::InFlight> call = m_trace->inFlight();
        if (!call || timeoutMs <= 0 || call->number == abandoned)
            continue;
        const qint64 elapsedMs = (CallTrace::nowNs() - call->startNs) / 1000000;
        if (elapsedMs < timeoutMs)
            continue;
        abandoned = call->number;
        m_abandon(Error::make(
            Error::Kind::Timeout,
            QStringLiteral("%1 has not answered in %2, so the request was abandoned; the library "
                           "or the HSM may be hung (check its connection and the vendor "
                           "library's log). The library stays loaded until the call returns.")
                .arg(QLatin1String(call->function), describeDuration(elapsedMs))));
    }
}

} // namespace hsm
