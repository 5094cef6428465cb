// SPDX-License-Identifier: Apache-2.0
#include "core/fragment/CustomerFragment.h"

#include <QRegularExpression>

namespace hsm {
namespace {

const char *const kWrapFields[] = {"wrap_alg", "wrap_iv", "wrap_tag"};

QString base64(const QByteArray &bytes) {
    return QString::fromLatin1(bytes.toBase64());
}

// Strict base64: the whole text, padded, nothing else.
bool decodeBase64(const QString &text, QByteArray *out) {
    if (text.size() % 4 != 0)
        return false;
    const auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = decoded.decoded;
    return true;
}

} // namespace

CustomerFragment CustomerFragment::make(const QString &id, const QByteArray &seed,
                                        const QString &name, const QString &description,
                                        const QString &typeName, const QString &keyLabel) {
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("value"), base64(seed)},
                     {QStringLiteral("description"), description},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("fragment_type"), typeName}};
    CustomerFragment fragment(json);
    if (fragment.isHsmType())
        fragment.m_json.insert(QStringLiteral("key_label"), keyLabel);
    return fragment;
}

CustomerFragment CustomerFragment::makeEncrypted(const QString &id, const QString &name,
                                                 const QString &description,
                                                 const QString &kekLabel, WrapAlgorithm algorithm,
                                                 const WrappedValue &wrapped) {
    const CustomerFragment base(
        QJsonObject{{QStringLiteral("id"), id},
                    {QStringLiteral("description"), description},
                    {QStringLiteral("name"), name},
                    {QStringLiteral("fragment_type"), typeName(FragmentType::HsmWrapEncrypt)}});
    return base.withWrapping(kekLabel, algorithm, wrapped);
}

CustomerFragment CustomerFragment::withWrapping(const QString &kekLabel, WrapAlgorithm algorithm,
                                                const WrappedValue &wrapped) const {
    QJsonObject json = m_json;
    for (const char *field : kWrapFields)
        json.remove(QLatin1String(field));
    json.insert(QStringLiteral("value"), base64(wrapped.ciphertext));
    json.insert(QStringLiteral("key_label"), kekLabel);
    json.insert(QStringLiteral("wrap_alg"), keyEncryption::algorithmName(algorithm));
    if (!wrapped.iv.isEmpty())
        json.insert(QStringLiteral("wrap_iv"), base64(wrapped.iv));
    if (!wrapped.tag.isEmpty())
        json.insert(QStringLiteral("wrap_tag"), base64(wrapped.tag));
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

bool CustomerFragment::hasWrapFields() const {
    for (const char *field : kWrapFields) {
        if (m_json.contains(QLatin1String(field)))
            return true;
    }
    return false;
}

bool CustomerFragment::isHsmType() const {
    const FragmentType t = type();
    return t == FragmentType::HsmWrapHmac || t == FragmentType::HsmSecured ||
           t == FragmentType::HsmWrapEncrypt;
}

bool CustomerFragment::isDerivedType() const {
    const FragmentType t = type();
    return t == FragmentType::HsmWrapHmac || t == FragmentType::HsmSecured;
}

Result<std::pair<WrapAlgorithm, WrappedValue>> CustomerFragment::wrapped() const {
    auto fieldError = [](const QString &why) {
        return Error::make(Error::Kind::Input, why);
    };
    WrapAlgorithm algorithm = WrapAlgorithm::RsaOaepSha256;
    const QString name = wrapAlgorithmName();
    if (!m_json.contains(QStringLiteral("wrap_alg")))
        return fieldError(QStringLiteral("an hsm_wrap_encrypt entry needs wrap_alg (%1).")
                              .arg(keyEncryption::algorithmNames().join(QStringLiteral(", "))));
    if (!keyEncryption::parseAlgorithm(name, &algorithm))
        return fieldError(
            QStringLiteral("wrap_alg '%1' is none of %2.")
                .arg(name, keyEncryption::algorithmNames().join(QStringLiteral(", "))));
    WrappedValue value;
    const std::pair<const char *, QByteArray *> fields[] = {
        {"value", &value.ciphertext}, {"wrap_iv", &value.iv}, {"wrap_tag", &value.tag}};
    for (const auto &[field, out] : fields) {
        const QString encoded = text(field);
        if (!decodeBase64(encoded, out))
            return fieldError(QStringLiteral("%1 is not base64.").arg(QLatin1String(field)));
    }
    if (Status s = keyEncryption::checkShape(algorithm, value); !s)
        return fieldError(s.error().message);
    return std::make_pair(algorithm, value);
}

QString CustomerFragment::typeName(FragmentType type) {
    switch (type) {
    case FragmentType::Standard:
        return QStringLiteral("standard");
    case FragmentType::HsmWrapHmac:
        return QStringLiteral("hsm_wrap_hmac");
    case FragmentType::HsmWrapEncrypt:
        return QStringLiteral("hsm_wrap_encrypt");
    case FragmentType::HsmSecured:
        return QStringLiteral("hsm_secured");
    case FragmentType::Unknown:
        break;
    }
    return QString();
}

QStringList CustomerFragment::typeNames() {
    return {typeName(FragmentType::Standard), typeName(FragmentType::HsmWrapHmac),
            typeName(FragmentType::HsmWrapEncrypt), typeName(FragmentType::HsmSecured)};
}

bool CustomerFragment::parseType(const QString &name, FragmentType *type) {
    if (name == QLatin1String(kLegacyWrapHmacName)) {
        *type = FragmentType::HsmWrapHmac;
        return true;
    }
    for (FragmentType t : {FragmentType::Standard, FragmentType::HsmWrapHmac,
                           FragmentType::HsmWrapEncrypt, FragmentType::HsmSecured}) {
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
