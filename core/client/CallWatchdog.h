// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Error.h"
#include "core/pkcs11/CallTrace.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace hsm {

// Watches the PKCS#11 call in flight (CallTrace::inFlight) and, once it has run longer
// than the timeout, abandons its request with an Error::Kind::Timeout that names the
// function. It runs on its own thread so that it also works while the CLI blocks in
// await(). The call itself cannot be interrupted: only its request is given up.
class CallWatchdog {
public:
    using Abandon = std::function<void(const Error &)>;

    CallWatchdog(std::shared_ptr<CallTrace> trace, std::chrono::milliseconds timeout,
                 Abandon abandon);
    ~CallWatchdog(); // stops the thread and waits for it

    CallWatchdog(const CallWatchdog &) = delete;
    CallWatchdog &operator=(const CallWatchdog &) = delete;

    // Zero: wait for ever. Thread-safe; holds from the next check on.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeoutMs = timeout.count(); }
    std::chrono::milliseconds timeout() const { return std::chrono::milliseconds(m_timeoutMs); }

private:
    void run();

    std::shared_ptr<CallTrace> m_trace;
    Abandon m_abandon;
    std::atomic<qint64> m_timeoutMs;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace hsm
