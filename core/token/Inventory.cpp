// SPDX-License-Identifier: Apache-2.0
#include "core/token/Inventory.h"

#include "core/base/RequestContext.h"
#include "core/pkcs11/FlagNames.h"

#include <vector>

namespace hsm::inventory {
namespace {

Error cancelled() {
    return Error::cancelled();
}

Result<QList<CK_SLOT_ID>> slotList(Module &module, CK_BBOOL tokenPresent) {
    // The count can grow between the two calls (a token inserted): retry on BUFFER_TOO_SMALL.
    for (int attempt = 0; attempt < 5; ++attempt) {
        CK_ULONG count = 0;
        if (const Module::CallResult counted = HSM_P11_CHECK(
                module, C_GetSlotList, tokenPresent, static_cast<CK_SLOT_ID_PTR>(nullptr), &count);
            !counted)
            return counted.error();
        std::vector<CK_SLOT_ID> ids(count);
        const Module::CallResult listed =
            HSM_P11_CHECK(module, C_GetSlotList, tokenPresent, ids.data(), &count);
        if (listed.rv == CKR_BUFFER_TOO_SMALL)
            continue;
        if (!listed)
            return listed.error();
        return QList<CK_SLOT_ID>(ids.begin(), ids.begin() + static_cast<qsizetype>(count));
    }
    return Error::pkcs11("C_GetSlotList", CKR_BUFFER_TOO_SMALL);
}

TokenInfo toTokenInfo(const CK_TOKEN_INFO &t) {
    TokenInfo info;
    info.label = paddedText(t.label, sizeof t.label);
    info.manufacturer = paddedText(t.manufacturerID, sizeof t.manufacturerID);
    info.model = paddedText(t.model, sizeof t.model);
    info.serial = paddedText(t.serialNumber, sizeof t.serialNumber);
    info.flagBits = t.flags;
    info.flags = tokenFlagWords(t.flags);
    info.maxSessionCount = t.ulMaxSessionCount;
    info.sessionCount = t.ulSessionCount;
    info.maxRwSessionCount = t.ulMaxRwSessionCount;
    info.rwSessionCount = t.ulRwSessionCount;
    info.maxPinLen = t.ulMaxPinLen;
    info.minPinLen = t.ulMinPinLen;
    info.totalPublicMemory = t.ulTotalPublicMemory;
    info.freePublicMemory = t.ulFreePublicMemory;
    info.totalPrivateMemory = t.ulTotalPrivateMemory;
    info.freePrivateMemory = t.ulFreePrivateMemory;
    info.hardwareVersion = versionText(t.hardwareVersion);
    info.firmwareVersion = versionText(t.firmwareVersion);
    if (t.flags & CKF_CLOCK_ON_TOKEN)
        info.utcTime = paddedText(t.utcTime, sizeof t.utcTime);
    return info;
}

} // namespace

Result<ModuleInfo> moduleInfo(Module &module) {
    CK_INFO raw{};
    if (const Module::CallResult got = HSM_P11_CHECK(module, C_GetInfo, &raw); !got)
        return got.error();
    ModuleInfo info;
    info.path = module.path();
    info.cryptokiVersion = versionText(raw.cryptokiVersion);
    info.manufacturer = paddedText(raw.manufacturerID, sizeof raw.manufacturerID);
    info.description = paddedText(raw.libraryDescription, sizeof raw.libraryDescription);
    info.libraryVersion = versionText(raw.libraryVersion);
    info.flags = moduleFlagWords(raw.flags);
    info.sharedInitialize = !module.initializedByUs();
    info.withoutLocking = module.withoutLocking();
    return info;
}

Result<QList<CK_SLOT_ID>> slotsWithToken(Module &module) {
    return slotList(module, CK_TRUE);
}

Result<SlotInfo> slot(Module &module, CK_SLOT_ID id) {
    CK_SLOT_INFO raw{};
    if (const Module::CallResult got = HSM_P11_CHECK(module, C_GetSlotInfo, id, &raw); !got)
        return got.error();
    SlotInfo info;
    info.id = id;
    info.description = paddedText(raw.slotDescription, sizeof raw.slotDescription);
    info.manufacturer = paddedText(raw.manufacturerID, sizeof raw.manufacturerID);
    info.flagBits = raw.flags;
    info.flags = slotFlagWords(raw.flags);
    info.hardwareVersion = versionText(raw.hardwareVersion);
    info.firmwareVersion = versionText(raw.firmwareVersion);
    info.tokenPresent = (raw.flags & CKF_TOKEN_PRESENT) != 0;
    if (info.tokenPresent) {
        CK_TOKEN_INFO token{};
        const Module::CallResult got = HSM_P11_CHECK(module, C_GetTokenInfo, id, &token);
        if (got)
            info.token = toTokenInfo(token);
        else if (got.rv == CKR_TOKEN_NOT_PRESENT)
            info.tokenPresent = false; // removed between the two calls
        else
            info.tokenError = got.error().toString();
    }
    return info;
}

Result<QList<SlotInfo>> slots(Module &module, RequestContext *context) {
    Result<QList<CK_SLOT_ID>> ids = slotList(module, CK_FALSE);
    if (!ids)
        return ids.error();
    QList<SlotInfo> out;
    out.reserve(ids->size());
    for (CK_SLOT_ID id : ids.value()) {
        if (context && context->isCancelled())
            return cancelled();
        Result<SlotInfo> info = slot(module, id);
        if (!info) {
            // A slot that vanished between C_GetSlotList and C_GetSlotInfo is skipped.
            if (info.error().rv == CKR_SLOT_ID_INVALID)
                continue;
            return info.error();
        }
        out.append(std::move(info).value());
        if (context)
            context->reportProgress(out.size(), ids->size());
    }
    return out;
}

Result<QList<MechanismInfo>> mechanisms(Module &module, CK_SLOT_ID slot, RequestContext *context) {
    CK_ULONG count = 0;
    if (const Module::CallResult counted = HSM_P11_CHECK(
            module, C_GetMechanismList, slot, static_cast<CK_MECHANISM_TYPE_PTR>(nullptr), &count);
        !counted)
        return counted.error();
    std::vector<CK_MECHANISM_TYPE> types(count);
    if (const Module::CallResult listed =
            HSM_P11_CHECK(module, C_GetMechanismList, slot, types.data(), &count);
        !listed)
        return listed.error();
    types.resize(count);

    QList<MechanismInfo> out;
    out.reserve(static_cast<qsizetype>(count));
    for (CK_MECHANISM_TYPE type : types) {
        if (context && context->isCancelled())
            return cancelled();
        MechanismInfo info;
        info.type = type;
        info.name = mechanismName(type);
        CK_MECHANISM_INFO raw{};
        const Module::CallResult got = HSM_P11_CHECK(module, C_GetMechanismInfo, slot, type, &raw);
        if (got) {
            info.minKeySize = raw.ulMinKeySize;
            info.maxKeySize = raw.ulMaxKeySize;
            info.flagBits = raw.flags;
            info.flags = mechanismFlagWords(raw.flags);
        } else {
            // One unreadable mechanism should not hide the rest of the list.
            info.infoError = got.error().toString();
        }
        out.append(std::move(info));
        if (context)
            context->reportProgress(out.size(), static_cast<qsizetype>(count));
    }
    return out;
}

} // namespace hsm::inventory
