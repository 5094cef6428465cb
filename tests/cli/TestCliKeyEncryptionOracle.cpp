// SPDX-License-Identifier: Apache-2.0
// hsm_wrap_encrypt against an independent party. Known keys are put into the token by
// pkcs11-tool; what the CLI encrypts with them in the HSM, OpenSSL decrypts, and what
// OpenSSL encrypts under them the CLI decrypts: the fingerprints agree both ways. AES on
// SoftHSM; RSA-OAEP-SHA256 on openCryptoki, which does it (SoftHSM 2.6 cannot), where the
// test also rotates between an RSA and an AES KEK and back.
#include "tests/support/CliRun.h"
#include "tests/support/KeyImport.h"
#include "tests/support/OpenCryptokiFixture.h"
#include "tests/support/OpenSslOracle.h"
#include "tests/support/SoftHsmFixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/rand.h>

using namespace hsm::test;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray decoded(const QJsonObject &entry, const char *field) {
    return QByteArray::fromBase64(entry.value(QLatin1String(field)).toString().toLatin1());
}

QString base64(const QByteArray &bytes) {
    return QString::fromLatin1(bytes.toBase64());
}

// The fingerprint as docs/derivation.md defines it, computed here, not by the product.
QString fingerprintOf(const QByteArray &value) {
    return QString::fromLatin1(
        QCryptographicHash::hash(value, QCryptographicHash::Sha256).left(8).toHex());
}

QByteArray randomBytes(int size) {
    QByteArray out(size, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), size);
    return out;
}

// AES-CBC with or without PKCS#7 padding, or AES-GCM with a 16-byte tag, in OpenSSL: the
// ciphertext (GCM: without the tag) and the tag.
bool aesEncrypt(const QString &alg, const QByteArray &key, const QByteArray &iv,
                const QByteArray &plain, QByteArray *out, QByteArray *tag) {
    const bool gcm = alg == QLatin1String("aes-gcm");
    const EVP_CIPHER *cipher = gcm ? EVP_aes_256_gcm() : EVP_aes_256_cbc();
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    bool ok = EVP_EncryptInit_ex(ctx, cipher, nullptr, nullptr, nullptr) == 1;
    if (gcm)
        ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, int(iv.size()), nullptr) == 1;
    ok = ok && EVP_EncryptInit_ex(ctx, nullptr, nullptr,
                                  reinterpret_cast<const unsigned char *>(key.constData()),
                                  reinterpret_cast<const unsigned char *>(iv.constData())) == 1;
    if (!gcm)
        EVP_CIPHER_CTX_set_padding(ctx, alg == QLatin1String("aes-cbc-pad") ? 1 : 0);
    out->resize(plain.size() + 32);
    int n = 0;
    int m = 0;
    ok = ok && EVP_EncryptUpdate(ctx, reinterpret_cast<unsigned char *>(out->data()), &n,
                                 reinterpret_cast<const unsigned char *>(plain.constData()),
                                 int(plain.size())) == 1;
    ok =
        ok && EVP_EncryptFinal_ex(ctx, reinterpret_cast<unsigned char *>(out->data()) + n, &m) == 1;
    out->resize(n + m);
    if (gcm) {
        tag->resize(16);
        ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag->data()) == 1;
    }
    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

// AES-CBC without padding, which the oracle library leaves out.
bool aesCbcDecrypt(const QByteArray &key, const QByteArray &iv, const QByteArray &in,
                   QByteArray *out) {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    bool ok = EVP_DecryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr,
                                 reinterpret_cast<const unsigned char *>(key.constData()),
                                 reinterpret_cast<const unsigned char *>(iv.constData())) == 1;
    EVP_CIPHER_CTX_set_padding(ctx, 0);
    out->resize(in.size());
    int n = 0;
    int m = 0;
    ok = ok && EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char *>(out->data()), &n,
                                 reinterpret_cast<const unsigned char *>(in.constData()),
                                 int(in.size())) == 1;
    ok =
        ok && EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char *>(out->data()) + n, &m) == 1;
    out->resize(n + m);
    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

} // namespace

class TestCliKeyEncryptionOracle : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_made = 0;

    RunResult cli(const QStringList &args, const QStringList &environment) {
        return cliRun::inProcess(args, environment, m_dir.path());
    }

    QJsonObject generate(const QStringList &environment, const QString &file, const QString &kek,
                         const QString &alg) {
        QStringList args{QStringLiteral("gen-customer-fragment"),
                         QStringLiteral("-n"),
                         QStringLiteral("F%1").arg(++m_made),
                         QStringLiteral("-t"),
                         QStringLiteral("hsm_wrap_encrypt"),
                         QStringLiteral("-k"),
                         kek,
                         QStringLiteral("--output"),
                         file};
        if (!alg.isEmpty())
            args << QStringLiteral("--hsm-wrap-alg") << alg;
        const RunResult r = cli(args, environment);
        if (r.status != 0)
            qWarning("gen-customer-fragment: %s", qPrintable(r.err));
        return r.status == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }

    QString derive(const QStringList &environment, const QString &file, const QString &id) {
        const RunResult r = cli({QStringLiteral("derive"), QStringLiteral("--fragments"), file,
                                 QStringLiteral("--id"), id},
                                environment);
        static const QRegularExpression line(QStringLiteral("^fingerprint: ([0-9a-f]{16})\\n$"));
        const auto m = line.match(QString::fromLatin1(r.out));
        if (!m.hasMatch())
            qWarning("derive: %s", qPrintable(r.err));
        return m.hasMatch() ? m.captured(1) : QString();
    }

    // An hsm_wrap_encrypt entry made outside the product.
    QString writeEntry(const QString &name, const QString &id, const QString &kek,
                       const QString &alg, const QByteArray &ciphertext, const QByteArray &iv,
                       const QByteArray &tag) {
        QJsonObject entry{{QStringLiteral("id"), id},
                          {QStringLiteral("value"), base64(ciphertext)},
                          {QStringLiteral("name"), name},
                          {QStringLiteral("fragment_type"), QStringLiteral("hsm_wrap_encrypt")},
                          {QStringLiteral("key_label"), kek},
                          {QStringLiteral("wrap_alg"), alg}};
        if (!iv.isEmpty())
            entry.insert(QStringLiteral("wrap_iv"), base64(iv));
        if (!tag.isEmpty())
            entry.insert(QStringLiteral("wrap_tag"), base64(tag));
        const QString file = m_dir.filePath(name + QStringLiteral(".json"));
        writeAll(file, QJsonDocument(
                           QJsonObject{{QStringLiteral("customer_fragments"), QJsonArray{entry}}})
                           .toJson());
        return file;
    }

private Q_SLOTS:
    void aesOnSoftHsm_data() {
        QTest::addColumn<QString>("alg");
        QTest::newRow("aes-gcm") << QStringLiteral("aes-gcm");
        QTest::newRow("aes-cbc") << QStringLiteral("aes-cbc");
        QTest::newRow("aes-cbc-pad") << QStringLiteral("aes-cbc-pad");
    }

    void aesOnSoftHsm() {
        QFETCH(QString, alg);
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("gateway")}));
        const QByteArray key = randomBytes(32);
        QString error;
        QVERIFY2(keyImport::importAesKey(keyImport::softHsm(fixture, QStringLiteral("gateway")),
                                         QStringLiteral("known-aes"), key, &error),
                 qPrintable(error));
        const QStringList env =
            fixture.environment() +
            QStringList{QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath(),
                        QStringLiteral("HSM_TOKEN_LABEL=gateway"),
                        QStringLiteral("HSM_PIN=") + QLatin1String(SoftHsmFixture::kUserPin)};

        // Ours encrypts in the HSM; OpenSSL decrypts with the known key.
        const QString file = m_dir.filePath(QStringLiteral("aes-%1.json").arg(alg));
        const QJsonObject entry = generate(env, file, QStringLiteral("known-aes"), alg);
        QVERIFY(!entry.isEmpty());
        const QByteArray iv = decoded(entry, "wrap_iv");
        QByteArray plain;
        if (alg == QLatin1String("aes-gcm")) {
            QVERIFY2(oracle::aesGcmDecrypt(key, iv, QByteArray(),
                                           decoded(entry, "value") + decoded(entry, "wrap_tag"), 16,
                                           &plain, &error),
                     qPrintable(error));
        } else if (alg == QLatin1String("aes-cbc-pad")) {
            QVERIFY2(oracle::aesCbcPadDecrypt(key, iv, decoded(entry, "value"), &plain, &error),
                     qPrintable(error));
        } else {
            QVERIFY(aesCbcDecrypt(key, iv, decoded(entry, "value"), &plain));
        }
        QCOMPARE(plain.size(), 64);
        QCOMPARE(derive(env, file, entry.value(QStringLiteral("id")).toString()),
                 fingerprintOf(plain));

        // OpenSSL encrypts a known fragment; ours decrypts it in the HSM.
        const QByteArray fragment = randomBytes(64);
        const QByteArray ownIv = randomBytes(alg == QLatin1String("aes-gcm") ? 12 : 16);
        QByteArray ciphertext;
        QByteArray tag;
        QVERIFY(aesEncrypt(alg, key, ownIv, fragment, &ciphertext, &tag));
        const QString id = QStringLiteral("cf-opensslmade00000000a");
        const QString theirs = writeEntry(QStringLiteral("openssl-%1").arg(alg), id,
                                          QStringLiteral("known-aes"), alg, ciphertext, ownIv, tag);
        QCOMPARE(derive(env, theirs, id), fingerprintOf(fragment));
    }

    void rsaOnOpenCryptoki() {
        OpenCryptokiFixture ock;
        HSM_OPENCRYPTOKI_START_OR_SKIP(ock);
        const QStringList env =
            ock.environment() +
            QStringList{QStringLiteral("PKCS11_LIB_PATH=") + OpenCryptokiFixture::modulePath(),
                        QStringLiteral("HSM_SLOT=%1").arg(OpenCryptokiFixture::kSlot),
                        QStringLiteral("HSM_PIN=") + QLatin1String(OpenCryptokiFixture::kUserPin)};
        const QByteArray rsaKey = oracle::generateRsaKey(2048);
        QVERIFY(!rsaKey.isEmpty());
        QString error;
        QVERIFY2(keyImport::importRsaKeyPair(keyImport::openCryptoki(ock),
                                             QStringLiteral("known-rsa"), QStringLiteral("01"),
                                             rsaKey, &error),
                 qPrintable(error));

        // Ours encrypts with the default algorithm, rsa-oaep-sha256; OpenSSL decrypts.
        const QString file = m_dir.filePath(QStringLiteral("rsa.json"));
        const QJsonObject entry = generate(env, file, QStringLiteral("known-rsa"), QString());
        QVERIFY(!entry.isEmpty());
        QCOMPARE(entry.value(QStringLiteral("wrap_alg")).toString(),
                 QStringLiteral("rsa-oaep-sha256"));
        QVERIFY(!entry.contains(QStringLiteral("wrap_iv")));
        QVERIFY(!entry.contains(QStringLiteral("wrap_tag")));
        QCOMPARE(decoded(entry, "value").size(), 256);
        QByteArray plain;
        QVERIFY2(oracle::oaepDecrypt(rsaKey, "SHA256", decoded(entry, "value"), &plain, &error),
                 qPrintable(error));
        QCOMPARE(plain.size(), 64);
        const QString id = entry.value(QStringLiteral("id")).toString();
        const QString expected = fingerprintOf(plain);
        QCOMPARE(derive(env, file, id), expected);

        // OpenSSL encrypts a known fragment under the known public key; ours decrypts it.
        const QByteArray fragment = randomBytes(64);
        QByteArray ciphertext;
        QVERIFY2(oracle::oaepEncrypt(rsaKey, "SHA256", fragment, &ciphertext, &error),
                 qPrintable(error));
        const QString theirsId = QStringLiteral("cf-opensslmade00000000r");
        const QString theirs =
            writeEntry(QStringLiteral("openssl-rsa"), theirsId, QStringLiteral("known-rsa"),
                       QStringLiteral("rsa-oaep-sha256"), ciphertext, {}, {});
        QCOMPARE(derive(env, theirs, theirsId), fingerprintOf(fragment));

        // KEKs made by the CLI on this module, and their checks.
        for (const QStringList &args :
             {QStringList{QStringLiteral("--label"), QStringLiteral("kek-rsa"),
                          QStringLiteral("--key-type"), QStringLiteral("rsa"),
                          QStringLiteral("--bits"), QStringLiteral("2048")},
              QStringList{QStringLiteral("--label"), QStringLiteral("kek-aes"),
                          QStringLiteral("--key-type"), QStringLiteral("aes")}}) {
            const RunResult r = cli(QStringList{QStringLiteral("create-key")} + args, env);
            QVERIFY2(r.status == 0, qPrintable(r.err));
        }
        RunResult r =
            cli({QStringLiteral("check-key"), QStringLiteral("--label"), QStringLiteral("kek-rsa")},
                env);
        QVERIFY2(r.status == 0 && r.out.contains("works with rsa-oaep-sha256"), qPrintable(r.err));
        r = cli({QStringLiteral("check-key"), QStringLiteral("--label"), QStringLiteral("kek-aes")},
                env);
        QVERIFY2(r.status == 0 && r.out.contains("aes-cbc-pad"), qPrintable(r.err));

        // Rotation across kinds: RSA to AES (openCryptoki has no GCM) and back to an RSA KEK,
        // the fingerprint the same at every step, and the known key still opening it.
        const QStringList rewrap{QStringLiteral("rewrap-customer-fragment"),
                                 QStringLiteral("--input-file"),
                                 file,
                                 QStringLiteral("--cf-id"),
                                 id,
                                 QStringLiteral("--new-kek-ref")};
        r = cli(rewrap + QStringList{QStringLiteral("kek-aes"), QStringLiteral("--hsm-wrap-alg"),
                                     QStringLiteral("aes-cbc-pad")},
                env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("fingerprint after:  %1").arg(expected).toLatin1()));
        QCOMPARE(derive(env, file, id), expected);
        r = cli(rewrap + QStringList{QStringLiteral("kek-rsa")}, env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = cli(rewrap + QStringList{QStringLiteral("known-rsa")}, env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject back = QJsonDocument::fromJson(readAll(file))
                                     .object()
                                     .value(QStringLiteral("customer_fragments"))
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(back.value(QStringLiteral("key_label")).toString(), QStringLiteral("known-rsa"));
        QCOMPARE(back.value(QStringLiteral("wrap_alg")).toString(),
                 QStringLiteral("rsa-oaep-sha256"));
        QByteArray again;
        QVERIFY2(oracle::oaepDecrypt(rsaKey, "SHA256", decoded(back, "value"), &again, &error),
                 qPrintable(error));
        QCOMPARE(again, plain);
    }
};

QTEST_GUILESS_MAIN(TestCliKeyEncryptionOracle)
#include "TestCliKeyEncryptionOracle.moc"
