// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <p11-kit/pkcs11.h>

namespace hsm {

// CK_TOKEN_INFO with text trimmed and flags decoded. Counts keep their raw values so
// CK_UNAVAILABLE_INFORMATION / CK_EFFECTIVELY_INFINITE can be shown as such.
struct TokenInfo {
    QString label;
    QString manufacturer;
    QString model;
    QString serial;
    CK_FLAGS flagBits = 0;
    QStringList flags;
    CK_ULONG maxSessionCount = 0;
    CK_ULONG sessionCount = 0;
    CK_ULONG maxRwSessionCount = 0;
    CK_ULONG rwSessionCount = 0;
    CK_ULONG maxPinLen = 0;
    CK_ULONG minPinLen = 0;
    CK_ULONG totalPublicMemory = 0;
    CK_ULONG freePublicMemory = 0;
    CK_ULONG totalPrivateMemory = 0;
    CK_ULONG freePrivateMemory = 0;
    QString hardwareVersion;
    QString firmwareVersion;
    QString utcTime;

    bool has(CK_FLAGS flag) const { return (flagBits & flag) != 0; }
    // "label (#serial)", the way the tree and pickers show a token.
    QString displayName() const;
};

} // namespace hsm
