#include "SlotsCommand.h"

#include "TextTable.h"
#include "pkcs11/FlagNames.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hsm::cli {
namespace {

QJsonValue countJson(CK_ULONG value, bool zeroIsInfinite = false) {
    if (value == CK_UNAVAILABLE_INFORMATION || (zeroIsInfinite && value == 0))
        return describeCount(value, zeroIsInfinite);
    return static_cast<qint64>(value);
}

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

} // namespace

int SlotsCommand::run(CommandContext &context) {
    Result<QList<SlotInfo>> slots = await(context.client().slotList());
    if (!slots)
        return context.fail(slots.error());
    if (context.format() == OutputFormat::Json) {
        QJsonArray array;
        for (const SlotInfo &s : slots.value())
            array.append(slotJson(s));
        context.printJson(array);
        return 0;
    }
    TextTable table({QStringLiteral("SLOT"), QStringLiteral("TOKEN"), QStringLiteral("SERIAL"),
                     QStringLiteral("MODEL"), QStringLiteral("FLAGS")});
    for (const SlotInfo &s : slots.value()) {
        if (s.token) {
            const QString label = s.token->has(CKF_TOKEN_INITIALIZED)
                                      ? s.token->label
                                      : QStringLiteral("(not initialized)");
            table.addRow({QString::number(s.id), label, s.token->serial, s.token->model,
                          s.token->flags.join(QLatin1Char(','))});
        } else {
            const QString what = s.tokenError.isEmpty()
                                     ? (s.tokenPresent ? QStringLiteral("(unreadable)")
                                                       : QStringLiteral("(no token)"))
                                     : s.tokenError;
            table.addRow({QString::number(s.id), what, QString(), QString(),
                          s.flags.join(QLatin1Char(','))});
        }
    }
    table.print(context.out());
    return 0;
}

} // namespace hsm::cli
