#include "token/TokenSelection.h"

namespace hsm {

TokenSelection TokenSelection::fromEnvironment() {
    TokenSelection s;
    auto read = [](const char *name) {
        return Identifier{qEnvironmentVariable(name).trimmed(), QString::fromLatin1(name)};
    };
    s.slot = read("HSM_SLOT");
    s.label = read("HSM_TOKEN_LABEL");
    s.serial = read("HSM_TOKEN_SERIAL");
    return s;
}

} // namespace hsm
