// SPDX-License-Identifier: Apache-2.0
// The CLI's token commands as an operator scripts them: the gateway's HSM_* environment,
// PIN sources, object listing, key creation and checks, and that no PIN is ever printed.
#include "tests/support/CliRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hsm::test;

namespace {

const QString kPin = QLatin1String(SoftHsmFixture::kUserPin);

} // namespace

class TestCliTokenCommands : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    QTemporaryDir m_dir;

    RunResult cli(const QStringList &args, const QStringList &env = {}) {
        RunResult r = cliRun::inProcess(
            args,
            m_fixture->environment() +
                QStringList{QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath()} +
                env,
            QString());
        // Whatever happened, the PIN is never printed.
        if (r.out.contains(kPin.toUtf8()) || r.err.contains(kPin) || r.out.contains("user:pass") ||
            r.err.contains(QStringLiteral("user:pass")))
            r.status = 99;
        return r;
    }

    static QStringList labelsOf(const QByteArray &json) {
        QStringList labels;
        for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
            labels << v.toObject().value(QStringLiteral("label")).toString();
        return labels;
    }

    QString pinFile(const QByteArray &content) {
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("pin-%1").arg(++n));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

    // An AES key as an HSM team asked for "the gateway's key" might make it: sign allowed,
    // encryption allowed or not.
    bool createAesKey(const QString &label, bool encrypt) {
        const CK_RV rv = m_fixture->withSession(
            QStringLiteral("gateway"), [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE s) {
                CK_OBJECT_CLASS cls = CKO_SECRET_KEY;
                CK_KEY_TYPE type = CKK_AES;
                CK_BBOOL yes = CK_TRUE;
                CK_BBOOL canEncrypt = encrypt ? CK_TRUE : CK_FALSE;
                QByteArray value(32, '\x42');
                QByteArray l = label.toUtf8();
                CK_ATTRIBUTE t[] = {{CKA_CLASS, &cls, sizeof cls},
                                    {CKA_KEY_TYPE, &type, sizeof type},
                                    {CKA_VALUE, value.data(), static_cast<CK_ULONG>(value.size())},
                                    {CKA_LABEL, l.data(), static_cast<CK_ULONG>(l.size())},
                                    {CKA_TOKEN, &yes, sizeof yes},
                                    {CKA_PRIVATE, &yes, sizeof yes},
                                    {CKA_SENSITIVE, &yes, sizeof yes},
                                    {CKA_SIGN, &yes, sizeof yes},
                                    {CKA_VERIFY, &yes, sizeof yes},
                                    {CKA_ENCRYPT, &canEncrypt, sizeof canEncrypt},
                                    {CKA_DECRYPT, &canEncrypt, sizeof canEncrypt}};
                CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
                return f->C_CreateObject(s, t, sizeof t / sizeof t[0], &h);
            });
        return rv == CKR_OK;
    }

private Q_SLOTS:
    void initTestCase() {
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("gateway"), QStringLiteral("other"),
                                       QStringLiteral("twin"), QStringLiteral("twin")}));
        QVERIFY(m_fixture->importSecret(QStringLiteral("gateway"), QStringLiteral("akeyless_hsm"),
                                        QByteArray(32, '\x01')));
    }

    void cleanupTestCase() { m_fixture.reset(); }

    void gatewayEnvironmentSelectsAndLogsIn() {
        const RunResult r =
            cli({QStringLiteral("objects"), QStringLiteral("--format"), QStringLiteral("json")},
                {QStringLiteral("HSM_TOKEN_LABEL=gateway"), QStringLiteral("HSM_PIN=") + kPin});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject key = rows.first().toObject();
        QCOMPARE(key.value(QStringLiteral("class")).toString(), QStringLiteral("secret_key"));
        QCOMPARE(key.value(QStringLiteral("key_type")).toString(),
                 QStringLiteral("generic_secret"));
        QCOMPARE(key.value(QStringLiteral("label")).toString(), QStringLiteral("akeyless_hsm"));
        QCOMPARE(key.value(QStringLiteral("size_bits")).toInt(), 256);
        QVERIFY(key.value(QStringLiteral("flags")).toArray().contains(QStringLiteral("sensitive")));

        // The same token by serial and by URI; the flags replace the environment.
        const QString serial = m_fixture->token(QStringLiteral("gateway")).serial;
        for (const QStringList &selection :
             {QStringList{QStringLiteral("--token-serial"), serial},
              QStringList{QStringLiteral("--token-uri"),
                          QStringLiteral("pkcs11:serial=") + serial}}) {
            const RunResult again =
                cli(selection + QStringList{QStringLiteral("objects"), QStringLiteral("--format"),
                                            QStringLiteral("json")},
                    {QStringLiteral("HSM_TOKEN_LABEL=other"), QStringLiteral("HSM_PIN=") + kPin});
            QVERIFY2(again.status == 0, qPrintable(again.err));
            QCOMPARE(labelsOf(again.out), QStringList{QStringLiteral("akeyless_hsm")});
        }
    }

    void pinFromAFile() {
        RunResult r =
            cli({QStringLiteral("--token-label"), QStringLiteral("gateway"),
                 QStringLiteral("--pin-file"), pinFile(kPin.toUtf8() + "\r\nsecond line\n"),
                 QStringLiteral("objects"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(labelsOf(r.out), QStringList{QStringLiteral("akeyless_hsm")});

        r = cli({QStringLiteral("--token-label"), QStringLiteral("gateway"),
                 QStringLiteral("--pin-file"), pinFile(QByteArray()),
                 QStringLiteral("login-check")});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("is empty")));
        r = cli({QStringLiteral("--token-label"), QStringLiteral("gateway"),
                 QStringLiteral("--pin-file"), m_dir.filePath(QStringLiteral("absent")),
                 QStringLiteral("login-check")});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("Cannot read the PIN file")));
    }

    void withoutAPinOnlyPublicObjects() {
        RunResult r =
            cli({QStringLiteral("--token-label"), QStringLiteral("gateway"),
                 QStringLiteral("objects"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
        QVERIFY(r.err.contains(QStringLiteral("private objects are not listed")));

        r = cli({QStringLiteral("--token-label"), QStringLiteral("gateway"),
                 QStringLiteral("login-check")});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err,
                 QStringLiteral("error: No PIN: set HSM_PIN, use --pin-file FILE, or run on a "
                                "terminal to be asked.\n"));
    }

    void wrongPinIsExplained() {
        const RunResult r = cli({QStringLiteral("--token-label"), QStringLiteral("other"),
                                 QStringLiteral("login-check")},
                                {QStringLiteral("HSM_PIN=0000-wrong")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: C_Login returned CKR_PIN_INCORRECT")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("Now: ")));
        QVERIFY(!r.err.contains(QStringLiteral("0000-wrong")));
    }

    void pinWithAColonIsPassedUnchanged() {
        // CloudHSM-style "user:password" PINs reach C_Login as they are.
        const CK_RV rv = m_fixture->withSession(QStringLiteral("other"), [](CK_FUNCTION_LIST *f,
                                                                            CK_SESSION_HANDLE s) {
            QByteArray oldPin(SoftHsmFixture::kUserPin);
            QByteArray newPin("crypto_user:pass word:1");
            return f->C_SetPIN(s, reinterpret_cast<CK_UTF8CHAR_PTR>(oldPin.data()), oldPin.size(),
                               reinterpret_cast<CK_UTF8CHAR_PTR>(newPin.data()), newPin.size());
        });
        QCOMPARE(rv, CKR_OK);
        const RunResult r = cli({QStringLiteral("--token-label"), QStringLiteral("other"),
                                 QStringLiteral("login-check")},
                                {QStringLiteral("HSM_PIN=crypto_user:pass word:1")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith("Logged in to other (#"));
        QVERIFY(!r.out.contains("crypto_user") && !r.err.contains(QStringLiteral("crypto_user")));
    }

    void createAndCheckKeys() {
        const QStringList env{QStringLiteral("HSM_TOKEN_LABEL=gateway"),
                              QStringLiteral("HSM_PIN=") + kPin};
        RunResult r =
            cli({QStringLiteral("create-key"), QStringLiteral("--label"), QStringLiteral("fresh"),
                 QStringLiteral("--id"), QStringLiteral("c0ffee"), QStringLiteral("--format"),
                 QStringLiteral("json")},
                env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("id")).toString(),
                 QStringLiteral("c0ffee"));
        r = cli({QStringLiteral("check-key"), QStringLiteral("--label"), QStringLiteral("fresh")},
                env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("computes HMAC-SHA256 in the HSM"));
        r = cli({QStringLiteral("create-key"), QStringLiteral("--label"), QStringLiteral("fresh")},
                env);
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));

        r = cli({QStringLiteral("create-key"), QStringLiteral("--label"), QStringLiteral("aes"),
                 QStringLiteral("--key-type"), QStringLiteral("aes")},
                env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        // An AES key is a key-encryption key, and is checked as one.
        r = cli({QStringLiteral("check-key"), QStringLiteral("--label"), QStringLiteral("aes")},
                env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("The KEK 'aes' is an AES key of 256 bits"));
        // It may not sign, so it is no HMAC key either, and the check says so.
        QVERIFY2(r.out.contains("Key type: AES. It can be the KEK of hsm_wrap_encrypt fragments, "
                                "but not the HMAC key"),
                 r.out.constData());
        QVERIFY(r.out.contains("CKA_SIGN is false"));

        // An AES key made for HMAC (sign allowed): SoftHSM refuses the key type.
        QVERIFY(createAesKey(QStringLiteral("aes-sign-encrypt"), true));
        r = cli({QStringLiteral("check-key"), QStringLiteral("--label"),
                 QStringLiteral("aes-sign-encrypt")},
                env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("Key type: AES.") && r.out.contains("with a key of type aes") &&
                     r.out.contains("generic secret (CKK_GENERIC_SECRET) and SHA256-HMAC "
                                    "(CKK_SHA256_HMAC) keys") &&
                     r.out.contains("Ask the HSM team for a generic secret key"),
                 r.out.constData());
        r = cli({QStringLiteral("check-key"), QStringLiteral("--label"),
                 QStringLiteral("aes-sign-encrypt"), QStringLiteral("--format"),
                 QStringLiteral("json")},
                env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject aesJson = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(aesJson.value(QStringLiteral("hmac")), QJsonValue(false));
        QCOMPARE(aesJson.value(QStringLiteral("key"))
                     .toObject()
                     .value(QStringLiteral("key_type"))
                     .toString(),
                 QStringLiteral("aes"));

        // Not a KEK (no encryption): checked as an HMAC key, which fails, with the why.
        QVERIFY(createAesKey(QStringLiteral("aes-sign"), false));
        r = cli(
            {QStringLiteral("check-key"), QStringLiteral("--label"), QStringLiteral("aes-sign")},
            env);
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("CKR_KEY_TYPE_INCONSISTENT")) &&
                     r.err.contains(QStringLiteral("with a key of type aes")) &&
                     r.err.contains(QStringLiteral("Ask the HSM team for a generic secret key")),
                 qPrintable(r.err));

        r = cli({QStringLiteral("create-key"), QStringLiteral("--label"), QStringLiteral("h"),
                 QStringLiteral("--key-type"), QStringLiteral("sha256-hmac")},
                env);
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("cannot generate sha256-hmac keys")));
        QCOMPARE(cli({QStringLiteral("create-key")}, env).status, 2);
        QCOMPARE(cli({QStringLiteral("create-key"), QStringLiteral("--label"), QStringLiteral("x"),
                      QStringLiteral("--id"), QStringLiteral("zz")},
                     env)
                     .status,
                 2);
        QCOMPARE(cli({QStringLiteral("create-key"), QStringLiteral("--label"), QStringLiteral("x"),
                      QStringLiteral("--key-type"), QStringLiteral("dsa")},
                     env)
                     .status,
                 2);
        // Sizes that do not fit the kind are usage errors, before any HSM work.
        for (const QStringList &bad :
             {QStringList{QStringLiteral("--key-type"), QStringLiteral("rsa"),
                          QStringLiteral("--bits"), QStringLiteral("1024")},
              QStringList{QStringLiteral("--key-type"), QStringLiteral("rsa"),
                          QStringLiteral("--bytes"), QStringLiteral("32")},
              QStringList{QStringLiteral("--key-type"), QStringLiteral("aes"),
                          QStringLiteral("--bits"), QStringLiteral("2048")},
              QStringList{QStringLiteral("--key-type"), QStringLiteral("aes"),
                          QStringLiteral("--bytes"), QStringLiteral("20")}})
            QCOMPARE(cli(QStringList{QStringLiteral("create-key"), QStringLiteral("--label"),
                                     QStringLiteral("y")} +
                             bad,
                         env)
                         .status,
                     2);
    }

    // Leading spaces are part of a PKCS#11 label: --token-label "  padded" and the
    // percent-encoded URI select that token, not the one labelled "padded".
    void labelWithLeadingSpacesIsSelectedExactly() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("padded"), QStringLiteral("  padded")}));
        const QString spaced = fixture.token(QStringLiteral("  padded")).serial;
        const QString plain = fixture.token(QStringLiteral("padded")).serial;
        QVERIFY(!spaced.isEmpty() && spaced != plain);
        for (const QStringList &selection :
             {QStringList{QStringLiteral("--token-label"), QStringLiteral("  padded")},
              QStringList{QStringLiteral("--token-uri"),
                          QStringLiteral("pkcs11:token=%20%20padded")}}) {
            const RunResult r = cliRun::inProcess(
                selection + QStringList{QStringLiteral("--format"), QStringLiteral("json"),
                                        QStringLiteral("login-check")},
                fixture.environment() +
                    QStringList{QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath(),
                                QStringLiteral("HSM_PIN=") + kPin},
                QString());
            QVERIFY2(r.status == 0, qPrintable(selection.join(QLatin1Char(' ')) + r.err));
            QVERIFY2(r.out.contains(spaced.toUtf8()), r.out.constData());
            QVERIFY(!r.out.contains(plain.toUtf8()));
        }
    }

    void selectionErrors() {
        RunResult r = cli(
            {QStringLiteral("--token-label"), QStringLiteral("twin"), QStringLiteral("objects")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("2 tokens are labelled 'twin' (--token-label)")),
                 qPrintable(r.err));
        const FixtureToken gateway = m_fixture->token(QStringLiteral("gateway"));
        r = cli({QStringLiteral("--slot"), QString::number(gateway.slot),
                 QStringLiteral("--token-label"), QStringLiteral("other"),
                 QStringLiteral("objects")});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("set only one")), qPrintable(r.err));
        r = cli(
            {QStringLiteral("--token-label"), QStringLiteral("gate"), QStringLiteral("objects")});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("Labels must match in full")));
        r = cli({QStringLiteral("objects")}, {QStringLiteral("HSM_SLOT=424242")});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("There is no slot 424242 (HSM_SLOT)")));
    }
};

QTEST_GUILESS_MAIN(TestCliTokenCommands)
#include "TestCliTokenCommands.moc"
