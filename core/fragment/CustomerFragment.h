// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace hsm {

enum class FragmentType { Standard, HsmWrapped, HsmSecured, Unknown };

// One entry of customer_fragments.json. The entry's JSON object is kept whole so that
// fields we do not know survive a rewrite; the accessors read the fields we do know.
class CustomerFragment {
public:
    CustomerFragment() = default;
    explicit CustomerFragment(QJsonObject json)
        : m_json(std::move(json)) {}
    static CustomerFragment make(const QString &id, const QByteArray &seed, const QString &name,
                                 const QString &description, FragmentType type,
                                 const QString &keyLabel);

    QString id() const { return text("id"); }
    QString name() const { return text("name"); }
    QString description() const { return text("description"); }
    QString typeName() const; // as written; "standard" when absent
    FragmentType type() const;
    QString keyLabel() const { return text("key_label"); }
    QString value() const { return text("value"); } // base64 of the seed
    bool isHsmType() const;
    const QJsonObject &json() const { return m_json; }

    static QString typeName(FragmentType type);
    static bool parseType(const QString &name, FragmentType *type);
    // "cf-" and 20 characters of [a-z0-9].
    static bool isValidId(const QString &id);

private:
    QString text(const char *key) const;
    QJsonObject m_json;
};

} // namespace hsm
