// SPDX-License-Identifier: Apache-2.0
#include "core/token/TokenSelector.h"

#include <QCoreApplication>

#include <p11-kit/uri.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace hsm {
namespace {

Error selectionError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

template <size_t N> void pad(CK_UTF8CHAR (&field)[N], const QString &text) {
    std::memset(field, ' ', N);
    const QByteArray utf8 = text.toUtf8();
    std::memcpy(field, utf8.constData(), std::min<size_t>(N, static_cast<size_t>(utf8.size())));
}

CK_TOKEN_INFO rawTokenInfo(const TokenInfo &t) {
    CK_TOKEN_INFO raw{};
    pad(raw.label, t.label);
    pad(raw.manufacturerID, t.manufacturer);
    pad(raw.model, t.model);
    pad(raw.serialNumber, t.serial);
    raw.flags = t.flagBits;
    return raw;
}

struct UriDeleter {
    void operator()(P11KitUri *uri) const { p11_kit_uri_free(uri); }
};
using UriPtr = std::unique_ptr<P11KitUri, UriDeleter>;

// The attributes a token is matched on (p11_kit_uri_match_token_info and the slot id).
// p11-kit parses others (library-*, slot-description, object attributes) but would ignore
// them when matching a token, and it keeps only the last of a repeated attribute; RFC 7512
// forbids repeating one. p11-kit offers no list of what it parsed, so the names are read
// here, before p11_kit_uri_parse checks the values.
const QStringList &supportedUriAttributes() {
    static const QStringList names{QStringLiteral("token"), QStringLiteral("manufacturer"),
                                   QStringLiteral("serial"), QStringLiteral("model"),
                                   QStringLiteral("slot-id")};
    return names;
}

Status checkUriAttributes(const TokenSelection::Identifier &id) {
    static const QString scheme = QStringLiteral("pkcs11:");
    if (!id.value.startsWith(scheme, Qt::CaseInsensitive))
        return Done{}; // p11_kit_uri_parse says what is wrong
    const QString rest = id.value.mid(scheme.size());
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    const QStringList path = rest.left(question).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    const QStringList query =
        question < 0 ? QStringList()
                     : rest.mid(question + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts);
    QStringList seen;
    for (const QStringList *part : {&path, &query}) {
        for (const QString &attribute : *part) {
            const QString name = attribute.section(QLatin1Char('='), 0, 0).toLower();
            if (name == QLatin1String("pin-value"))
                continue; // refused with its own reason after parsing
            if (seen.contains(name))
                return selectionError(
                    QCoreApplication::translate("hsm::TokenSelection",
                                                "%1 gives the attribute '%2' more than once; a "
                                                "PKCS#11 URI may name each attribute only once "
                                                "(RFC 7512).")
                        .arg(id.source, name));
            seen << name;
            if (!supportedUriAttributes().contains(name))
                return selectionError(
                    QCoreApplication::translate("hsm::TokenSelection",
                                                "%1: the attribute '%2' is not supported for "
                                                "selecting a token; use %3.")
                        .arg(id.source, name, supportedUriAttributes().join(QStringLiteral(", "))));
        }
    }
    return Done{};
}

} // namespace

QList<const SlotInfo *> TokenSelector::initialized() const {
    QList<const SlotInfo *> out;
    for (const SlotInfo &s : m_slots) {
        if (s.token && s.token->has(CKF_TOKEN_INITIALIZED))
            out.append(&s);
    }
    return out;
}

QString TokenSelector::describe(const SlotInfo &slot) {
    const QString label = slot.token ? slot.token->label : QString();
    const QString serial = slot.token ? slot.token->serial : QString();
    return QStringLiteral("%1 (#%2, slot %3)").arg(label, serial).arg(slot.id);
}

QString TokenSelector::presentList() const {
    QStringList names;
    for (const SlotInfo *s : initialized())
        names << describe(*s);
    return names.isEmpty() ? QStringLiteral("there are no initialized tokens")
                           : QStringLiteral("tokens present: ") + names.join(QStringLiteral(", "));
}

QString TokenSelector::gatewayLine(const SlotInfo &slot, GatewayTokenMode mode) {
    switch (mode) {
    case GatewayTokenMode::Slot:
        return QStringLiteral("HSM_SLOT=") + gatewayValue(slot, mode);
    case GatewayTokenMode::Label:
        return QStringLiteral("HSM_TOKEN_LABEL=") + gatewayValue(slot, mode);
    case GatewayTokenMode::Serial:
        break;
    }
    return QStringLiteral("HSM_TOKEN_SERIAL=") + gatewayValue(slot, mode);
}

QString TokenSelector::gatewayValue(const SlotInfo &slot, GatewayTokenMode mode) {
    switch (mode) {
    case GatewayTokenMode::Slot:
        return QString::number(slot.id);
    case GatewayTokenMode::Label:
        return slot.token ? slot.token->label : QString();
    case GatewayTokenMode::Serial:
        break;
    }
    return slot.token ? slot.token->serial : QString();
}

QString TokenSelector::uriFor(const SlotInfo &slot) {
    if (!slot.token)
        return QString();
    UriPtr uri(p11_kit_uri_new());
    *p11_kit_uri_get_token_info(uri.get()) = rawTokenInfo(*slot.token);
    char *text = nullptr;
    if (p11_kit_uri_format(uri.get(), P11_KIT_URI_FOR_TOKEN, &text) != P11_KIT_URI_OK)
        return QString();
    const QString out = QString::fromUtf8(text);
    std::free(text);
    return out;
}

Result<QList<const SlotInfo *>> TokenSelector::bySlot(const TokenSelection::Identifier &id) const {
    const Result<CK_SLOT_ID> number = TokenSelection::slotNumber(id);
    if (!number)
        return number.error();
    const CK_SLOT_ID wanted = number.value();
    for (const SlotInfo &s : m_slots) {
        if (s.id != wanted)
            continue;
        if (!s.tokenPresent)
            return selectionError(QStringLiteral("Slot %1 (%2=%1) has no token; %3.")
                                      .arg(id.value, id.source, presentList()));
        if (!s.token)
            return selectionError(QStringLiteral("The token in slot %1 cannot be read: %2")
                                      .arg(id.value, s.tokenError));
        if (!s.token->has(CKF_TOKEN_INITIALIZED))
            return selectionError(QStringLiteral("The token in slot %1 (%2=%1) is not initialized; "
                                                 "initialize it first or choose another; %3.")
                                      .arg(id.value, id.source, presentList()));
        return QList<const SlotInfo *>{&s};
    }
    return selectionError(QStringLiteral("There is no slot %1 (%2); %3. Slot numbers can change "
                                         "when tokens are added: select by serial to be safe.")
                              .arg(id.value, id.source, presentList()));
}

Result<QList<const SlotInfo *>> TokenSelector::byLabel(const TokenSelection::Identifier &id) const {
    QList<const SlotInfo *> matches;
    QStringList longer;
    for (const SlotInfo *s : initialized()) {
        if (s->token->label == id.value)
            matches.append(s);
        else if (s->token->label.startsWith(id.value))
            longer << s->token->label;
    }
    if (!matches.isEmpty())
        return matches;
    QString hint;
    if (!longer.isEmpty())
        hint = QStringLiteral(" Labels must match in full: '%1' only begins with it.")
                   .arg(longer.join(QStringLiteral("', '")));
    return selectionError(QStringLiteral("No token is labelled '%1' (%2); %3.%4")
                              .arg(id.value, id.source, presentList(), hint));
}

Result<QList<const SlotInfo *>>
TokenSelector::bySerial(const TokenSelection::Identifier &id) const {
    QList<const SlotInfo *> matches;
    for (const SlotInfo *s : initialized()) {
        if (s->token->serial == id.value)
            matches.append(s);
    }
    if (!matches.isEmpty())
        return matches;
    return selectionError(QStringLiteral("No token has the serial '%1' (%2); %3.")
                              .arg(id.value, id.source, presentList()));
}

Result<QList<const SlotInfo *>> TokenSelector::byUri(const TokenSelection::Identifier &id) const {
    if (Status s = checkUriAttributes(id); !s)
        return s.error();
    UriPtr uri(p11_kit_uri_new());
    const QByteArray text = id.value.toUtf8();
    const int rc = p11_kit_uri_parse(
        text.constData(), static_cast<P11KitUriType>(P11_KIT_URI_FOR_TOKEN | P11_KIT_URI_FOR_SLOT),
        uri.get());
    if (rc != P11_KIT_URI_OK)
        return selectionError(QStringLiteral("%1 is not a valid PKCS#11 URI: %2.")
                                  .arg(id.source, QString::fromUtf8(p11_kit_uri_message(rc))));
    if (p11_kit_uri_get_pin_value(uri.get()))
        return selectionError(
            QStringLiteral("%1 carries a pin-value; a PIN is never taken from the "
                           "command line: use HSM_PIN or --pin-file.")
                .arg(id.source));
    const CK_SLOT_ID slotId = p11_kit_uri_get_slot_id(uri.get());
    QList<const SlotInfo *> matches;
    for (const SlotInfo *s : initialized()) {
        const CK_TOKEN_INFO raw = rawTokenInfo(*s->token);
        if (!p11_kit_uri_match_token_info(uri.get(), &raw))
            continue;
        if (slotId != static_cast<CK_SLOT_ID>(-1) && slotId != s->id)
            continue;
        matches.append(s);
    }
    if (matches.isEmpty())
        return selectionError(QStringLiteral("No token matches %1 (%2); %3.")
                                  .arg(id.value, id.source, presentList()));
    return matches;
}

Result<SlotInfo> TokenSelector::select(const TokenSelection &selection) const {
    if (Status valid = selection.validate(); !valid)
        return valid.error();
    if (selection.isEmpty()) {
        const QList<const SlotInfo *> all = initialized();
        if (all.size() == 1)
            return *all.first();
        if (all.isEmpty())
            return selectionError(QStringLiteral("No slot holds an initialized token."));
        return selectionError(QStringLiteral("Several tokens are present; choose one with --slot, "
                                             "--token-label, --token-serial or --token-uri (or "
                                             "HSM_SLOT / HSM_TOKEN_LABEL / HSM_TOKEN_SERIAL); %1.")
                                  .arg(presentList()));
    }

    // Every identifier given must match, and together they must leave exactly one token:
    // a shared label is fine when the serial says which of them is meant.
    struct Resolved {
        const TokenSelection::Identifier *id;
        QList<const SlotInfo *> candidates;
    };
    using Resolver =
        Result<QList<const SlotInfo *>> (TokenSelector::*)(const TokenSelection::Identifier &)
            const;
    const std::pair<const TokenSelection::Identifier *, Resolver> steps[] = {
        {&selection.serial, &TokenSelector::bySerial},
        {&selection.slot, &TokenSelector::bySlot},
        {&selection.label, &TokenSelector::byLabel},
        {&selection.uri, &TokenSelector::byUri}};
    QList<Resolved> resolved;
    for (const auto &[id, resolve] : steps) {
        if (!id->isSet())
            continue;
        Result<QList<const SlotInfo *>> r = (this->*resolve)(*id);
        if (!r)
            return r.error();
        resolved.append({id, r.value()});
    }
    QList<const SlotInfo *> remaining = resolved.first().candidates;
    for (const Resolved &other : resolved) {
        QList<const SlotInfo *> both;
        for (const SlotInfo *s : remaining) {
            if (other.candidates.contains(s))
                both.append(s);
        }
        if (both.isEmpty()) {
            const Resolved &first = resolved.first();
            return selectionError(QStringLiteral("%1=%2 names %3 but %4=%5 names %6; set only one, "
                                                 "or make them name the same token.")
                                      .arg(first.id->source, first.id->value,
                                           describeAll(first.candidates), other.id->source,
                                           other.id->value, describeAll(other.candidates)));
        }
        remaining = both;
    }
    if (remaining.size() > 1) {
        const Resolved &widest = resolved.last();
        const bool byLabel = widest.id == &selection.label;
        return selectionError(
            QStringLiteral("%1 tokens %2 '%3' (%4): %5; select one by its serial "
                           "(HSM_TOKEN_SERIAL / --token-serial).")
                .arg(remaining.size())
                .arg(byLabel ? QStringLiteral("are labelled") : QStringLiteral("match"),
                     widest.id->value, widest.id->source, describeAll(remaining)));
    }
    return *remaining.first();
}

QString TokenSelector::describeAll(const QList<const SlotInfo *> &slots) {
    QStringList names;
    for (const SlotInfo *s : slots)
        names << describe(*s);
    return names.join(QStringLiteral(", "));
}

} // namespace hsm
