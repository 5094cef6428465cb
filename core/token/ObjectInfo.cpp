// SPDX-License-Identifier: Apache-2.0
#include "core/token/ObjectInfo.h"

#include "core/pkcs11/FlagNames.h"

namespace hsm {

bool ObjectInfo::isKey() const {
    return objectClass == CKO_SECRET_KEY || objectClass == CKO_PRIVATE_KEY ||
           objectClass == CKO_PUBLIC_KEY;
}

QString ObjectInfo::classWord() const {
    return objectClassWord(objectClass);
}

QString ObjectInfo::keyTypeWord() const {
    return isKey() && keyType != CK_UNAVAILABLE_INFORMATION ? hsm::keyTypeWord(keyType) : QString();
}

QString ObjectInfo::idHex() const {
    return QString::fromLatin1(id.toHex());
}

QStringList ObjectInfo::flagWords() const {
    static const char *const words[] = {
        "token", "private", "sensitive", "extractable", "never_extractable",
        "local", "sign",    "verify",    "encrypt",     "decrypt",
        "wrap",  "unwrap",  "derive"};
    QStringList out;
    for (int bit = 0; bit < static_cast<int>(std::size(words)); ++bit) {
        if (flags & (1u << bit))
            out << QLatin1String(words[bit]);
    }
    return out;
}

} // namespace hsm
