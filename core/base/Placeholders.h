// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/SecretBytes.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace hsm::placeholders {

// The exports mark what the operator still has to fill in with words in angle brackets:
// "<HSM PIN>", "<access id>". Such a text is never a secret, so a PIN that is one is
// refused before C_Login: a pasted template must not burn a login attempt.
// A placeholder is '<', one or more words of ASCII letters and digits (at least one letter)
// joined by single spaces, '-' or '_', then '>'; surrounding whitespace is ignored.
bool isPlaceholder(QStringView text);
bool isPlaceholder(const SecretBytes &secret);
// The distinct placeholders in `text`, in the order they first appear.
QStringList findIn(QStringView text);

} // namespace hsm::placeholders
