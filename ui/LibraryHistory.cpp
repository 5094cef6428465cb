// SPDX-License-Identifier: Apache-2.0
#include "ui/LibraryHistory.h"

#include <QSettings>

namespace hsm::ui::libraryHistory {
namespace {

const QString kRecentKey = QStringLiteral("recentLibraries");
const QString kLastKey = QStringLiteral("lastLibrary");

} // namespace

QStringList recent() {
    return QSettings().value(kRecentKey).toStringList().mid(0, kMaxRecent);
}

QString last() {
    return QSettings().value(kLastKey).toString();
}

void remember(const QString &path) {
    QStringList paths = recent();
    paths.removeAll(path);
    paths.prepend(path);
    QSettings settings;
    settings.setValue(kRecentKey, paths.mid(0, kMaxRecent));
    settings.setValue(kLastKey, path);
}

void forgetLast() {
    QSettings().remove(kLastKey);
}

void rememberLoaded(const ModuleInfo &module) {
    if (module.demo)
        forgetLast();
    else
        remember(module.path);
}

} // namespace hsm::ui::libraryHistory
