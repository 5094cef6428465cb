// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace hsm {

// C_GetInfo of a loaded library, plus how it was loaded.
struct ModuleInfo {
    QString path;
    QString cryptokiVersion;
    QString manufacturer;
    QString description;
    QString libraryVersion;
    QStringList flags;
    bool demo = false;             // the built-in SoftHSM demo, not for production
    bool sharedInitialize = false; // someone else in this process initialized it
    bool withoutLocking = false;   // C_Initialize refused CKF_OS_LOCKING_OK

    // "SoftHSM 2.6 (Implementation of PKCS11)", for status bars.
    QString summary() const;
};

} // namespace hsm
