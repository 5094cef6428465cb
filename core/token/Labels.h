// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"

#include <QString>

namespace hsm::labels {

// CK_TOKEN_INFO's fixed fields: a token label has at most 32 bytes of UTF-8, a serial
// number 16. A longer value can match no token, and C_InitToken could not take it.
constexpr int kTokenLabelBytes = 32;
constexpr int kTokenSerialBytes = 16;

// The first character of `text` that has no place in a one-line name: a control
// character (line feed, tab, escape, ...) or a Unicode line or paragraph separator.
// Described as "a line feed (U+000A) at character 6"; empty when there is none.
QString firstControlCharacter(const QString &text);

// Refuses `text` when it is not one line of printable text; `what` names it in the
// error: "The fragment name contains a line feed (U+000A) at character 6; ...".
Status requireOneLine(const QString &text, const QString &what);

} // namespace hsm::labels
