// SPDX-License-Identifier: Apache-2.0
#include "tests/support/OpenSslOracle.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

namespace hsm::test::oracle {
namespace {

struct PkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

bool fail(QString *error, const QString &what) {
    if (error) {
        const unsigned long code = ERR_get_error();
        char text[256] = {};
        if (code != 0)
            ERR_error_string_n(code, text, sizeof text);
        *error = code != 0 ? QStringLiteral("%1: %2").arg(what, QString::fromLatin1(text)) : what;
    }
    ERR_clear_error();
    return false;
}

Pkey readPrivateKey(const QByteArray &key) {
    if (key.contains("-----BEGIN ")) {
        std::unique_ptr<BIO, BioFree> bio(
            BIO_new_mem_buf(key.constData(), static_cast<int>(key.size())));
        return Pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    }
    auto data = reinterpret_cast<const unsigned char *>(key.constData());
    return Pkey(d2i_AutoPrivateKey(nullptr, &data, static_cast<long>(key.size())));
}

bool oaep(bool encrypting, const QByteArray &privateKey, const char *digest, const QByteArray &in,
          QByteArray *out, QString *error) {
    const Pkey key = readPrivateKey(privateKey);
    if (!key)
        return fail(error, QStringLiteral("not a private key OpenSSL can read"));
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    const EVP_MD *md = EVP_get_digestbyname(digest);
    if (!ctx || !md)
        return fail(error,
                    QStringLiteral("no OpenSSL context or digest %1").arg(QLatin1String(digest)));
    if ((encrypting ? EVP_PKEY_encrypt_init(ctx.get()) : EVP_PKEY_decrypt_init(ctx.get())) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) <= 0 ||
        EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), md) <= 0 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), md) <= 0)
        return fail(error, QStringLiteral("setting up RSA-OAEP"));
    auto input = reinterpret_cast<const unsigned char *>(in.constData());
    const size_t inSize = static_cast<size_t>(in.size());
    auto run = [&](unsigned char *to, size_t *size) {
        return encrypting ? EVP_PKEY_encrypt(ctx.get(), to, size, input, inSize)
                          : EVP_PKEY_decrypt(ctx.get(), to, size, input, inSize);
    };
    size_t size = 0;
    if (run(nullptr, &size) <= 0)
        return fail(error, QStringLiteral("RSA-OAEP size"));
    out->resize(static_cast<qsizetype>(size));
    if (run(reinterpret_cast<unsigned char *>(out->data()), &size) <= 0)
        return fail(error, encrypting ? QStringLiteral("RSA-OAEP encryption")
                                      : QStringLiteral("RSA-OAEP decryption"));
    out->resize(static_cast<qsizetype>(size));
    return true;
}

const EVP_CIPHER *aes(const char *mode, qsizetype keySize) {
    const QByteArray name = QByteArray("AES-") + QByteArray::number(keySize * 8) + '-' + mode;
    return EVP_get_cipherbyname(name.constData());
}

} // namespace

QByteArray generateRsaKey(int bits) {
    const Pkey key(EVP_RSA_gen(static_cast<unsigned int>(bits)));
    if (!key)
        return {};
    const int size = i2d_PrivateKey(key.get(), nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, Qt::Uninitialized);
    auto to = reinterpret_cast<unsigned char *>(der.data());
    return i2d_PrivateKey(key.get(), &to) == size ? der : QByteArray();
}

bool oaepEncrypt(const QByteArray &privateKey, const char *digest, const QByteArray &in,
                 QByteArray *out, QString *error) {
    return oaep(true, privateKey, digest, in, out, error);
}

bool oaepDecrypt(const QByteArray &privateKey, const char *digest, const QByteArray &in,
                 QByteArray *out, QString *error) {
    return oaep(false, privateKey, digest, in, out, error);
}

bool aesGcmDecrypt(const QByteArray &key, const QByteArray &iv, const QByteArray &aad,
                   const QByteArray &in, int tagBytes, QByteArray *out, QString *error) {
    const EVP_CIPHER *cipher = aes("GCM", key.size());
    if (!cipher || in.size() < tagBytes)
        return fail(error,
                    QStringLiteral("no AES-GCM for a %1-byte key, or no tag").arg(key.size()));
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    const QByteArray body = in.left(in.size() - tagBytes);
    QByteArray tag = in.right(tagBytes);
    auto bytes = [](const QByteArray &a) {
        return reinterpret_cast<const unsigned char *>(a.constData());
    };
    int size = 0;
    out->resize(body.size() + 16);
    auto to = reinterpret_cast<unsigned char *>(out->data());
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), cipher, nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv.size()),
                            nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(iv)) != 1 ||
        (!aad.isEmpty() && EVP_DecryptUpdate(ctx.get(), nullptr, &size, bytes(aad),
                                             static_cast<int>(aad.size())) != 1) ||
        EVP_DecryptUpdate(ctx.get(), to, &size, bytes(body), static_cast<int>(body.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagBytes, tag.data()) != 1)
        return fail(error, QStringLiteral("AES-GCM decryption"));
    int last = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), to + size, &last) != 1)
        return fail(error, QStringLiteral("AES-GCM: the tag does not match"));
    out->resize(size + last);
    return true;
}

bool aesCbcPadDecrypt(const QByteArray &key, const QByteArray &iv, const QByteArray &in,
                      QByteArray *out, QString *error) {
    const EVP_CIPHER *cipher = aes("CBC", key.size());
    if (!cipher || iv.size() != 16)
        return fail(error, QStringLiteral("no AES-CBC for a %1-byte key and a %2-byte IV")
                               .arg(key.size())
                               .arg(iv.size()));
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    auto bytes = [](const QByteArray &a) {
        return reinterpret_cast<const unsigned char *>(a.constData());
    };
    out->resize(in.size() + 16);
    auto to = reinterpret_cast<unsigned char *>(out->data());
    int size = 0;
    int last = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), cipher, nullptr, bytes(key), bytes(iv)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), to, &size, bytes(in), static_cast<int>(in.size())) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), to + size, &last) != 1)
        return fail(error, QStringLiteral("AES-CBC decryption"));
    out->resize(size + last);
    return true;
}

} // namespace hsm::test::oracle
