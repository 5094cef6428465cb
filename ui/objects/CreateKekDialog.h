// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/ObjectInfo.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class LoginFlow;

// Creates a key-encryption key (KEK) for hsm_wrap_encrypt fragments on a token: an RSA key
// pair of 2048, 3072 or 4096 bits, or an AES-256 key, under a label no key has yet
// (keyEncryption::create). Stays open on failure with the reason; emits kekCreated() and
// closes on success. A token found logged out asks for the PIN through `login`.
class CreateKekDialog : public QDialog {
    Q_OBJECT
public:
    CreateKekDialog(HsmClient &client, CK_SLOT_ID slot, const QString &tokenName, LoginFlow *login,
                    QWidget *parent = nullptr);

    static constexpr char kDefaultLabel[] = "akeyless_kek";

Q_SIGNALS:
    void kekCreated(const hsm::ObjectInfo &key);

private:
    void create();
    void showCreated();
    void showError(const QString &message);
    void setBusy(bool busy);

    HsmClient &m_client;
    QPointer<LoginFlow> m_login;
    CK_SLOT_ID m_slot;
    QLineEdit *m_label;
    QComboBox *m_kind;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
    QFutureWatcher<Result<ObjectInfo>> m_createWatcher;
};

} // namespace hsm::ui
