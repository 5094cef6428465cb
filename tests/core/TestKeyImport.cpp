// SPDX-License-Identifier: Apache-2.0
// The key import helpers on SoftHSM (TestOpenCryptoki has them on openCryptoki): keys
// written by pkcs11-tool are listed by it with the asked usage, and what SoftHSM encrypts
// with them OpenSSL decrypts (AES-GCM; RSA-OAEP with SHA-1, the only OAEP hash SoftHSM
// 2.6 has). Bad input and a wrong PIN come back as errors.
#include "tests/support/KeyImport.h"
#include "tests/support/OpenSslOracle.h"
#include "tests/support/ProcessRun.h"
#include "tests/support/RawPkcs11.h"
#include "tests/support/SoftHsmFixture.h"

#include <QTest>

#include <memory>

using namespace hsm::test;

class TestKeyImport : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    const QString m_token = QStringLiteral("keys");

    QString listObjects() {
        ProcessOptions options;
        options.environment = m_fixture->environment();
        const RunResult run = processRun::run(
            QStringLiteral(PKCS11_TOOL),
            {QStringLiteral("--module"), SoftHsmFixture::modulePath(), QStringLiteral("--slot"),
             QString::number(m_fixture->token(m_token).slot), QStringLiteral("--login"),
             QStringLiteral("--pin"), QLatin1String(SoftHsmFixture::kUserPin),
             QStringLiteral("--list-objects")},
            options);
        return run.status == 0 ? QString::fromUtf8(run.out)
                               : QStringLiteral("pkcs11-tool failed: ") + run.err;
    }

private Q_SLOTS:
    void initTestCase() {
        m_fixture = std::make_unique<SoftHsmFixture>();
        QString error;
        QVERIFY2(m_fixture->initTokens({m_token}, &error), qPrintable(error));
    }

    void aesKeyEncryptsWhatOpenSslDecrypts_data() {
        QTest::addColumn<int>("size");
        QTest::newRow("AES-128") << 16;
        QTest::newRow("AES-192") << 24;
        QTest::newRow("AES-256") << 32;
    }

    void aesKeyEncryptsWhatOpenSslDecrypts() {
        QFETCH(int, size);
        QByteArray key(size, Qt::Uninitialized);
        for (int i = 0; i < size; ++i)
            key[i] = static_cast<char>(0x40 + 3 * i);
        const QString label = QStringLiteral("aes-%1").arg(size * 8);
        QString error;
        QVERIFY2(keyImport::importAesKey(keyImport::softHsm(*m_fixture, m_token), label, key,
                                         &error, QString::number(size, 16)),
                 qPrintable(error));
        const QString listing = listObjects();
        QVERIFY2(listing.contains(QStringLiteral("Secret Key Object; AES length %1").arg(size)),
                 qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("label:      ") + label), qPrintable(listing));

        const QByteArray message("known answer for SoftHSM, not a block multiple");
        QByteArray iv = QByteArray::fromHex("cafebabefacedbaddecaf888");
        QByteArray aad("header");
        QByteArray sealed;
        bool canEncrypt = false;
        bool canDecrypt = false;
        const CK_RV rv = m_fixture->withSession(
            m_token,
            [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session) {
                const CK_OBJECT_HANDLE secret =
                    raw::findObject(f, session, CKO_SECRET_KEY, label.toUtf8());
                if (!secret)
                    return CK_RV(CKR_KEY_HANDLE_INVALID);
                CK_RV got = raw::boolAttribute(f, session, secret, CKA_ENCRYPT, &canEncrypt);
                if (got == CKR_OK)
                    got = raw::boolAttribute(f, session, secret, CKA_DECRYPT, &canDecrypt);
                CK_GCM_PARAMS params{reinterpret_cast<CK_BYTE_PTR>(iv.data()),
                                     static_cast<CK_ULONG>(iv.size()),
                                     static_cast<CK_ULONG>(iv.size() * 8),
                                     reinterpret_cast<CK_BYTE_PTR>(aad.data()),
                                     static_cast<CK_ULONG>(aad.size()),
                                     128};
                CK_MECHANISM gcm{CKM_AES_GCM, &params, sizeof params};
                if (got == CKR_OK)
                    got = raw::encrypt(f, session, &gcm, secret, message, &sealed);
                return got;
            },
            &error);
        QVERIFY2(rv == CKR_OK, qPrintable(error));
        QVERIFY(canEncrypt);
        QVERIFY(canDecrypt);
        QCOMPARE(sealed.size(), message.size() + 16);
        QByteArray opened;
        QVERIFY2(oracle::aesGcmDecrypt(key, iv, aad, sealed, 16, &opened, &error),
                 qPrintable(error));
        QCOMPARE(opened, message);
        // The oracle checks the tag: one flipped bit and it refuses.
        QByteArray tampered = sealed;
        tampered[0] = static_cast<char>(tampered.at(0) ^ 1);
        QVERIFY(!oracle::aesGcmDecrypt(key, iv, aad, tampered, 16, &opened, nullptr));
    }

    void rsaKeyPairEncryptsWhatOpenSslDecrypts() {
        const QByteArray key = oracle::generateRsaKey(2048);
        QVERIFY(!key.isEmpty());
        QString error;
        QVERIFY2(keyImport::importRsaKeyPair(keyImport::softHsm(*m_fixture, m_token),
                                             QStringLiteral("rsa-pair"), QStringLiteral("5151"),
                                             key, &error),
                 qPrintable(error));
        const QString listing = listObjects();
        QCOMPARE(listing.count(QStringLiteral("label:      rsa-pair")), 2);
        QVERIFY2(listing.contains(QStringLiteral("Public Key Object; RSA 2048 bits")),
                 qPrintable(listing));

        const QByteArray message("known answer, RSA-OAEP SHA-1");
        QByteArray fromOpenSsl;
        QVERIFY2(oracle::oaepEncrypt(key, "SHA1", message, &fromOpenSsl, &error),
                 qPrintable(error));
        QByteArray fromToken;
        QByteArray decryptedByToken;
        const CK_RV rv = m_fixture->withSession(
            m_token,
            [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session) {
                const CK_OBJECT_HANDLE pub =
                    raw::findObject(f, session, CKO_PUBLIC_KEY, "rsa-pair");
                const CK_OBJECT_HANDLE priv =
                    raw::findObject(f, session, CKO_PRIVATE_KEY, "rsa-pair");
                if (!pub || !priv)
                    return CK_RV(CKR_KEY_HANDLE_INVALID);
                CK_RSA_PKCS_OAEP_PARAMS params{CKM_SHA_1, CKG_MGF1_SHA1, CKZ_DATA_SPECIFIED,
                                               nullptr, 0};
                CK_MECHANISM oaep{CKM_RSA_PKCS_OAEP, &params, sizeof params};
                CK_RV got = raw::encrypt(f, session, &oaep, pub, message, &fromToken);
                if (got == CKR_OK)
                    got = raw::decrypt(f, session, &oaep, priv, fromOpenSsl, &decryptedByToken);
                return got;
            },
            &error);
        QVERIFY2(rv == CKR_OK, qPrintable(error));
        QByteArray decrypted;
        QVERIFY2(oracle::oaepDecrypt(key, "SHA1", fromToken, &decrypted, &error),
                 qPrintable(error));
        QCOMPARE(decrypted, message);
        QCOMPARE(decryptedByToken, message);
    }

    void pemKeyAndTokenLabelWork() {
        // The token picked by its label instead of its slot, the key given as PEM.
        const QByteArray der = oracle::generateRsaKey(2048);
        QVERIFY(!der.isEmpty());
        const QByteArray base64 = der.toBase64();
        QByteArray pem("-----BEGIN RSA PRIVATE KEY-----\n");
        for (qsizetype at = 0; at < base64.size(); at += 64)
            pem += base64.mid(at, 64) + '\n';
        pem += "-----END RSA PRIVATE KEY-----\n";
        keyImport::Target target = keyImport::softHsm(*m_fixture, m_token);
        target.slot.clear();
        QString error;
        QVERIFY2(keyImport::importRsaKeyPair(target, QStringLiteral("rsa-pem"),
                                             QStringLiteral("0e0e"), pem, &error),
                 qPrintable(error));
        QCOMPARE(listObjects().count(QStringLiteral("label:      rsa-pem")), 2);
    }

    void refusalsAreErrors() {
        const keyImport::Target target = keyImport::softHsm(*m_fixture, m_token);
        QString error;
        QVERIFY(
            !keyImport::importAesKey(target, QStringLiteral("short"), QByteArray(15, 'k'), &error));
        QVERIFY2(error.contains(QStringLiteral("16, 24 or 32")), qPrintable(error));
        QVERIFY(!keyImport::importAesKey(target, QStringLiteral("bad-id"), QByteArray(16, 'k'),
                                         &error, QStringLiteral("xyz")));
        QVERIFY2(error.contains(QStringLiteral("not hex")), qPrintable(error));
        QVERIFY(!keyImport::importRsaKeyPair(target, QStringLiteral("junk"), QStringLiteral("01"),
                                             QByteArray("not a key"), &error));
        QVERIFY2(error.contains(QStringLiteral("RSA private key")), qPrintable(error));
        // pkcs11-tool's own refusal comes back with its message.
        keyImport::Target wrongPin = target;
        wrongPin.pin = QStringLiteral("not-the-pin");
        QVERIFY(!keyImport::importAesKey(wrongPin, QStringLiteral("never"), QByteArray(16, 'k'),
                                         &error));
        QVERIFY2(error.contains(QStringLiteral("CKR_PIN_INCORRECT")), qPrintable(error));
        QVERIFY(!listObjects().contains(QStringLiteral("never")));
    }
};

QTEST_GUILESS_MAIN(TestKeyImport)
#include "TestKeyImport.moc"
