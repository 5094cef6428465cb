// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/ModuleInfo.h"

#include <QString>
#include <QStringList>

namespace hsm::ui {

// The libraries the user has opened, kept in QSettings so the GUI can offer them again and
// reopen the last one at startup. Written only after a library loaded successfully.
namespace libraryHistory {

inline constexpr int kMaxRecent = 10;

// Most recent first, at most kMaxRecent entries.
QStringList recent();
// The library to reopen at startup; empty when the demo HSM was used last.
QString last();
// Puts `path` first in the recent list and makes it the last library.
void remember(const QString &path);
// The demo HSM was chosen: start with it next time.
void forgetLast();
// `module` loaded: remember() its library, or forgetLast() for the demo HSM.
void rememberLoaded(const ModuleInfo &module);

} // namespace libraryHistory
} // namespace hsm::ui
