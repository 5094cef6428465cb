// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/SecretKeys.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class LoginFlow;

// Creates an HMAC secret key on a token: label, type (only those the token can generate),
// size and an optional id. It stays open on failure with the reason; it emits keyCreated()
// and closes on success. A token found logged out asks for the PIN through `login` (if
// given) and the key is then created.
class CreateKeyDialog : public QDialog {
    Q_OBJECT
public:
    CreateKeyDialog(HsmClient &client, CK_SLOT_ID slot, const QString &tokenName, LoginFlow *login,
                    QWidget *parent = nullptr);

Q_SIGNALS:
    void keyCreated(const hsm::ObjectInfo &key);

private:
    void showKinds();
    void create();
    void showCreated();
    void showError(const QString &message);
    void setBusy(bool busy);

    HsmClient &m_client;
    QPointer<LoginFlow> m_login;
    CK_SLOT_ID m_slot;
    QLineEdit *m_label;
    QComboBox *m_kind;
    QSpinBox *m_bytes;
    QLineEdit *m_id;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_haveKinds = false;
    bool m_busy = false;
    QFutureWatcher<Result<QList<SecretKeyKind>>> m_kindsWatcher;
    QFutureWatcher<Result<ObjectInfo>> m_createWatcher;
};

} // namespace hsm::ui
