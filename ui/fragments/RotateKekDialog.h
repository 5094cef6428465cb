// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/client/HsmClient.h"
#include "core/fragment/CustomerFragment.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hsm::ui {

class LoginFlow;

// KEK rotation of one hsm_wrap_encrypt entry (fragmentEncryption::rewrap): the new KEK from
// the token's KEKs and an algorithm that works with it on this module; the fragment is
// decrypted and encrypted again in the HSM, and the entry is rewritten atomically with a
// .bak only when the fingerprints before and after are equal. Anything else is one line
// and leaves the file as it was.
class RotateKekDialog : public QDialog {
    Q_OBJECT
public:
    RotateKekDialog(HsmClient &client, CK_SLOT_ID slot, QString path, CustomerFragment fragment,
                    LoginFlow *login, QWidget *parent = nullptr);
    ~RotateKekDialog() override;

Q_SIGNALS:
    // The entry `id` of `path` now holds the fragment under its new KEK.
    void rotated(const QString &path, const QString &id);

private:
    void listKeks();
    void keksListed();
    void checkKek();
    void kekChecked();
    void rotate();
    void rewrapped();
    void showError(const QString &message);
    void showNote(const QString &message);
    void setBusy(bool busy);

    HsmClient &m_client;
    CK_SLOT_ID m_slot;
    QString m_path;
    CustomerFragment m_fragment;
    QPointer<LoginFlow> m_login;
    QComboBox *m_kek;
    QComboBox *m_algorithm;
    QLabel *m_algorithmNote;
    QLineEdit *m_before;
    QLineEdit *m_after;
    QLabel *m_message;
    QPushButton *m_rotate;
    QPushButton *m_close;
    bool m_busy = false;
    bool m_done = false;
    QFutureWatcher<Result<QList<ObjectInfo>>> m_listWatcher;
    QFutureWatcher<Result<KekCheckReport>> m_checkWatcher;
    QFutureWatcher<Result<fragmentEncryption::Rewrapped>> m_rewrapWatcher;
};

} // namespace hsm::ui
