// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QMap>

namespace hsm {

// Environment variables a PKCS#11 library reads when it initializes (SoftHSM reads
// SOFTHSM2_CONF at C_Initialize). HSM Admin sets them for one library only, the demo HSM's
// configuration for one, and puts the process's own values back before the next library
// loads: one library's configuration never leaks into another's.
namespace libraryEnvironment {

using Values = QMap<QByteArray, QByteArray>; // name → value

// Puts back what an earlier call replaced (unless someone changed it since), then sets
// `values`. With no values the next library sees the process's own environment.
void use(const Values &values);

} // namespace libraryEnvironment
} // namespace hsm
