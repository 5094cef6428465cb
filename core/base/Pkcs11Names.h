// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace hsm {

// Generated from pkcs11.h at build time; nullptr for a value the header does not define.
const char *knownReturnValueName(unsigned long value);
const char *knownMechanismName(unsigned long value);
const char *knownAttributeName(unsigned long value);
const char *knownObjectClassName(unsigned long value);
const char *knownKeyTypeName(unsigned long value);

} // namespace hsm
