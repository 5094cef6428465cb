// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/TokenInfo.h"

#include <optional>

namespace hsm {

struct SlotInfo {
    CK_SLOT_ID id = 0;
    QString description;
    QString manufacturer;
    CK_FLAGS flagBits = 0;
    QStringList flags;
    QString hardwareVersion;
    QString firmwareVersion;
    bool tokenPresent = false;
    std::optional<TokenInfo> token; // set when a token is present and readable
    QString tokenError;             // why C_GetTokenInfo failed, when it did
};

} // namespace hsm
