// SPDX-License-Identifier: Apache-2.0
#include "core/token/TokenSelection.h"

#include "core/token/Labels.h"

namespace hsm {

Status TokenSelection::validate() const {
    const struct {
        const Identifier &id;
        int maxBytes;
        const char *field;
    } limits[] = {{label, labels::kTokenLabelBytes, "label"},
                  {serial, labels::kTokenSerialBytes, "serial number"}};
    for (const auto &limit : limits) {
        const qsizetype bytes = limit.id.value.toUtf8().size();
        if (bytes > limit.maxBytes)
            return Error::make(Error::Kind::Input,
                               QStringLiteral("%1 is %2 bytes long; a PKCS#11 token %3 has at most "
                                              "%4 bytes (UTF-8), so no token can match it.")
                                   .arg(limit.id.source)
                                   .arg(bytes)
                                   .arg(QLatin1String(limit.field))
                                   .arg(limit.maxBytes));
    }
    return Done{};
}

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
