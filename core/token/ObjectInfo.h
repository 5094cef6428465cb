// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <p11-kit/pkcs11.h>

namespace hsm {

// One row of the object browser: what a person needs to recognise an object, read in a
// single C_GetAttributeValue where the module allows it.
struct ObjectInfo {
    enum Flag : quint32 {
        Token = 1u << 0,
        Private = 1u << 1,
        Sensitive = 1u << 2,
        Extractable = 1u << 3,
        NeverExtractable = 1u << 4,
        Local = 1u << 5,
        Sign = 1u << 6,
        Verify = 1u << 7,
        Encrypt = 1u << 8,
        Decrypt = 1u << 9,
        Wrap = 1u << 10,
        Unwrap = 1u << 11,
        Derive = 1u << 12,
    };

    CK_OBJECT_HANDLE handle = CK_INVALID_HANDLE;
    CK_OBJECT_CLASS objectClass = CK_UNAVAILABLE_INFORMATION;
    CK_KEY_TYPE keyType = CK_UNAVAILABLE_INFORMATION; // keys only
    QString label;
    QByteArray id;
    int sizeBits = -1; // CKA_VALUE_LEN * 8, the RSA modulus, or the EC curve's degree
    QString curve;     // EC keys: the curve's short name
    quint32 flags = 0;

    bool has(Flag flag) const { return (flags & flag) != 0; }
    bool isKey() const;
    QString classWord() const;   // "secret_key"
    QString keyTypeWord() const; // "generic_secret"; empty when not a key
    QString idHex() const;       // "01ab"
    // "token", "private", ... in the order of Flag.
    QStringList flagWords() const;
};

// One attribute of an object as the details pane shows it.
struct AttributeValue {
    enum class State { Value, Sensitive, Secret };
    CK_ATTRIBUTE_TYPE type = 0;
    QString name; // "CKA_LABEL"
    State state = State::Value;
    QString text; // formatted value; empty unless state is Value
};

} // namespace hsm
