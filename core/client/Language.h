// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QStringList>

namespace hsm::language {

// --lang CODE, a global option of both applications.
QCommandLineOption option();

// The value of --lang among the program's arguments, empty when it is not given. Read
// before the real parse, so that the help texts are built in the chosen language.
QString requested(const QStringList &arguments);

// Installs HSM Admin's translation (embedded in the binary) and Qt's own (qtbase, from
// the system's Qt translations folder) for `code`, or for the system locale (LANGUAGE,
// LC_ALL, LC_MESSAGES, LANG) when `code` is empty. English needs none. Returns a one-line
// warning when `code` names no language or one without a translation (the texts then
// stay English), else an empty string. Call after constructing the Q*Application.
QString install(const QString &code);

} // namespace hsm::language
