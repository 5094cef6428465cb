// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

// POSIX shell words, as the gateway's `docker run` commands are written and read.
namespace hsm::shellWords {

// Splits a command into words: quotes, backslashes and backslash-newline continuations.
// No expansion of any kind. CRLF line ends read as LF. Errors name an unbalanced quote
// and its line; `lines`, when given, receives the line each word begins on.
Result<QStringList> split(const QString &command, QList<int> *lines = nullptr);
// 'value' quoted for a POSIX shell, or the value alone when it needs no quoting.
QString quote(const QString &value);

} // namespace hsm::shellWords
