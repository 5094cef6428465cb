// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <p11-kit/pkcs11.h>

#include <functional>

namespace hsm::test {

struct FixtureToken {
    QString label;
    QString serial;
    CK_SLOT_ID slot = 0;
};

// A SoftHSMv2 with its own configuration and token directory in a fresh temporary folder.
// Constructing it points SOFTHSM2_CONF there (restored on destruction); tokens are created
// through PKCS#11 directly, without the core, before the core loads the library.
class SoftHsmFixture {
public:
    static constexpr char kUserPin[] = "fixture-user-1234";
    static constexpr char kSoPin[] = "fixture-so-5678";

    SoftHsmFixture();
    ~SoftHsmFixture();

    static QString modulePath();
    QString directory() const { return m_dir.path(); }
    QString configPath() const;
    // Environment for child processes (the CLI, pkcs11-tool) that should see these tokens.
    QStringList environment() const;

    // Initializes one token per label (user PIN kUserPin, SO PIN kSoPin). Returns false and
    // fills `error` on failure.
    bool initTokens(const QStringList &labels, QString *error = nullptr);
    // Runs `work` in a read/write session logged in as the user of the token, with the
    // library initialized only for that; returns its CK_RV (CKR_OK on success).
    CK_RV withSession(const QString &tokenLabel,
                      const std::function<CK_RV(CK_FUNCTION_LIST *, CK_SESSION_HANDLE)> &work,
                      QString *error = nullptr);
    // Creates `count` 32-byte generic secret keys labelled "<prefix><n>" (ids n, big endian).
    bool generateKeys(const QString &tokenLabel, const QString &prefix, int count,
                      QString *error = nullptr);
    // Imports a generic secret with a known value (for known-answer tests).
    bool importSecret(const QString &tokenLabel, const QString &keyLabel, const QByteArray &value,
                      bool sensitive = true, bool sign = true, QString *error = nullptr);
    // The tokens as PKCS#11 reports them after the last initTokens().
    const QList<FixtureToken> &tokens() const { return m_tokens; }
    FixtureToken token(const QString &label) const;

private:
    QTemporaryDir m_dir;
    QByteArray m_previousConf;
    bool m_hadPreviousConf = false;
    QList<FixtureToken> m_tokens;
};

} // namespace hsm::test
