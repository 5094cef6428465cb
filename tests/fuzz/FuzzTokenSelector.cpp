// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the token selection an operator types, --slot/--token-label/
// --token-serial/--token-uri or HSM_SLOT/HSM_TOKEN_LABEL/HSM_TOKEN_SERIAL, resolved by
// TokenSelector against a fixed set of slots plus one whose token fields come from the
// input (labels shared, a prefix of another, an uninitialized token, an empty slot). The URI of a
// token (formatted by p11-kit) must select that very token.
#include "core/token/TokenSelector.h"

#include <p11-kit/pkcs11.h>

#include <cstdint>
#include <cstdlib>

namespace {

hsm::SlotInfo slot(CK_SLOT_ID id, const QString &label, const QString &serial,
                   bool initialized = true) {
    hsm::SlotInfo s;
    s.id = id;
    s.tokenPresent = true;
    hsm::TokenInfo t;
    t.label = label;
    t.serial = serial;
    t.manufacturer = QStringLiteral("SoftHSM project");
    t.model = QStringLiteral("SoftHSM v2");
    t.flagBits = initialized ? CKF_TOKEN_INITIALIZED : 0;
    s.token = t;
    return s;
}

QList<hsm::SlotInfo> fixedSlots() {
    QList<hsm::SlotInfo> slots;
    slots << slot(0x1d2c3b4a, QStringLiteral("gateway"), QStringLiteral("4e3ca826da2daf8b"));
    slots << slot(0x2a, QStringLiteral("shared"), QStringLiteral("0000000000000001"));
    slots << slot(7, QStringLiteral("shared"), QStringLiteral("0000000000000002"));
    slots << slot(8, QStringLiteral("gateway-backup"), QStringLiteral("0000000000000003"));
    slots << slot(9, QString(), QStringLiteral("0000000000000004"), false);
    hsm::SlotInfo empty;
    empty.id = 10;
    slots << empty;
    hsm::SlotInfo unreadable;
    unreadable.id = 11;
    unreadable.tokenPresent = true;
    unreadable.tokenError = QStringLiteral("CKR_DEVICE_ERROR");
    slots << unreadable;
    return slots;
}

// A text that fits a CK_TOKEN_INFO field of `bytes` bytes, as a module would report it:
// trailing blanks are padding, so the text never ends with one, and there are no control
// characters (p11-kit takes a field that starts with NUL for one that is not set).
QString field(const QByteArray &text, qsizetype bytes) {
    QString whole = QString::fromUtf8(text);
    whole.removeIf([](QChar c) { return c.category() == QChar::Other_Control; });
    QString out;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        const qsizetype n = whole[i].isHighSurrogate() && i + 1 < whole.size() ? 2 : 1;
        const QString longer = out + whole.mid(i, n);
        if (longer.toUtf8().size() > bytes)
            break;
        out = longer;
        i += n - 1;
    }
    return out.trimmed();
}

} // namespace

// The input is text, one item a line; a missing or empty line leaves the item unset:
//   1-4  --token-uri, HSM_SLOT, HSM_TOKEN_LABEL, HSM_TOKEN_SERIAL
//   5-8  label, serial, manufacturer and model of one more initialized token
//   9    its slot id (default 99)
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 16 * 1024)
        return -1;
    QList<QByteArray> lines =
        QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)).split('\n');
    while (lines.size() < 9)
        lines << QByteArray();

    QList<hsm::SlotInfo> slots = fixedSlots();
    bool idOk = false;
    const CK_SLOT_ID id = QString::fromUtf8(lines[8]).toULong(&idOk);
    hsm::SlotInfo fuzzed = slot(idOk ? id : 99, field(lines[4], 32), field(lines[5], 16));
    fuzzed.token->manufacturer = field(lines[6], 32);
    fuzzed.token->model = field(lines[7], 16);
    slots << fuzzed;

    hsm::TokenSelection selection;
    const char *sources[] = {"--token-uri", "HSM_SLOT", "HSM_TOKEN_LABEL", "HSM_TOKEN_SERIAL"};
    hsm::TokenSelection::Identifier *ids[] = {&selection.uri, &selection.slot, &selection.label,
                                              &selection.serial};
    for (int i = 0; i < 4; ++i)
        *ids[i] = {QString::fromUtf8(lines[i]), QLatin1String(sources[i])};

    const hsm::TokenSelector selector(slots);
    const hsm::Result<hsm::SlotInfo> chosen = selector.select(selection);
    if (chosen) {
        if (!chosen->token || !chosen->token->has(CKF_TOKEN_INITIALIZED))
            std::abort(); // only initialized tokens are ever selected
    } else if (chosen.error().toString().isEmpty()) {
        std::abort();
    }

    for (const hsm::SlotInfo &s : slots) {
        (void)hsm::TokenSelector::describe(s);
        for (hsm::GatewayTokenMode mode :
             {hsm::GatewayTokenMode::Slot, hsm::GatewayTokenMode::Label,
              hsm::GatewayTokenMode::Serial})
            (void)hsm::TokenSelector::gatewayLine(s, mode);
    }

    // The URI made for the fuzzed token names it, unless its serial is empty (a URI
    // without a serial matches any) or another token has the same.
    if (fuzzed.token->serial.isEmpty())
        return 0;
    int sameSerial = 0;
    for (const hsm::SlotInfo &s : slots)
        sameSerial += s.token && s.token->serial == fuzzed.token->serial ? 1 : 0;
    const QString uri = hsm::TokenSelector::uriFor(fuzzed);
    if (uri.isEmpty())
        std::abort();
    hsm::TokenSelection byUri;
    byUri.uri = {uri, QStringLiteral("--token-uri")};
    const hsm::Result<hsm::SlotInfo> back = selector.select(byUri);
    if (sameSerial == 1 && (!back || back->id != fuzzed.id))
        std::abort();
    return 0;
}
