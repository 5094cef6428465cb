// SPDX-License-Identifier: Apache-2.0
#include "tests/support/KeyImport.h"

#include "tests/support/OpenCryptokiFixture.h"
#include "tests/support/ProcessRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

#ifndef HSM_TEST_PKCS11_TOOL
#define HSM_TEST_PKCS11_TOOL "pkcs11-tool"
#endif

namespace hsm::test::keyImport {
namespace {

bool fail(QString *error, const QString &what) {
    if (error)
        *error = what;
    return false;
}

bool validId(const QString &idHex) {
    static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{2})*$"));
    return hex.match(idHex).hasMatch();
}

QStringList idOption(const QString &idHex) {
    return idHex.isEmpty() ? QStringList() : QStringList{QStringLiteral("--id"), idHex};
}

// Writes `contents` into a file of a private temporary folder and has pkcs11-tool
// --write-object it with `options`.
bool writeObject(const Target &target, const QByteArray &contents, const QStringList &options,
                 QString *error) {
    if (target.slot.isEmpty() && target.tokenLabel.isEmpty())
        return fail(error, QStringLiteral("no slot and no token label to import into"));
    // Key material only in a folder of our own (0700), removed afterwards.
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(error, QStringLiteral("no temporary folder: %1").arg(dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("object"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return fail(error, QStringLiteral("cannot write %1").arg(path));
    file.close();

    QStringList args{QStringLiteral("--module"), target.module};
    if (!target.slot.isEmpty())
        args << QStringLiteral("--slot") << target.slot;
    else
        args << QStringLiteral("--token-label") << target.tokenLabel;
    // The PIN on the command line, as the other tests give it to pkcs11-tool.
    args << QStringLiteral("--login") << QStringLiteral("--pin") << target.pin
         << QStringLiteral("--write-object") << path << options;
    ProcessOptions run;
    run.environment = target.environment;
    const RunResult result = processRun::run(QStringLiteral(HSM_TEST_PKCS11_TOOL), args, run);
    const QString out = QString::fromUtf8(result.out);
    // pkcs11-tool says what it created; a 0 status alone is not proof enough.
    if (result.status != 0 || !out.contains(QStringLiteral("Created ")))
        return fail(error, QStringLiteral("pkcs11-tool --write-object %1 failed (status %2): %3")
                               .arg(options.join(QLatin1Char(' ')))
                               .arg(result.status)
                               .arg((result.err + out).trimmed()));
    return true;
}

struct PkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};

// The SubjectPublicKeyInfo (DER) of a private key given as DER or PEM.
QByteArray publicKeyOf(const QByteArray &privateKey) {
    std::unique_ptr<EVP_PKEY, PkeyFree> key;
    if (privateKey.contains("-----BEGIN ")) {
        std::unique_ptr<BIO, BioFree> bio(
            BIO_new_mem_buf(privateKey.constData(), static_cast<int>(privateKey.size())));
        key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    } else {
        auto data = reinterpret_cast<const unsigned char *>(privateKey.constData());
        key.reset(d2i_AutoPrivateKey(nullptr, &data, static_cast<long>(privateKey.size())));
    }
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return {};
    const int size = i2d_PUBKEY(key.get(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto out = reinterpret_cast<unsigned char *>(der.data());
    return i2d_PUBKEY(key.get(), &out) == size ? der : QByteArray();
}

} // namespace

Target softHsm(const SoftHsmFixture &fixture, const QString &tokenLabel) {
    const FixtureToken token = fixture.token(tokenLabel);
    Target target;
    target.module = SoftHsmFixture::modulePath();
    target.tokenLabel = tokenLabel;
    if (!token.label.isEmpty())
        target.slot = QString::number(token.slot);
    target.pin = QLatin1String(SoftHsmFixture::kUserPin);
    target.environment = fixture.environment(); // SOFTHSM2_CONF: the fixture's tokens
    return target;
}

Target openCryptoki(const OpenCryptokiFixture &fixture) {
    Target target;
    target.module = OpenCryptokiFixture::modulePath();
    target.slot = QString::number(OpenCryptokiFixture::kSlot);
    target.tokenLabel = QLatin1String(OpenCryptokiFixture::kTokenLabel);
    target.pin = QLatin1String(OpenCryptokiFixture::kUserPin);
    target.environment = fixture.environment();
    return target;
}

bool importRsaPrivateKey(const Target &target, const QString &label, const QString &idHex,
                         const QByteArray &privateKey, QString *error) {
    if (!validId(idHex))
        return fail(error, QStringLiteral("the id \"%1\" is not hex bytes").arg(idHex));
    // --usage-decrypt sets CKA_DECRYPT; pkcs11-tool makes private keys private and
    // sensitive on its own.
    return writeObject(target, privateKey,
                       QStringList{QStringLiteral("--type"), QStringLiteral("privkey"),
                                   QStringLiteral("--label"), label,
                                   QStringLiteral("--usage-decrypt")} +
                           idOption(idHex),
                       error);
}

bool importRsaPublicKey(const Target &target, const QString &label, const QString &idHex,
                        const QByteArray &publicKey, QString *error) {
    if (!validId(idHex))
        return fail(error, QStringLiteral("the id \"%1\" is not hex bytes").arg(idHex));
    // On a public key --usage-decrypt sets CKA_ENCRYPT.
    return writeObject(target, publicKey,
                       QStringList{QStringLiteral("--type"), QStringLiteral("pubkey"),
                                   QStringLiteral("--label"), label,
                                   QStringLiteral("--usage-decrypt")} +
                           idOption(idHex),
                       error);
}

bool importRsaKeyPair(const Target &target, const QString &label, const QString &idHex,
                      const QByteArray &privateKey, QString *error) {
    const QByteArray publicKey = publicKeyOf(privateKey);
    if (publicKey.isEmpty())
        return fail(error, QStringLiteral("not an RSA private key OpenSSL can read"));
    return importRsaPublicKey(target, label, idHex, publicKey, error) &&
           importRsaPrivateKey(target, label, idHex, privateKey, error);
}

bool importAesKey(const Target &target, const QString &label, const QByteArray &value,
                  QString *error, const QString &idHex) {
    if (value.size() != 16 && value.size() != 24 && value.size() != 32)
        return fail(error,
                    QStringLiteral("an AES key has 16, 24 or 32 bytes, not %1").arg(value.size()));
    if (!validId(idHex))
        return fail(error, QStringLiteral("the id \"%1\" is not hex bytes").arg(idHex));
    // On a secret key --usage-decrypt sets both CKA_ENCRYPT and CKA_DECRYPT.
    const QStringList options{
        QStringLiteral("--type"),          QStringLiteral("secrkey"),
        QStringLiteral("--key-type"),      QStringLiteral("AES:%1").arg(value.size()),
        QStringLiteral("--label"),         label,
        QStringLiteral("--usage-decrypt"), QStringLiteral("--private"),
        QStringLiteral("--sensitive")};
    return writeObject(target, value, options + idOption(idHex), error);
}

} // namespace hsm::test::keyImport
