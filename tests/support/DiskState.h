// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace hsm::test {

// What a folder holds, to prove that a refused operation changed nothing: one line per
// entry (hidden ones included) with its name, type, mode, size, modification time in
// nanoseconds and, for a regular file, a hash of its bytes; a symbolic link with its
// target, not followed. Two equal states mean the same bytes, no new temporary file and
// no touched mtime.
QStringList diskState(const QString &folder);

// The type of `path` without following a link: "file", "dir", "link", "fifo", "chr",
// "blk", "sock", or "missing".
QString entryType(const QString &path);

} // namespace hsm::test
