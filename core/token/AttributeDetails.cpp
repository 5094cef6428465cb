// SPDX-License-Identifier: Apache-2.0
#include "core/token/AttributeDetails.h"

#include "core/base/Pkcs11Names.h"
#include "core/pkcs11/AttributeTemplate.h"
#include "core/pkcs11/FlagNames.h"

#include <QStringList>

#include <cstring>

namespace hsm::attributeDetails {
namespace {

enum class Kind { Bool, Ulong, Class, KeyType, Mechanism, Text, Date, Bytes, Template, Mechanisms };

Kind kindOf(CK_ATTRIBUTE_TYPE type) {
    switch (type) {
    case CKA_TOKEN:
    case CKA_PRIVATE:
    case CKA_TRUSTED:
    case CKA_SENSITIVE:
    case CKA_ENCRYPT:
    case CKA_DECRYPT:
    case CKA_WRAP:
    case CKA_UNWRAP:
    case CKA_SIGN:
    case CKA_SIGN_RECOVER:
    case CKA_VERIFY:
    case CKA_VERIFY_RECOVER:
    case CKA_DERIVE:
    case CKA_EXTRACTABLE:
    case CKA_LOCAL:
    case CKA_NEVER_EXTRACTABLE:
    case CKA_ALWAYS_SENSITIVE:
    case CKA_MODIFIABLE:
    case CKA_COPYABLE:
    case CKA_DESTROYABLE:
    case CKA_ALWAYS_AUTHENTICATE:
    case CKA_WRAP_WITH_TRUSTED:
    case CKA_RESET_ON_INIT:
    case CKA_HAS_RESET:
        return Kind::Bool;
    case CKA_CLASS:
        return Kind::Class;
    case CKA_KEY_TYPE:
        return Kind::KeyType;
    case CKA_KEY_GEN_MECHANISM:
    case CKA_NAME_HASH_ALGORITHM:
        return Kind::Mechanism;
    case CKA_VALUE_LEN:
    case CKA_MODULUS_BITS:
    case CKA_PRIME_BITS:
    case CKA_SUB_PRIME_BITS:
    case CKA_CERTIFICATE_TYPE:
    case CKA_CERTIFICATE_CATEGORY:
    case CKA_JAVA_MIDP_SECURITY_DOMAIN:
    case CKA_HW_FEATURE_TYPE:
    case CKA_VALUE_BITS:
        return Kind::Ulong;
    case CKA_LABEL:
    case CKA_APPLICATION:
    case CKA_URL:
        return Kind::Text;
    case CKA_START_DATE:
    case CKA_END_DATE:
        return Kind::Date;
    case CKA_WRAP_TEMPLATE:
    case CKA_UNWRAP_TEMPLATE:
    case CKA_DERIVE_TEMPLATE:
        return Kind::Template;
    case CKA_ALLOWED_MECHANISMS:
        return Kind::Mechanisms;
    default:
        return Kind::Bytes;
    }
}

// Attributes that hold key material: never requested, whatever the object's flags say.
bool isSecretMaterial(CK_OBJECT_CLASS cls, CK_ATTRIBUTE_TYPE type) {
    if (cls == CKO_SECRET_KEY || cls == CKO_PRIVATE_KEY || cls == CKO_OTP_KEY) {
        switch (type) {
        case CKA_VALUE:
        case CKA_PRIVATE_EXPONENT:
        case CKA_PRIME_1:
        case CKA_PRIME_2:
        case CKA_EXPONENT_1:
        case CKA_EXPONENT_2:
        case CKA_COEFFICIENT:
            return true;
        default:
            return false;
        }
    }
    return false;
}

QString formatValue(Kind kind, const QByteArray &v) {
    CK_ULONG ul = 0;
    if (v.size() == sizeof(CK_ULONG))
        std::memcpy(&ul, v.constData(), sizeof ul);
    switch (kind) {
    case Kind::Bool:
        return !v.isEmpty() && v[0] ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Class:
        return objectClassWord(ul);
    case Kind::KeyType:
        return keyTypeWord(ul);
    case Kind::Mechanism:
        return ul == CK_UNAVAILABLE_INFORMATION ? QStringLiteral("unavailable") : mechanismName(ul);
    case Kind::Ulong:
        return describeCount(ul);
    case Kind::Text:
        return QString::fromUtf8(v);
    case Kind::Date: {
        if (v.size() != 8 || v == QByteArray(8, '0') || v.trimmed().isEmpty())
            return QStringLiteral("not set");
        return QStringLiteral("%1-%2-%3")
            .arg(QString::fromLatin1(v.mid(0, 4)), QString::fromLatin1(v.mid(4, 2)),
                 QString::fromLatin1(v.mid(6, 2)));
    }
    case Kind::Template:
        return QStringLiteral("template of %1 attribute(s)").arg(v.size() / sizeof(CK_ATTRIBUTE));
    case Kind::Mechanisms: {
        QStringList names;
        for (qsizetype i = 0; i + qsizetype(sizeof(CK_ULONG)) <= v.size(); i += sizeof(CK_ULONG)) {
            CK_MECHANISM_TYPE m;
            std::memcpy(&m, v.constData() + i, sizeof m);
            names << mechanismName(m);
        }
        return names.join(QStringLiteral(", "));
    }
    case Kind::Bytes:
        break;
    }
    constexpr qsizetype kShown = 64;
    QString hex = QString::fromLatin1(v.left(kShown).toHex(' '));
    if (v.size() > kShown)
        hex += QStringLiteral(" … (%1 bytes)").arg(v.size());
    return v.isEmpty() ? QStringLiteral("(empty)") : hex;
}

} // namespace

Result<QList<AttributeValue>> read(Session &session, CK_OBJECT_HANDLE object) {
    AttributeTemplate classTemplate;
    const int clsIndex = classTemplate.addUlong(CKA_CLASS);
    if (Status s = classTemplate.read(session, object); !s)
        return s.error();
    const CK_OBJECT_CLASS cls = classTemplate.ulongAt(clsIndex);

    QList<AttributeValue> out;
    auto consider = [&](CK_ATTRIBUTE_TYPE type) -> Status {
        AttributeValue value;
        value.type = type;
        value.name = attributeName(type);
        // A length query never transfers a value.
        CK_ATTRIBUTE a{type, nullptr, 0};
        const Module::CallResult length = HSM_P11_CHECK(session.module(), C_GetAttributeValue,
                                                        session.handle(), object, &a, CK_ULONG(1));
        if (length.rv == CKR_ATTRIBUTE_TYPE_INVALID)
            return Done{};
        if (length.rv == CKR_ATTRIBUTE_SENSITIVE ||
            (length && a.ulValueLen == CK_UNAVAILABLE_INFORMATION)) {
            value.state = AttributeValue::State::Sensitive;
            out.append(value);
            return Done{};
        }
        if (!length)
            return length.error();
        if (isSecretMaterial(cls, type)) {
            value.state = AttributeValue::State::Secret;
            out.append(value);
            return Done{};
        }
        QByteArray buffer(static_cast<qsizetype>(a.ulValueLen), '\0');
        a.pValue = buffer.data();
        const Module::CallResult got = HSM_P11_CHECK(session.module(), C_GetAttributeValue,
                                                     session.handle(), object, &a, CK_ULONG(1));
        if (got.rv == CKR_ATTRIBUTE_SENSITIVE) {
            value.state = AttributeValue::State::Sensitive;
        } else if (!got) {
            return got.error();
        } else {
            buffer.resize(static_cast<qsizetype>(a.ulValueLen));
            value.text = formatValue(kindOf(type), buffer);
        }
        out.append(value);
        return Done{};
    };
    // Every attribute type pkcs11.h names, in numeric order, the array attributes last.
    for (CK_ATTRIBUTE_TYPE type = 0; type < 0x1000; ++type) {
        if (knownAttributeName(type)) {
            if (Status s = consider(type); !s)
                return s.error();
        }
    }
    for (CK_ATTRIBUTE_TYPE type = CKF_ARRAY_ATTRIBUTE; type < CKF_ARRAY_ATTRIBUTE + 0x1000;
         ++type) {
        if (knownAttributeName(type)) {
            if (Status s = consider(type); !s)
                return s.error();
        }
    }
    return out;
}

} // namespace hsm::attributeDetails
