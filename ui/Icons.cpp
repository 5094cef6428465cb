// SPDX-License-Identifier: Apache-2.0
#include "ui/Icons.h"

#include <QGuiApplication>
#include <QHash>

namespace hsm::ui::icons {
namespace {

// Loaded once: a model asks for its decorations on every repaint.
QIcon cached(const char *name) {
    static QHash<QByteArray, QIcon> loaded;
    auto it = loaded.find(name);
    if (it == loaded.end())
        it = loaded.insert(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))));
    return *it;
}

constexpr const char *kNames[] = {"module",      "slot",        "token",      "token-uninitialized",
                                  "mechanism",   "secret-key",  "public-key", "private-key",
                                  "certificate", "data-object", "hsm-admin"};

} // namespace

QIcon module() {
    return cached("module");
}

QIcon slot() {
    return cached("slot");
}

QIcon token(bool initialized) {
    return cached(initialized ? "token" : "token-uninitialized");
}

QIcon mechanism() {
    return cached("mechanism");
}

QIcon objectClass(CK_OBJECT_CLASS objectClass) {
    switch (objectClass) {
    case CKO_SECRET_KEY:
        return cached("secret-key");
    case CKO_PUBLIC_KEY:
        return cached("public-key");
    case CKO_PRIVATE_KEY:
        return cached("private-key");
    case CKO_CERTIFICATE:
        return cached("certificate");
    default:
        return cached("data-object");
    }
}

QIcon application() {
    const QIcon ours = cached("hsm-admin");
    if (!ours.pixmap(32, 32).isNull())
        return ours;
    return QIcon::fromTheme(QGuiApplication::desktopFileName(), ours);
}

QStringList resourcePaths() {
    QStringList paths;
    for (const char *name : kNames)
        paths << QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name));
    return paths;
}

} // namespace hsm::ui::icons
