#pragma once

namespace hsm {

// Generated from pkcs11.h at build time; nullptr for a value the header does not define.
const char *knownReturnValueName(unsigned long rv);
const char *knownMechanismName(unsigned long type);

} // namespace hsm
