#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <p11-kit/pkcs11.h>

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
    // Creates a 32-byte generic secret HMAC key with this label and id on the token.
    bool generateHmacKey(const QString &tokenLabel, const QString &keyLabel,
                         QString *error = nullptr);
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
