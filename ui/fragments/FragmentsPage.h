// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/client/HsmClient.h"
#include "core/token/SlotInfo.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLineEdit;
class QPushButton;
class QTableView;

namespace hsm::ui {

class FragmentTableModel;
class LoginFlow;
class RotateKekDialog;
class StatusLine;

// The Customer Fragments window: a customer_fragments.json opened and listed (ids, names,
// types as written, key labels, wrap algorithms, descriptions; never a value), one entry's
// fingerprint on demand, and the KEK rotation of an hsm_wrap_encrypt entry. HSM work runs
// on the client's worker for the token chosen in the main window, logging in through
// `login` when the token asks for it.
class FragmentsPage : public QWidget {
    Q_OBJECT
public:
    FragmentsPage(HsmClient &client, LoginFlow *login, QWidget *parent = nullptr);
    ~FragmentsPage() override;

    // The token that HSM work goes to (nullptr: none chosen).
    void setSlot(const SlotInfo *slot);
    // Reads `path` and lists it; a file that does not parse is one line, and the list is
    // left empty.
    void openFile(const QString &path);
    QString path() const { return m_path; }
    FragmentTableModel *model() const { return m_model; }

public Q_SLOTS:
    void chooseFile();
    void reload();
    void showFingerprint();
    void rotateKek();

private:
    const CustomerFragment *selected() const;
    void fingerprintDerived();
    void openRotateDialog(const CustomerFragment &fragment);
    void updateControls();

    HsmClient &m_client;
    QPointer<LoginFlow> m_login;
    std::optional<SlotInfo> m_slot;
    QString m_path;
    QLineEdit *m_pathEdit;
    QPushButton *m_open;
    QPushButton *m_reload;
    QTableView *m_table;
    FragmentTableModel *m_model;
    QPushButton *m_fingerprint;
    QPushButton *m_rotate;
    StatusLine *m_status;
    QPointer<RotateKekDialog> m_rotateDialog;
    QString m_deriving; // the id whose fingerprint is being derived
    QFutureWatcher<Result<HsmClient::Derived>> m_deriveWatcher;
    QMetaObject::Connection m_afterLogin;
};

} // namespace hsm::ui
