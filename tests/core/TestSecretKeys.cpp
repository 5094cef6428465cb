// SPDX-License-Identifier: Apache-2.0
// Creating and checking the HMAC key: the check passes for a good key and explains each
// refusal; HMACs from the HSM match OpenSSL's and pkcs11-tool's.
#include "core/client/HsmClient.h"
#include "tests/support/SoftHsmFixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/params.h>

using namespace hsm;
using namespace hsm::test;

namespace {

// The oracle: OpenSSL's HMAC-SHA256 through EVP_MAC.
QByteArray opensslHmac(const QByteArray &key, const QByteArray &message) {
    EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0),
                                 OSSL_PARAM_construct_end()};
    QByteArray out(32, '\0');
    size_t length = 0;
    EVP_MAC_init(ctx, reinterpret_cast<const unsigned char *>(key.constData()),
                 static_cast<size_t>(key.size()), params);
    EVP_MAC_update(ctx, reinterpret_cast<const unsigned char *>(message.constData()),
                   static_cast<size_t>(message.size()));
    EVP_MAC_final(ctx, reinterpret_cast<unsigned char *>(out.data()), &length, out.size());
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    out.resize(static_cast<qsizetype>(length));
    return out;
}

} // namespace

class TestSecretKeys : public QObject {
    Q_OBJECT
    std::unique_ptr<SoftHsmFixture> m_fixture;
    std::unique_ptr<HsmClient> m_client;
    CK_SLOT_ID m_slot = 0;

    Result<QByteArray> hsmHmac(const QString &label, const QByteArray &message) {
        return await(m_client->submit<QByteArray>(
            [this, label, message](Module &m, RequestContext &) -> Result<QByteArray> {
                Result<Session> s = Session::shared(m, m_slot);
                if (!s)
                    return s.error();
                return secretKeys::hmacSha256(s.value(), label, message);
            }));
    }

private Q_SLOTS:
    void initTestCase() {
        m_fixture = std::make_unique<SoftHsmFixture>();
        QVERIFY(m_fixture->initTokens({QStringLiteral("keys")}));
        // Known keys for the refusal cases, made outside our core.
        QVERIFY(m_fixture->importSecret(QStringLiteral("keys"), QStringLiteral("known"),
                                        QByteArray::fromHex("000102030405060708090a0b0c0d0e0f"
                                                            "101112131415161718191a1b1c1d1e1f")));
        QVERIFY(m_fixture->importSecret(QStringLiteral("keys"), QStringLiteral("short"),
                                        QByteArray(16, '\x42')));
        QVERIFY(m_fixture->importSecret(QStringLiteral("keys"), QStringLiteral("nosign"),
                                        QByteArray(32, '\x43'), true, false));
        QVERIFY(m_fixture->importSecret(QStringLiteral("keys"), QStringLiteral("twice"),
                                        QByteArray(32, '\x44')));
        QVERIFY(m_fixture->importSecret(QStringLiteral("keys"), QStringLiteral("twice"),
                                        QByteArray(32, '\x45')));
        m_slot = m_fixture->token(QStringLiteral("keys")).slot;
        m_client = std::make_unique<HsmClient>();
        QVERIFY(await(m_client->load(SoftHsmFixture::modulePath())));
        QVERIFY(
            await(m_client->login(m_slot, SecretBytes::fromRaw(SoftHsmFixture::kUserPin,
                                                               strlen(SoftHsmFixture::kUserPin)))));
    }

    void cleanupTestCase() {
        m_client.reset();
        m_fixture.reset();
    }

    void creatableKindsFollowTheMechanismList() {
        auto kinds = await(m_client->creatableKeyKinds(m_slot));
        QVERIFY(kinds);
        QVERIFY(kinds->contains(SecretKeyKind::Generic));
        QVERIFY(kinds->contains(SecretKeyKind::Aes));
        // SoftHSM 2.6 has no CKM_SHA256_KEY_GEN.
        QVERIFY(!kinds->contains(SecretKeyKind::Sha256Hmac));
    }

    void createThenCheck() {
        SecretKeySpec spec;
        spec.label = QStringLiteral("akeyless_hsm");
        auto key = await(m_client->createSecretKey(m_slot, spec));
        QVERIFY2(key, qPrintable(key.error().toString()));
        QCOMPARE(key->label, QStringLiteral("akeyless_hsm"));
        QCOMPARE(key->keyTypeWord(), QStringLiteral("generic_secret"));
        QCOMPARE(key->sizeBits, 256);
        QCOMPARE(key->id.size(), 8);
        for (auto flag : {ObjectInfo::Token, ObjectInfo::Private, ObjectInfo::Sensitive,
                          ObjectInfo::Sign, ObjectInfo::Verify, ObjectInfo::NeverExtractable})
            QVERIFY(key->has(flag));
        for (auto flag : {ObjectInfo::Extractable, ObjectInfo::Encrypt, ObjectInfo::Decrypt,
                          ObjectInfo::Wrap, ObjectInfo::Unwrap, ObjectInfo::Derive})
            QVERIFY(!key->has(flag));
        auto check = await(m_client->checkSecretKey(m_slot, QStringLiteral("akeyless_hsm")));
        QVERIFY2(check, qPrintable(check.error().toString()));
        QVERIFY(check->verdict.contains(
            QStringLiteral("exists exactly once and computes HMAC-SHA256")));

        auto duplicate = await(m_client->createSecretKey(m_slot, spec));
        QVERIFY(!duplicate);
        QVERIFY(duplicate.error().message.contains(QStringLiteral("already exists")));
    }

    void refusalsInPlainWords() {
        SecretKeySpec aes;
        aes.label = QStringLiteral("aes-key");
        aes.kind = SecretKeyKind::Aes;
        QVERIFY(await(m_client->createSecretKey(m_slot, aes)));
        // An AES key is made for encrypt and decrypt only (a KEK): no HMACs.
        auto check = await(m_client->checkSecretKey(m_slot, QStringLiteral("aes-key")));
        QVERIFY(!check);
        QCOMPARE(check.error().rv, CKR_KEY_FUNCTION_NOT_PERMITTED);
        QCOMPARE(check.error().function, QStringLiteral("C_SignInit"));
        QVERIFY(check.error().message.contains(QStringLiteral("CKA_SIGN is false")));
        auto kek = await(m_client->checkKek(m_slot, QStringLiteral("aes-key")));
        QVERIFY2(kek, qPrintable(kek.error().toString()));
        QCOMPARE(kek->works, QStringList({QStringLiteral("aes-gcm"), QStringLiteral("aes-cbc"),
                                          QStringLiteral("aes-cbc-pad")}));

        check = await(m_client->checkSecretKey(m_slot, QStringLiteral("short")));
        QVERIFY(!check);
        QCOMPARE(check.error().rv, CKR_KEY_SIZE_RANGE);
        QVERIFY(check.error().message.contains(QStringLiteral("(128 bits)")));
        QVERIFY(check.error().message.contains(QStringLiteral("SoftHSM needs 32 bytes")));

        check = await(m_client->checkSecretKey(m_slot, QStringLiteral("nosign")));
        QVERIFY(!check);
        QCOMPARE(check.error().rv, CKR_KEY_FUNCTION_NOT_PERMITTED);
        QVERIFY(check.error().message.contains(QStringLiteral("CKA_SIGN is false")));

        check = await(m_client->checkSecretKey(m_slot, QStringLiteral("twice")));
        QVERIFY(!check);
        QVERIFY(
            check.error().message.contains(QStringLiteral("2 secret keys are labelled 'twice'")));

        check = await(m_client->checkSecretKey(m_slot, QStringLiteral("missing")));
        QVERIFY(!check);
        QVERIFY(
            check.error().message.contains(QStringLiteral("No secret key is labelled 'missing'")));

        SecretKeySpec bad;
        bad.label = QStringLiteral("odd");
        bad.kind = SecretKeyKind::Aes;
        bad.bytes = 20;
        QVERIFY(await(m_client->createSecretKey(m_slot, bad))
                    .error()
                    .message.contains(QStringLiteral("16, 24 or 32")));
    }

    void hmacMatchesOpenSsl() {
        const QByteArray key = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f"
                                                   "101112131415161718191a1b1c1d1e1f");
        for (const QByteArray &message :
             {QByteArray("hello"), QByteArray(1000, 'x'), QByteArray()}) {
            auto mac = hsmHmac(QStringLiteral("known"), message);
            QVERIFY2(mac, qPrintable(mac.error().toString()));
            QCOMPARE(mac->toHex(), opensslHmac(key, message).toHex());
        }
    }

    void interopWithPkcs11Tool() {
        QTemporaryDir dir;
        // The key is made by our CLI...
        QProcess cli;
        QStringList env = m_fixture->environment();
        env << QStringLiteral("HSM_PIN=") + QLatin1String(SoftHsmFixture::kUserPin);
        cli.setEnvironment(env);
        cli.start(QStringLiteral(HSM_ADMIN_CLI_PATH),
                  {QStringLiteral("--module"), SoftHsmFixture::modulePath(),
                   QStringLiteral("--token-label"), QStringLiteral("keys"),
                   QStringLiteral("create-key"), QStringLiteral("--label"),
                   QStringLiteral("interop"), QStringLiteral("--id"), QStringLiteral("0a0b0c")});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        // ...used by pkcs11-tool for an HMAC...
        const QString input = dir.filePath(QStringLiteral("message"));
        const QString output = dir.filePath(QStringLiteral("mac"));
        QFile in(input);
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write("gateway interop message");
        in.close();
        QProcess tool;
        tool.setEnvironment(m_fixture->environment());
        tool.start(QStringLiteral(PKCS11_TOOL),
                   {QStringLiteral("--module"), SoftHsmFixture::modulePath(),
                    QStringLiteral("--slot"), QString::number(m_slot), QStringLiteral("--login"),
                    QStringLiteral("--pin"), QLatin1String(SoftHsmFixture::kUserPin),
                    QStringLiteral("--sign"), QStringLiteral("-m"), QStringLiteral("SHA256-HMAC"),
                    QStringLiteral("--id"), QStringLiteral("0a0b0c"), QStringLiteral("-i"), input,
                    QStringLiteral("-o"), output});
        QVERIFY(tool.waitForFinished(60000));
        QVERIFY2(tool.exitCode() == 0, tool.readAllStandardError().constData());
        QFile out(output);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray peerMac = out.readAll();
        QCOMPARE(peerMac.size(), 32);

        // ...and gives the same MAC as our HSM HMAC of the same message.
        auto ours = hsmHmac(QStringLiteral("interop"), QByteArray("gateway interop message"));
        QVERIFY2(ours, qPrintable(ours.error().toString()));
        QCOMPARE(ours->toHex(), peerMac.toHex());
    }
};

QTEST_GUILESS_MAIN(TestSecretKeys)
#include "TestSecretKeys.moc"
