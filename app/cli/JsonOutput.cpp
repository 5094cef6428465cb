// SPDX-License-Identifier: Apache-2.0
#include "app/cli/JsonOutput.h"

#include "core/pkcs11/FlagNames.h"

#include <QJsonArray>

namespace hsm::cli {
namespace {

QJsonValue countJson(CK_ULONG value, bool zeroIsInfinite = false) {
    if (value == CK_UNAVAILABLE_INFORMATION || (zeroIsInfinite && value == 0))
        return describeCount(value, zeroIsInfinite);
    return static_cast<qint64>(value);
}

} // namespace

QJsonObject tokenJson(const TokenInfo &t) {
    return QJsonObject{
        {QStringLiteral("label"), t.label},
        {QStringLiteral("serial"), t.serial},
        {QStringLiteral("model"), t.model},
        {QStringLiteral("manufacturer"), t.manufacturer},
        {QStringLiteral("flags"), QJsonArray::fromStringList(t.flags)},
        {QStringLiteral("max_sessions"), countJson(t.maxSessionCount, true)},
        {QStringLiteral("sessions"), countJson(t.sessionCount)},
        {QStringLiteral("max_rw_sessions"), countJson(t.maxRwSessionCount, true)},
        {QStringLiteral("rw_sessions"), countJson(t.rwSessionCount)},
        {QStringLiteral("min_pin_length"), countJson(t.minPinLen)},
        {QStringLiteral("max_pin_length"), countJson(t.maxPinLen)},
        {QStringLiteral("total_public_memory"), countJson(t.totalPublicMemory)},
        {QStringLiteral("free_public_memory"), countJson(t.freePublicMemory)},
        {QStringLiteral("total_private_memory"), countJson(t.totalPrivateMemory)},
        {QStringLiteral("free_private_memory"), countJson(t.freePrivateMemory)},
        {QStringLiteral("hardware_version"), t.hardwareVersion},
        {QStringLiteral("firmware_version"), t.firmwareVersion},
    };
}

QJsonObject slotJson(const SlotInfo &s) {
    QJsonObject o{
        {QStringLiteral("slot_id"), static_cast<qint64>(s.id)},
        {QStringLiteral("description"), s.description},
        {QStringLiteral("manufacturer"), s.manufacturer},
        {QStringLiteral("slot_flags"), QJsonArray::fromStringList(s.flags)},
        {QStringLiteral("hardware_version"), s.hardwareVersion},
        {QStringLiteral("firmware_version"), s.firmwareVersion},
        {QStringLiteral("token_present"), s.tokenPresent},
        {QStringLiteral("token"), s.token ? QJsonValue(tokenJson(*s.token)) : QJsonValue()},
    };
    if (!s.tokenError.isEmpty())
        o.insert(QStringLiteral("token_error"), s.tokenError);
    return o;
}

QJsonObject objectJson(const ObjectInfo &o) {
    QJsonObject row{
        {QStringLiteral("class"), o.classWord()},
        {QStringLiteral("key_type"), o.isKey() ? QJsonValue(o.keyTypeWord()) : QJsonValue()},
        {QStringLiteral("label"), o.label},
        {QStringLiteral("id"), o.idHex()},
        {QStringLiteral("size_bits"), o.sizeBits >= 0 ? QJsonValue(o.sizeBits) : QJsonValue()},
        {QStringLiteral("flags"), QJsonArray::fromStringList(o.flagWords())},
    };
    if (!o.curve.isEmpty())
        row.insert(QStringLiteral("curve"), o.curve);
    return row;
}

} // namespace hsm::cli
