// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

// OpenSSL as the independent party of known-answer tests: what a module encrypts with a
// key a test knows, OpenSSL decrypts (and the other way round).
namespace hsm::test::oracle {

// A fresh RSA private key of `bits` bits, DER (PKCS#1), empty on failure.
QByteArray generateRsaKey(int bits);

// RSA-OAEP with `digest` ("SHA256", "SHA1") for both the hash and MGF1, and no label.
// `privateKey` is DER or PEM; encryption uses its public half.
bool oaepEncrypt(const QByteArray &privateKey, const char *digest, const QByteArray &in,
                 QByteArray *out, QString *error);
bool oaepDecrypt(const QByteArray &privateKey, const char *digest, const QByteArray &in,
                 QByteArray *out, QString *error);

// AES-GCM of a 16, 24 or 32-byte key; `in` is the ciphertext followed by the tag of
// `tagBytes` bytes, as PKCS#11's CKM_AES_GCM returns it. False when the tag does not match.
bool aesGcmDecrypt(const QByteArray &key, const QByteArray &iv, const QByteArray &aad,
                   const QByteArray &in, int tagBytes, QByteArray *out, QString *error);
// AES-CBC with PKCS#7 padding (CKM_AES_CBC_PAD).
bool aesCbcPadDecrypt(const QByteArray &key, const QByteArray &iv, const QByteArray &in,
                      QByteArray *out, QString *error);

} // namespace hsm::test::oracle
