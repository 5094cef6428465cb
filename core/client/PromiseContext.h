// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/RequestContext.h"

#include <QPromise>

#include <limits>

namespace hsm {

// A request's promise as its job on the worker sees it: the cancellation, the progress,
// and the results the job hands out.
template <typename R> class PromiseContext : public RequestContext {
public:
    explicit PromiseContext(QPromise<R> &promise)
        : m_promise(promise) {}
    // A promise finished while its job still runs was abandoned (the watchdog answered a
    // hung call): nobody waits for the rest, and a sink may point at what is gone.
    bool isCancelled() const override {
        return m_promise.isCanceled() || m_promise.future().isFinished();
    }
    void reportProgress(qint64 done, qint64 total, const QString &what) override {
        // QFuture progress is an int; scale large totals down.
        while (total > std::numeric_limits<int>::max()) {
            total /= 1024;
            done /= 1024;
        }
        if (m_lastTotal != total) {
            m_promise.setProgressRange(0, static_cast<int>(total));
            m_lastTotal = total;
        }
        m_promise.setProgressValueAndText(static_cast<int>(done), what);
    }
    // One result (or chunk); dropped once the request is cancelled, and by the promise
    // itself once it was abandoned (finished).
    void add(R &&result) {
        if (!m_promise.isCanceled())
            m_promise.addResult(std::move(result));
    }

private:
    QPromise<R> &m_promise;
    qint64 m_lastTotal = -1;
};

} // namespace hsm
