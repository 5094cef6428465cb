// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/KeyEncryption.h"

#include <QJsonObject>
#include <QString>

namespace hsm {

// The gateway's four types. hsm_wrap_hmac is also read under its older name hsm_wrapped
// (typeName() gives the name as written, so a rewrite keeps it).
enum class FragmentType { Standard, HsmWrapHmac, HsmWrapEncrypt, HsmSecured, Unknown };

// One entry of customer_fragments.json. The entry's JSON object is kept whole so that
// fields we do not know survive a rewrite; the accessors read the fields we do know.
class CustomerFragment {
public:
    CustomerFragment() = default;
    explicit CustomerFragment(QJsonObject json)
        : m_json(std::move(json)) {}
    // A seed type (standard, hsm_wrap_hmac, hsm_secured) with `seed` as its value, its type
    // written as `typeName` (a canonical name or hsm_wrapped).
    static CustomerFragment make(const QString &id, const QByteArray &seed, const QString &name,
                                 const QString &description, const QString &typeName,
                                 const QString &keyLabel);
    // The same with the type's canonical name.
    static CustomerFragment make(const QString &id, const QByteArray &seed, const QString &name,
                                 const QString &description, FragmentType type,
                                 const QString &keyLabel) {
        return make(id, seed, name, description, typeName(type), keyLabel);
    }
    // An hsm_wrap_encrypt entry holding `wrapped` under the KEK labelled `kekLabel`.
    static CustomerFragment makeEncrypted(const QString &id, const QString &name,
                                          const QString &description, const QString &kekLabel,
                                          WrapAlgorithm algorithm, const WrappedValue &wrapped);
    // This entry with its encrypted value, KEK and wrap_* fields replaced (KEK rotation);
    // every other field is kept.
    CustomerFragment withWrapping(const QString &kekLabel, WrapAlgorithm algorithm,
                                  const WrappedValue &wrapped) const;

    QString id() const { return text("id"); }
    QString name() const { return text("name"); }
    QString description() const { return text("description"); }
    QString typeName() const; // as written; "standard" when absent
    FragmentType type() const;
    QString keyLabel() const { return text("key_label"); }
    // base64 of the seed, or for hsm_wrap_encrypt of the ciphertext.
    QString value() const { return text("value"); }
    QString wrapAlgorithmName() const { return text("wrap_alg"); }
    bool hasWrapFields() const;
    // Uses the HSM: the two HMAC types and hsm_wrap_encrypt.
    bool isHsmType() const;
    // Derived through HMAC-SHA256 in the HSM and HKDF: hsm_wrap_hmac and hsm_secured.
    bool isDerivedType() const;
    // The decoded wrap_alg, value, wrap_iv and wrap_tag of an hsm_wrap_encrypt entry, with
    // their shape checked (keyEncryption::checkShape); anything else is an error that
    // names the field (without the entry's id: the caller says which entry).
    Result<std::pair<WrapAlgorithm, WrappedValue>> wrapped() const;
    const QJsonObject &json() const { return m_json; }

    static QString typeName(FragmentType type); // the canonical name
    // Reads a canonical name or hsm_wrapped.
    static bool parseType(const QString &name, FragmentType *type);
    static QStringList typeNames(); // the four canonical names
    static constexpr char kLegacyWrapHmacName[] = "hsm_wrapped";
    // "cf-" and 20 characters of [a-z0-9].
    static bool isValidId(const QString &id);

private:
    QString text(const char *key) const;
    QJsonObject m_json;
};

} // namespace hsm
