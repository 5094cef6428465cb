// SPDX-License-Identifier: Apache-2.0
#include "core/token/TokenSelection.h"

#include "core/token/Labels.h"

#include <QCoreApplication>

#include <limits>

namespace hsm {

Result<CK_SLOT_ID> TokenSelection::slotNumber(const Identifier &slot) {
    const QString text = slot.value.trimmed();
    bool digits = !text.isEmpty();
    for (const QChar c : text)
        digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    bool ok = false;
    if (digits) {
        const qulonglong n = text.toULongLong(&ok, 10);
        if (ok && n <= std::numeric_limits<CK_SLOT_ID>::max())
            return static_cast<CK_SLOT_ID>(n);
        return Error::make(Error::Kind::Input,
                           QCoreApplication::translate("hsm::TokenSelection",
                                                       "%1=%2 is larger than any slot number.")
                               .arg(slot.source, text));
    }
    // The gateway reads the slot in decimal: 0x10 would not be slot 16 there.
    if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) {
        const qulonglong hex = text.mid(2).toULongLong(&ok, 16);
        if (ok)
            return Error::make(Error::Kind::Input,
                               QCoreApplication::translate(
                                   "hsm::TokenSelection",
                                   "%1=%2 is hexadecimal; the gateway reads slot numbers in "
                                   "decimal only: write %3.")
                                   .arg(slot.source, text)
                                   .arg(hex));
    }
    return Error::make(Error::Kind::Input,
                       QCoreApplication::translate("hsm::TokenSelection",
                                                   "%1=%2 is not a slot number; the gateway "
                                                   "reads slot numbers as decimal digits only.")
                           .arg(slot.source, text));
}

Status TokenSelection::validate() const {
    if (slot.isSet()) {
        if (Result<CK_SLOT_ID> n = slotNumber(slot); !n)
            return n.error();
    }
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
