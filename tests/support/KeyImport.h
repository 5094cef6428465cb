// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hsm::test {
class OpenCryptokiFixture;
class SoftHsmFixture;
} // namespace hsm::test

namespace hsm::test::keyImport {

// The token pkcs11-tool writes into, and how it logs in.
struct Target {
    QString module;
    QString slot; // the slot id in decimal; when empty, tokenLabel picks the token
    QString tokenLabel;
    QString pin;             // the user PIN
    QStringList environment; // the child's whole environment; empty: this process's
};

// A token of a SoftHSM fixture (its SOFTHSM2_CONF in the environment), by slot id.
Target softHsm(const SoftHsmFixture &fixture, const QString &tokenLabel);
// openCryptoki's soft token of a started fixture.
Target openCryptoki(const OpenCryptokiFixture &fixture);

// Known keys put into a token by an independent tool, OpenSC's pkcs11-tool --write-object,
// so a test knows the key material its module works with. Each returns false with the
// reason (pkcs11-tool's own output included) in `error`.

// An RSA private key (PKCS#8 or PKCS#1, DER or PEM): private, sensitive, CKA_DECRYPT true
// (modules may add CKA_UNWRAP and CKA_SIGN).
bool importRsaPrivateKey(const Target &target, const QString &label, const QString &idHex,
                         const QByteArray &privateKey, QString *error);
// An RSA public key (SubjectPublicKeyInfo, DER or PEM) with CKA_ENCRYPT true.
bool importRsaPublicKey(const Target &target, const QString &label, const QString &idHex,
                        const QByteArray &publicKey, QString *error);
// Both halves of `privateKey` under the same label and id: C_Encrypt with the public
// object, C_Decrypt with the private one.
bool importRsaKeyPair(const Target &target, const QString &label, const QString &idHex,
                      const QByteArray &privateKey, QString *error);
// An AES key of 16, 24 or 32 raw bytes: private, sensitive, CKA_ENCRYPT and CKA_DECRYPT
// true. `idHex` may be empty.
bool importAesKey(const Target &target, const QString &label, const QByteArray &value,
                  QString *error, const QString &idHex = QString());

} // namespace hsm::test::keyImport
