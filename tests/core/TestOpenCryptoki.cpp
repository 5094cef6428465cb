// SPDX-License-Identifier: Apache-2.0
// openCryptoki's soft token as the second real module: the fixture starts the slot daemon
// when needed and hands each test an empty token; keys imported by pkcs11-tool are seen
// by it, and what the token encrypts with them OpenSSL decrypts, and the other way round.
// Skipped, with the reason, where openCryptoki cannot be used (not root, not installed,
// the token is someone else's).
#include "tests/support/KeyImport.h"
#include "tests/support/OpenCryptokiFixture.h"
#include "tests/support/OpenSslOracle.h"
#include "tests/support/ProcessRun.h"
#include "tests/support/RawPkcs11.h"

#include <QTest>

using namespace hsm::test;

namespace {

constexpr CK_SLOT_ID kSlot = OpenCryptokiFixture::kSlot;

// pkcs11-tool, logged in with `pin`, on the soft token.
RunResult pkcs11Tool(const OpenCryptokiFixture &fixture, const QString &pin,
                     const QStringList &args) {
    ProcessOptions options;
    options.environment = fixture.environment();
    return processRun::run(QStringLiteral(PKCS11_TOOL),
                           QStringList{QStringLiteral("--module"),
                                       OpenCryptokiFixture::modulePath(), QStringLiteral("--slot"),
                                       QString::number(kSlot), QStringLiteral("--login"),
                                       QStringLiteral("--pin"), pin} +
                               args,
                           options);
}

QString listObjects(const OpenCryptokiFixture &fixture) {
    const RunResult run = pkcs11Tool(fixture, QLatin1String(OpenCryptokiFixture::kUserPin),
                                     {QStringLiteral("--list-objects")});
    return run.status == 0 ? QString::fromUtf8(run.out)
                           : QStringLiteral("pkcs11-tool failed: ") + run.err;
}

} // namespace

class TestOpenCryptoki : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startGivesAnEmptyTokenTheUserPinOpens() {
        OpenCryptokiFixture ock;
        HSM_OPENCRYPTOKI_START_OR_SKIP(ock);
        const pid_t running = OpenCryptokiFixture::runningDaemonPid();
        QVERIFY(running != 0);
        if (ock.startedDaemonPid() != 0)
            QCOMPARE(running, ock.startedDaemonPid());

        QString label;
        CK_FLAGS flags = 0;
        CK_ULONG objects = 99;
        QString error;
        const CK_RV rv = ock.withSession(
            [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session) {
                CK_TOKEN_INFO info{};
                if (CK_RV got = f->C_GetTokenInfo(kSlot, &info); got != CKR_OK)
                    return got;
                label =
                    QString::fromUtf8(reinterpret_cast<const char *>(info.label), sizeof info.label)
                        .trimmed();
                flags = info.flags;
                return raw::countObjects(f, session, &objects);
            },
            &error);
        QVERIFY2(rv == CKR_OK, qPrintable(error));
        QCOMPARE(label, QStringLiteral("hsm-admin-test"));
        QVERIFY(flags & CKF_TOKEN_INITIALIZED);
        QVERIFY(flags & CKF_USER_PIN_INITIALIZED);
        QCOMPARE(objects, CK_ULONG(0));

        // Another program: a wrong PIN is refused, the fixture's opens an empty token.
        const RunResult wrong = pkcs11Tool(ock, QStringLiteral("0000"), {QStringLiteral("-O")});
        QVERIFY(wrong.status != 0);
        QVERIFY2(wrong.err.contains(QStringLiteral("CKR_PIN_INCORRECT")), qPrintable(wrong.err));
        const RunResult right =
            pkcs11Tool(ock, QLatin1String(OpenCryptokiFixture::kUserPin), {QStringLiteral("-O")});
        QVERIFY2(right.status == 0, qPrintable(right.err));
        QVERIFY2(!right.out.contains("Object;"), right.out.constData());
    }

    void importedRsaKeyAgreesWithOpenSsl() {
        OpenCryptokiFixture ock;
        HSM_OPENCRYPTOKI_START_OR_SKIP(ock);
        const QByteArray key = oracle::generateRsaKey(2048);
        QVERIFY(!key.isEmpty());
        QString error;
        QVERIFY2(keyImport::importRsaKeyPair(keyImport::openCryptoki(ock),
                                             QStringLiteral("known-rsa"), QStringLiteral("a1b2"),
                                             key, &error),
                 qPrintable(error));
        const QString listing = listObjects(ock);
        QVERIFY2(listing.contains(QStringLiteral("Private Key Object; RSA")), qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("Public Key Object; RSA 2048 bits")),
                 qPrintable(listing));
        QCOMPARE(listing.count(QStringLiteral("label:      known-rsa")), 2);
        QCOMPARE(listing.count(QStringLiteral("ID:         a1b2")), 2);

        // OAEP with SHA-256 and MGF1-SHA-256, which SoftHSM does not offer.
        const QByteArray message("known answer for openCryptoki");
        QByteArray fromOpenSsl;
        QVERIFY2(oracle::oaepEncrypt(key, "SHA256", message, &fromOpenSsl, &error),
                 qPrintable(error));
        QByteArray fromToken;
        QByteArray decryptedByToken;
        bool canEncrypt = false;
        bool canDecrypt = false;
        const CK_RV rv = ock.withSession(
            [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session) {
                const CK_OBJECT_HANDLE pub =
                    raw::findObject(f, session, CKO_PUBLIC_KEY, "known-rsa");
                const CK_OBJECT_HANDLE priv =
                    raw::findObject(f, session, CKO_PRIVATE_KEY, "known-rsa");
                if (!pub || !priv)
                    return CK_RV(CKR_KEY_HANDLE_INVALID);
                CK_RV got = raw::boolAttribute(f, session, pub, CKA_ENCRYPT, &canEncrypt);
                if (got == CKR_OK)
                    got = raw::boolAttribute(f, session, priv, CKA_DECRYPT, &canDecrypt);
                CK_RSA_PKCS_OAEP_PARAMS params{CKM_SHA256, CKG_MGF1_SHA256, CKZ_DATA_SPECIFIED,
                                               nullptr, 0};
                CK_MECHANISM oaep{CKM_RSA_PKCS_OAEP, &params, sizeof params};
                if (got == CKR_OK)
                    got = raw::encrypt(f, session, &oaep, pub, message, &fromToken);
                if (got == CKR_OK)
                    got = raw::decrypt(f, session, &oaep, priv, fromOpenSsl, &decryptedByToken);
                return got;
            },
            &error);
        QVERIFY2(rv == CKR_OK, qPrintable(error));
        QVERIFY(canEncrypt);
        QVERIFY(canDecrypt);
        QCOMPARE(fromToken.size(), 256);
        QByteArray decrypted;
        QVERIFY2(oracle::oaepDecrypt(key, "SHA256", fromToken, &decrypted, &error),
                 qPrintable(error));
        QCOMPARE(decrypted, message);
        QCOMPARE(decryptedByToken, message);
        // The oracle tells the hashes apart: the same ciphertext is no SHA-1 OAEP.
        QVERIFY(!oracle::oaepDecrypt(key, "SHA1", fromToken, &decrypted, nullptr));
    }

    void importedAesKeyAgreesWithOpenSsl_data() {
        QTest::addColumn<int>("size");
        QTest::newRow("AES-128") << 16;
        QTest::newRow("AES-192") << 24;
        QTest::newRow("AES-256") << 32;
    }

    void importedAesKeyAgreesWithOpenSsl() {
        QFETCH(int, size);
        OpenCryptokiFixture ock;
        HSM_OPENCRYPTOKI_START_OR_SKIP(ock);
        QString error;
        CK_MECHANISM_INFO info{};
        CK_RV rv = ock.withSession(
            [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE) {
                return f->C_GetMechanismInfo(kSlot, CKM_AES_CBC_PAD, &info);
            },
            &error);
        if (rv == CKR_MECHANISM_INVALID)
            QSKIP("openCryptoki's soft token has no AES-CBC-PAD here");
        QVERIFY2(rv == CKR_OK, qPrintable(error));

        QByteArray key(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            key[i] = static_cast<char>(0xa0 + i);
        QVERIFY2(keyImport::importAesKey(keyImport::openCryptoki(ock), QStringLiteral("known-aes"),
                                         key, &error, QStringLiteral("0c")),
                 qPrintable(error));
        const QString listing = listObjects(ock);
        QVERIFY2(listing.contains(QStringLiteral("Secret Key Object; AES")), qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("label:      known-aes")), qPrintable(listing));

        const QByteArray message("a message of more than one AES block, padded");
        QByteArray iv = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");
        QByteArray ciphertext;
        bool canEncrypt = false;
        bool canDecrypt = false;
        rv = ock.withSession(
            [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session) {
                const CK_OBJECT_HANDLE secret =
                    raw::findObject(f, session, CKO_SECRET_KEY, "known-aes");
                if (!secret)
                    return CK_RV(CKR_KEY_HANDLE_INVALID);
                CK_RV got = raw::boolAttribute(f, session, secret, CKA_ENCRYPT, &canEncrypt);
                if (got == CKR_OK)
                    got = raw::boolAttribute(f, session, secret, CKA_DECRYPT, &canDecrypt);
                CK_MECHANISM cbc{CKM_AES_CBC_PAD, iv.data(), static_cast<CK_ULONG>(iv.size())};
                if (got == CKR_OK)
                    got = raw::encrypt(f, session, &cbc, secret, message, &ciphertext);
                return got;
            },
            &error);
        QVERIFY2(rv == CKR_OK, qPrintable(error));
        QVERIFY(canEncrypt);
        QVERIFY(canDecrypt);
        QCOMPARE(ciphertext.size(), (message.size() / 16 + 1) * 16);
        QByteArray decrypted;
        QVERIFY2(oracle::aesCbcPadDecrypt(key, iv, ciphertext, &decrypted, &error),
                 qPrintable(error));
        QCOMPARE(decrypted, message);
    }

    void secondLifetimeStartsAfresh() {
        pid_t firstDaemon = 0;
        {
            OpenCryptokiFixture first;
            HSM_OPENCRYPTOKI_START_OR_SKIP(first);
            firstDaemon = first.startedDaemonPid();
            QString error;
            QVERIFY2(keyImport::importAesKey(keyImport::openCryptoki(first),
                                             QStringLiteral("first-lifetime"),
                                             QByteArray(32, '\x11'), &error),
                     qPrintable(error));
            QVERIFY(listObjects(first).contains(QStringLiteral("first-lifetime")));
        }
        // A daemon the first fixture started is gone with it (by its pid: another test
        // run on this machine may have started one since).
        if (firstDaemon != 0)
            QVERIFY(!OpenCryptokiFixture::daemonAlive(firstDaemon));

        OpenCryptokiFixture second;
        QString why;
        QVERIFY2(second.start(&why), qPrintable(why));
        QVERIFY(OpenCryptokiFixture::runningDaemonPid() != 0);
        CK_ULONG objects = 99;
        QString error;
        const CK_RV rv = second.withSession(
            [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session) {
                return raw::countObjects(f, session, &objects);
            },
            &error);
        QVERIFY2(rv == CKR_OK, qPrintable(error));
        QCOMPARE(objects, CK_ULONG(0));
        const QString listing = listObjects(second);
        QVERIFY2(!listing.contains(QStringLiteral("first-lifetime")) &&
                     !listing.contains(QStringLiteral("failed")),
                 qPrintable(listing));
    }

    void oneFixtureAtATime() {
        OpenCryptokiFixture first;
        HSM_OPENCRYPTOKI_START_OR_SKIP(first);
        // A second one would wait forever on the lock the first holds: it says so instead.
        OpenCryptokiFixture second;
        QString why;
        QVERIFY(!second.start(&why));
        QVERIFY(!second.unavailable());
        QVERIFY2(why.contains(QStringLiteral("one at a time")), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestOpenCryptoki)
#include "TestOpenCryptoki.moc"
