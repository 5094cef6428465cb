// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"

#include <QByteArray>
#include <QString>

namespace hsm::inputFile {

// Reads a file the operator names (customer_fragments.json, an env file, a docker run
// command). Only a regular file, or a symbolic link to one, and never more than
// `maxBytes`: /dev/zero, a named pipe or a file that grows while it is read can neither
// hang the tool nor fill its memory. `what` completes the refusals: "a fragments file".
Result<QByteArray> read(const QString &path, qint64 maxBytes, const QString &what);

// "a character device", "a named pipe", ...: what a path that is not a regular file is.
QString kindOf(const QString &path);

} // namespace hsm::inputFile
