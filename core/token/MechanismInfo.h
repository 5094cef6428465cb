// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <p11-kit/pkcs11.h>

namespace hsm {

struct MechanismInfo {
    CK_MECHANISM_TYPE type = 0;
    QString name;
    CK_ULONG minKeySize = 0;
    CK_ULONG maxKeySize = 0;
    CK_FLAGS flagBits = 0;
    QStringList flags;
    QString infoError; // set when C_GetMechanismInfo failed for this one
};

} // namespace hsm
