// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pkcs11/LibraryEnvironment.h"
#include "core/pkcs11/Module.h"

#include <QString>

namespace hsm {

// The built-in demo HSM: the system's SoftHSMv2 with a configuration and token directory
// of our own under the user's data location. Not for production; the PINs are public.
namespace demoHsm {

inline constexpr char kTokenLabel[] = "demo";
inline constexpr char kUserPin[] = "1234";
inline constexpr char kSoPin[] = "12345678";
inline constexpr char kKeyLabel[] = "akeyless_hsm";

// The SoftHSMv2 library the demo runs on.
QString modulePath();
// <AppDataLocation>/demo-hsm
QString directory();
// <directory()>/softhsm2.conf, SoftHSM's configuration for the demo's tokens.
QString configPath();
// SOFTHSM2_CONF=configPath(): set while the demo is the module in use, and only then, so
// that a SoftHSM library the user opens reads the user's own configuration.
libraryEnvironment::Values environment();
// Writes softhsm2.conf and the token directory (once). Must run before the library is
// initialized with environment().
Status prepare();
// Creates the demo token and its HMAC key through PKCS#11 when they are missing.
// Returns true when it changed something (the module must then be re-read).
Result<bool> provision(Module &module);

} // namespace demoHsm
} // namespace hsm
