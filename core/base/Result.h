// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Error.h"

#include <optional>
#include <utility>

namespace hsm {

// A value or the Error that prevented it. Requests answer with this so that a failure
// travels through futures and signals like any other result.
template <typename T> class Result {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Error error)
        : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // Failed because the request was cancelled (or abandoned): a screen ignores it.
    bool isCancelled() const { return !ok() && m_error.kind == Error::Kind::Cancelled; }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

struct Done {};
using Status = Result<Done>;

} // namespace hsm
