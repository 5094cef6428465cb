// SPDX-License-Identifier: Apache-2.0
// CK_RV and mechanism names and sentences, checked against pkcs11.h itself.
#include "core/base/Error.h"
#include "core/base/ReturnValues.h"
#include "core/pkcs11/FlagNames.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace hsm;

class TestReturnValues : public QObject {
    Q_OBJECT

    // name -> value for every "#define PREFIX_... (NUL)" in the header we compile against.
    static QMap<QString, unsigned long> definitions(const QString &prefix) {
        QFile header(QStringLiteral(HSM_PKCS11_HEADER));
        if (!header.open(QIODevice::ReadOnly))
            return {};
        const QRegularExpression re(
            QStringLiteral("^#define\\s+(%1_\\w+)\\s+\\((0?x?[0-9a-fA-F]+)UL\\)").arg(prefix),
            QRegularExpression::MultilineOption);
        QMap<QString, unsigned long> out;
        auto it = re.globalMatch(QString::fromLatin1(header.readAll()));
        while (it.hasNext()) {
            const auto m = it.next();
            out.insert(m.captured(1), m.captured(2).toULong(nullptr, 0));
        }
        return out;
    }

private Q_SLOTS:
    void everyReturnValueHasItsNameAndASentence() {
        const auto all = definitions(QStringLiteral("CKR"));
        QVERIFY2(all.size() > 90, "pkcs11.h was not parsed");
        const QString unknown = returnValueSentence(0x7ffffff0UL);
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            const QString name = returnValueName(it.value());
            // Aliases share a value; the name must be one of the names for that value.
            QVERIFY2(all.value(name, ~0UL) == it.value(),
                     qPrintable(it.key() + QLatin1String(" -> ") + name));
            const QString sentence = returnValueSentence(it.value());
            QVERIFY2(sentence != unknown, qPrintable(it.key()));
            QVERIFY2(sentence.endsWith(QLatin1Char('.')) && !sentence.contains(QLatin1Char('\n')),
                     qPrintable(it.key()));
        }
    }

    void knownNames() {
        QCOMPARE(returnValueName(CKR_OK), QStringLiteral("CKR_OK"));
        QCOMPARE(returnValueName(0xa0UL), QStringLiteral("CKR_PIN_INCORRECT"));
        QCOMPARE(returnValueName(0x191UL), QStringLiteral("CKR_CRYPTOKI_ALREADY_INITIALIZED"));
        QCOMPARE(returnValueName(CKR_VENDOR_DEFINED + 0x12),
                 QStringLiteral("CKR_VENDOR_DEFINED+0x12"));
        QCOMPARE(returnValueName(0x7ff0UL), QStringLiteral("0x00007ff0"));
        QVERIFY(returnValueSentence(CKR_VENDOR_DEFINED + 1).contains(QStringLiteral("vendor")));
    }

    void errorNamesTheFunction() {
        const Error e = Error::pkcs11("C_Login", CKR_PIN_INCORRECT);
        QVERIFY(e.toString().startsWith(QStringLiteral("C_Login returned CKR_PIN_INCORRECT: ")));
        QVERIFY(e.toString().contains(QStringLiteral("PIN")));
    }

    void everyMechanismHasItsName() {
        const auto all = definitions(QStringLiteral("CKM"));
        QVERIFY2(all.size() > 300, "pkcs11.h was not parsed");
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            const QString name = mechanismName(it.value());
            QVERIFY2(all.value(name, ~0UL) == it.value(),
                     qPrintable(it.key() + QLatin1String(" -> ") + name));
        }
        QCOMPARE(mechanismName(0x251), QStringLiteral("CKM_SHA256_HMAC"));
        QCOMPARE(mechanismName(0x1040), QStringLiteral("CKM_EC_KEY_PAIR_GEN")); // not the old alias
        QCOMPARE(mechanismName(CKM_VENDOR_DEFINED + 0x100),
                 QStringLiteral("CKM_VENDOR_DEFINED+0x100"));
        QCOMPARE(mechanismName(0x7ff1), QStringLiteral("0x00007ff1"));
    }

    void flagWords() {
        QCOMPARE(tokenFlagWords(CKF_RNG | CKF_LOGIN_REQUIRED | CKF_USER_PIN_INITIALIZED |
                                CKF_TOKEN_INITIALIZED),
                 QStringList({QStringLiteral("rng"), QStringLiteral("login_required"),
                              QStringLiteral("user_pin_initialized"),
                              QStringLiteral("token_initialized")}));
        QCOMPARE(tokenFlagWords(CKF_USER_PIN_FINAL_TRY | (1UL << 30)),
                 QStringList({QStringLiteral("user_pin_final_try"), QStringLiteral("0x40000000")}));
        QCOMPARE(mechanismFlagWords(CKF_SIGN | CKF_VERIFY),
                 QStringList({QStringLiteral("sign"), QStringLiteral("verify")}));
        QCOMPARE(slotFlagWords(CKF_TOKEN_PRESENT | CKF_HW_SLOT),
                 QStringList({QStringLiteral("token_present"), QStringLiteral("hw_slot")}));
    }

    void counts() {
        QCOMPARE(describeCount(CK_UNAVAILABLE_INFORMATION), QStringLiteral("unavailable"));
        QCOMPARE(describeCount(CK_EFFECTIVELY_INFINITE, true),
                 QStringLiteral("effectively infinite"));
        QCOMPARE(describeCount(0), QStringLiteral("0"));
        QCOMPARE(describeCount(255), QStringLiteral("255"));
    }
};

QTEST_GUILESS_MAIN(TestReturnValues)
#include "TestReturnValues.moc"
