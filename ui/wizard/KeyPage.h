// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/KeyEncryption.h"
#include "core/token/ObjectInfo.h"
#include "core/token/SecretKeys.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class CreateKekDialog;
class CreateKeyDialog;
class LoginFlow;
class StatusLine;
struct FragmentWizardState;

// The wizard's second page: the token's secret keys, each checked on the worker the way the
// gateway will use it (exactly one key under the label, HMAC-SHA256 in the HSM), with the
// outcome in plain words; or a new key. Complete when a key that passed is chosen.
// For hsm_wrap_encrypt it lists the key-encryption keys instead (RSA key pairs and AES
// keys), each checked with encrypt/decrypt round trips, and offers the wrap algorithms
// that worked with the chosen one on this module.
class KeyPage : public QWizardPage {
    Q_OBJECT
public:
    // A check that finds the token logged out asks for the PIN through `login`, then checks
    // again.
    KeyPage(HsmClient &client, FragmentWizardState &state, LoginFlow *login,
            QWidget *parent = nullptr);
    ~KeyPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    struct Check {
        bool done = false;
        bool passed = false;
        QString words;       // the verdict or the reason it failed
        QStringList works;   // KEKs: the algorithms whose round trip worked
        QStringList refused; // KEKs: "aes-cbc: why"
    };

    void reload();
    void stop();
    void appendKeys(int begin, int end);
    void listingFinished();
    void checkNext();
    void checkFinished();
    void kekCheckFinished();
    void recordCheck(Check check);
    bool kekMode() const;
    void modeChanged();
    void showAlgorithms();
    // A listing or check failed with `error`: asks for the PIN again if that is why (and
    // returns true); every key is read and checked again after the login.
    bool reloginFor(const Error &error);
    void showCheck(const QString &label);
    void selectPreferred();
    void showSelection();
    void createKey();
    void createKek();
    QString selectedLabel() const;
    bool isBusy() const;
    void updateControls();

    HsmClient &m_client;
    FragmentWizardState &m_state;
    QPointer<LoginFlow> m_login;
    QRadioButton *m_hmacMode;
    QRadioButton *m_kekMode;
    QLabel *m_listLabel;
    QTreeWidget *m_keys;
    QLabel *m_algorithmLabel;
    QComboBox *m_algorithm;
    QLabel *m_algorithmNote;
    QLabel *m_verdict;
    QPushButton *m_reload;
    QPushButton *m_createKey;
    StatusLine *m_status;
    QPointer<CreateKeyDialog> m_createDialog;
    QPointer<CreateKekDialog> m_createKekDialog;
    QString m_preferred; // the label to select once it has passed
    QString m_listError;
    std::optional<Error> m_listFailure;
    QStringList m_toCheck; // labels waiting for their check, in list order
    QString m_checking;    // the label being checked
    QHash<QString, Check> m_checks;
    QFutureWatcher<Result<QList<ObjectInfo>>> m_listWatcher;
    QFutureWatcher<Result<KeyCheckReport>> m_checkWatcher;
    QFutureWatcher<Result<KekCheckReport>> m_kekWatcher;
};

} // namespace hsm::ui
