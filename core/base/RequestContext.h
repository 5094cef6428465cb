// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace hsm {

// What a long request sees of its caller: whether it has been cancelled, and where to
// report progress. Core code takes a pointer and checks for nullptr.
class RequestContext {
public:
    virtual ~RequestContext() = default;
    virtual bool isCancelled() const = 0;
    virtual void reportProgress(qint64 done, qint64 total, const QString &what = QString()) = 0;
};

} // namespace hsm
