// SPDX-License-Identifier: Apache-2.0
#include "core/base/ReturnValues.h"

#include "core/base/Pkcs11Names.h"

namespace hsm {

QString returnValueName(CK_RV rv) {
    if (const char *name = knownReturnValueName(rv))
        return QString::fromLatin1(name);
    if (rv >= CKR_VENDOR_DEFINED)
        return QStringLiteral("CKR_VENDOR_DEFINED+0x%1").arg(rv - CKR_VENDOR_DEFINED, 0, 16);
    return QStringLiteral("0x%1").arg(rv, 8, 16, QLatin1Char('0'));
}

} // namespace hsm
