// SPDX-License-Identifier: Apache-2.0
#include "core/token/TokenInfo.h"

#include "core/token/ModuleInfo.h"

namespace hsm {

QString TokenInfo::displayName() const {
    return QStringLiteral("%1 (#%2)").arg(label, serial);
}

QString ModuleInfo::summary() const {
    QString s = QStringLiteral("%1 %2").arg(manufacturer, libraryVersion);
    if (!description.isEmpty())
        s += QStringLiteral(" (%1)").arg(description);
    s += QStringLiteral(", Cryptoki %1").arg(cryptokiVersion);
    return s;
}

} // namespace hsm
