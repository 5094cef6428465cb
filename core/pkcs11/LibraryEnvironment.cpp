// SPDX-License-Identifier: Apache-2.0
#include "core/pkcs11/LibraryEnvironment.h"

#include <QMutex>
#include <QMutexLocker>

#include <optional>

namespace hsm::libraryEnvironment {
namespace {

struct Replaced {
    std::optional<QByteArray> previous; // unset before
    QByteArray ours;
};

QMutex &mutex() {
    static QMutex m;
    return m;
}

QMap<QByteArray, Replaced> &replaced() {
    static QMap<QByteArray, Replaced> r;
    return r;
}

} // namespace

void use(const Values &values) {
    const QMutexLocker lock(&mutex());
    QMap<QByteArray, Replaced> &current = replaced();
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        const char *name = it.key().constData();
        // A value someone else set since (a program embedding the core, a test) stays.
        if (!qEnvironmentVariableIsSet(name) || qgetenv(name) != it->ours)
            continue;
        if (it->previous)
            qputenv(name, *it->previous);
        else
            qunsetenv(name);
    }
    current.clear();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const char *name = it.key().constData();
        Replaced entry;
        if (qEnvironmentVariableIsSet(name))
            entry.previous = qgetenv(name);
        entry.ours = it.value();
        qputenv(name, it.value());
        current.insert(it.key(), entry);
    }
}

} // namespace hsm::libraryEnvironment
