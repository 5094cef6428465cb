// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/ObjectInfo.h"
#include "core/token/SlotInfo.h"

#include <QJsonObject>

namespace hsm::cli {

// The JSON shapes of the CLI's output, shared by the commands that print them.
QJsonObject slotJson(const SlotInfo &slot);
QJsonObject tokenJson(const TokenInfo &token);
QJsonObject objectJson(const ObjectInfo &object);

} // namespace hsm::cli
