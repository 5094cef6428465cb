// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/SlotInfo.h"
#include "core/token/TokenSelection.h"

#include <QList>

namespace hsm {

// Resolves a TokenSelection against the slots a module reports, exactly as the gateway
// would: labels match the whole trimmed label (never a prefix), a label shared by several
// tokens is an error that lists them, and several identifiers must name the same token.
class TokenSelector {
public:
    explicit TokenSelector(QList<SlotInfo> slots)
        : m_slots(std::move(slots)) {}

    // The slot holding the selected, initialized token. With an empty selection the only
    // initialized token is chosen, if there is exactly one.
    Result<SlotInfo> select(const TokenSelection &selection) const;

    // "label (#serial, slot N)", how candidates are listed in errors.
    static QString describe(const SlotInfo &slot);
    // "HSM_TOKEN_SERIAL=4e3ca826da2daf8b" for the chosen mode.
    static QString gatewayLine(const SlotInfo &slot, GatewayTokenMode mode);
    // Its value alone: "4e3ca826da2daf8b".
    static QString gatewayValue(const SlotInfo &slot, GatewayTokenMode mode);
    // "pkcs11:model=...;manufacturer=...;serial=...;token=..." formatted by p11-kit.
    static QString uriFor(const SlotInfo &slot);

private:
    // The initialized tokens an identifier names; an error when it names none.
    Result<QList<const SlotInfo *>> bySlot(const TokenSelection::Identifier &id) const;
    Result<QList<const SlotInfo *>> byLabel(const TokenSelection::Identifier &id) const;
    Result<QList<const SlotInfo *>> bySerial(const TokenSelection::Identifier &id) const;
    Result<QList<const SlotInfo *>> byUri(const TokenSelection::Identifier &id) const;
    static QString describeAll(const QList<const SlotInfo *> &slots);
    QList<const SlotInfo *> initialized() const;
    QString presentList() const;

    QList<SlotInfo> m_slots;
};

} // namespace hsm
