// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"

#include <QFuture>

namespace hsm {

// The result of a request whose future has finished, or Error::Kind::Cancelled when it was
// cancelled (or abandoned) before it gave one. For the GUI's finished() handlers; the CLI
// and tests wait with await() instead.
template <typename T> Result<T> finishedResult(const QFuture<Result<T>> &future) {
    if (future.isCanceled() || future.resultCount() == 0)
        return Error::cancelled();
    return future.result();
}

} // namespace hsm
