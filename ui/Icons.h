// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QIcon>
#include <QStringList>

#include <p11-kit/pkcs11.h>

namespace hsm::ui::icons {

// The icons of resources/icons, compiled into this library (ui/CMakeLists.txt). They are
// SVG: Qt's SVG icon engine (libqt6svg6) draws them sharp at any size and pixel ratio, and
// their mid-tone colours read on light and dark themes alike.

QIcon module();
QIcon slot();
// An initialized token, or a greyed one with a dashed outline.
QIcon token(bool initialized);
QIcon mechanism();
// By object class: secret, public and private keys, certificates; any other class (data,
// domain parameters, ...) as a page.
QIcon objectClass(CK_OBJECT_CLASS objectClass);
// The window icon: ours, else the desktop theme's icon for the application id (as
// installed by the package), e.g. when the SVG engine is missing.
QIcon application();

// The resource paths of every icon above (":/icons/token.svg", ...).
QStringList resourcePaths();

} // namespace hsm::ui::icons
