// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/ObjectInfo.h"
#include "core/token/SecretKeys.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class CreateKeyDialog;
class LoginFlow;
class ObjectFilterProxyModel;
class ObjectTableModel;

// The Objects tab: the selected token's objects, read on the worker and shown as they
// arrive, with a filter, a cancellable progress bar, the selected object's attributes,
// and the secret-key actions (create, check).
class ObjectsPage : public QWidget {
    Q_OBJECT
public:
    explicit ObjectsPage(HsmClient &client, QWidget *parent = nullptr);
    ~ObjectsPage() override;

    // Lists the objects of the token in `slot` (named `tokenName` in dialogs), cancelling a
    // listing in flight; std::nullopt empties the page.
    void showSlot(std::optional<CK_SLOT_ID> slot, const QString &tokenName = QString());
    // The login of the token shown: a request that finds it logged out asks for the PIN
    // through it and runs again after the login.
    void setLoginFlow(LoginFlow *login);

    // The listing in flight or last made; for tests.
    QFuture<Result<QList<ObjectInfo>>> listing() const { return m_listWatcher.future(); }
    bool isLoading() const { return m_loading; }

public Q_SLOTS:
    // Lists the same token again (after a login, logout or a new key).
    void reload();
    void cancelLoading();
    // Opens the Create Key dialog for the token.
    void createKey();
    // Asks for a label (the selected secret key's, else the demo's) and checks that key.
    void checkKey();
    void checkKeyLabelled(const QString &label);

Q_SIGNALS:
    // A listing ended: finished, failed or cancelled.
    void loadingFinished();

private:
    void appendResults(int begin, int end);
    void listingFinished();
    // The listing ended (finished, failed or cancelled): back to idle.
    void endListing();
    void showSelectedObject();
    void showDetails();
    void showKeyCheck();
    void updateStatus();
    void updateButtons();
    QString selectedSecretKeyLabel() const;

    HsmClient &m_client;
    QPointer<LoginFlow> m_login;
    std::optional<CK_SLOT_ID> m_slot;
    QString m_tokenName;
    ObjectTableModel *m_model;
    ObjectFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QPushButton *m_reload;
    QPushButton *m_createKey;
    QPushButton *m_checkKey;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QTableView *m_table;
    QTreeWidget *m_details;
    QLabel *m_status;
    QLabel *m_keyCheck;
    bool m_loading = false;
    QString m_listError;
    std::optional<Error> m_listFailure;
    bool m_waitingForLogin = false; // the listing runs again after a login in progress
    quint64 m_listingNumber = 0;    // counts listings, so that a late answer finds its own
    QString m_checkedLabel;         // of the key check in flight
    QPointer<CreateKeyDialog> m_createDialog;
    QFutureWatcher<Result<QList<ObjectInfo>>> m_listWatcher;
    QFutureWatcher<Result<QList<AttributeValue>>> m_detailsWatcher;
    QFutureWatcher<Result<KeyCheckReport>> m_checkWatcher;
};

} // namespace hsm::ui
