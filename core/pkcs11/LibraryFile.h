// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace hsm {

// Looks at a library file before dlopen() so that each way it can be unusable gets its
// own reason: missing, a directory, empty, not a shared library, wrong architecture.
// Returns an empty string when the file looks loadable.
QString checkLibraryFile(const QString &path);

// Turns dlopen()'s message into one plain line (e.g. a missing dependency by name).
QString explainLoadFailure(const QString &path, const QString &dlError);

} // namespace hsm
