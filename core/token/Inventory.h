// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pkcs11/Module.h"
#include "core/token/MechanismInfo.h"
#include "core/token/ModuleInfo.h"
#include "core/token/SlotInfo.h"

#include <QList>

namespace hsm {

class RequestContext;

// Reads what a module offers. Runs on the module's worker thread.
namespace inventory {

Result<ModuleInfo> moduleInfo(Module &module);
// Every slot (C_GetSlotList without tokenPresent), with its token when one is present.
Result<QList<SlotInfo>> slots(Module &module, RequestContext *context = nullptr);
Result<SlotInfo> slot(Module &module, CK_SLOT_ID id);
Result<QList<MechanismInfo>> mechanisms(Module &module, CK_SLOT_ID slot,
                                        RequestContext *context = nullptr);
// C_GetSlotList with tokenPresent = TRUE.
Result<QList<CK_SLOT_ID>> slotsWithToken(Module &module);

} // namespace inventory
} // namespace hsm
