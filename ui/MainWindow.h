// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/ModuleInfo.h"
#include "core/token/SlotInfo.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <optional>

class QAction;
class QDialog;
class QLabel;
class QProgressBar;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class CallLogDock;
class FragmentsPage;
class FragmentWizard;
class LoginFlow;
class ModuleBrowser;
class ModuleLoader;

// The main window: loads a module through the client, without ever blocking, and shows
// what it offers in the browser; logs in to the selected token and manages its keys.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(HsmClient &client, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The client every request of this window goes through (e.g. for its call timeout).
    HsmClient &client() const { return m_client; }

public Q_SLOTS:
    // Each loads asynchronously; inventoryLoaded() or loadFailed() tells how it went.
    void loadLibrary(const QString &path);
    void loadDemo();
    // C_Finalize + C_Initialize, then reads the slots again: SoftHSM, for one, only shows
    // tokens created by others after that.
    void refresh();
    void openLibraryDialog();
    // Opens the customer fragment wizard on this window's client and module.
    void newCustomerFragment();
    // Opens the Customer Fragments window (list, fingerprints, KEK rotation).
    void showCustomerFragments();
    // Opens the gateway probe in its own window.
    void probeGateway();

    CallLogDock *callLog() const { return m_callLog; }

Q_SIGNALS:
    // The module loaded and its slots are shown.
    void inventoryLoaded();
    void loadFailed(const QString &message);

protected:
    // Remembers the docks and toolbars (QSettings) for the next start.
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    // A load has started: what the browser showed is gone.
    void showLoading(const QString &what);
    void showSlots(const QList<SlotInfo> &slots);
    void slotsFailed(const Error &error);
    // The load failed and no module is loaded any more.
    void fail(const QString &message);
    // Shows `banner` above the browser and `message` in the Open dialog, if open.
    void showError(const QString &banner, const QString &message);
    void setBusy(bool busy);
    void showModule(const ModuleInfo *module);
    // Enables the token actions for the selected token and shows its login state.
    void updateTokenActions();
    // Names the PKCS#11 call the worker has been waiting for, if it takes long.
    void showWaitingCall();

    HsmClient &m_client;
    ModuleBrowser *m_browser;
    QLabel *m_demoBanner;
    QLabel *m_errorBanner;
    QLabel *m_moduleLabel;
    QLabel *m_pathLabel;
    QLabel *m_loginLabel;
    QLabel *m_waitingLabel;
    QTimer m_waitingPoll;
    QProgressBar *m_busy;
    CallLogDock *m_callLog = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_logInAction = nullptr;
    QAction *m_logOutAction = nullptr;
    QAction *m_createKeyAction = nullptr;
    QAction *m_checkKeyAction = nullptr;
    QAction *m_fragmentAction = nullptr;
    LoginFlow *m_login;
    ModuleLoader *m_loader;
    QPointer<FragmentWizard> m_wizard;
    QPointer<FragmentsPage> m_fragmentsPage;
    QAction *m_fragmentsAction = nullptr;
    QPointer<QDialog> m_probeDialog;
    QAction *m_probeAction = nullptr;
    std::optional<ModuleInfo> m_module;
};

} // namespace hsm::ui
