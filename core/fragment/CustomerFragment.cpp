// SPDX-License-Identifier: Apache-2.0
#include "core/fragment/CustomerFragment.h"

#include <QRegularExpression>

namespace hsm {

CustomerFragment CustomerFragment::make(const QString &id, const QByteArray &seed,
                                        const QString &name, const QString &description,
                                        FragmentType type, const QString &keyLabel) {
    // The field order of the vendor's own output.
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("value"), QString::fromLatin1(seed.toBase64())},
                     {QStringLiteral("description"), description},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("fragment_type"), typeName(type)}};
    if (type == FragmentType::HsmWrapped || type == FragmentType::HsmSecured)
        json.insert(QStringLiteral("key_label"), keyLabel);
    return CustomerFragment(json);
}

QString CustomerFragment::text(const char *key) const {
    return m_json.value(QLatin1String(key)).toString();
}

QString CustomerFragment::typeName() const {
    const QString t = text("fragment_type");
    return t.isEmpty() ? QStringLiteral("standard") : t;
}

FragmentType CustomerFragment::type() const {
    FragmentType t = FragmentType::Unknown;
    parseType(typeName(), &t);
    return t;
}

bool CustomerFragment::isHsmType() const {
    const FragmentType t = type();
    return t == FragmentType::HsmWrapped || t == FragmentType::HsmSecured;
}

QString CustomerFragment::typeName(FragmentType type) {
    switch (type) {
    case FragmentType::Standard:
        return QStringLiteral("standard");
    case FragmentType::HsmWrapped:
        return QStringLiteral("hsm_wrapped");
    case FragmentType::HsmSecured:
        return QStringLiteral("hsm_secured");
    case FragmentType::Unknown:
        break;
    }
    return QString();
}

bool CustomerFragment::parseType(const QString &name, FragmentType *type) {
    for (FragmentType t :
         {FragmentType::Standard, FragmentType::HsmWrapped, FragmentType::HsmSecured}) {
        if (typeName(t) == name) {
            *type = t;
            return true;
        }
    }
    return false;
}

bool CustomerFragment::isValidId(const QString &id) {
    // \z, not $: $ also matches before a trailing newline.
    static const QRegularExpression format(QStringLiteral("\\Acf-[a-z0-9]{20}\\z"));
    return format.match(id).hasMatch();
}

} // namespace hsm
