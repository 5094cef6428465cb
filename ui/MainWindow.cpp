// SPDX-License-Identifier: Apache-2.0
#include "ui/MainWindow.h"

#include "core/client/HsmClient.h"
#include "core/pkcs11/CallTrace.h"
#include "core/token/DemoHsm.h"
#include "ui/ModuleLoader.h"
#include "ui/browser/ModuleBrowser.h"
#include "ui/calllog/CallLogDock.h"
#include "ui/fragments/FragmentsPage.h"
#include "ui/gateway/ProbePage.h"
#include "ui/objects/ObjectsPage.h"
#include "ui/token/LoginFlow.h"
#include "ui/wizard/FragmentWizard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace hsm::ui {
namespace {

constexpr char kWindowStateKey[] = "mainWindow/state";

// A full-width notice above the browser; fixed colours so it reads the same in any theme.
QLabel *newBanner(const QString &objectName, const QString &accessibleName,
                  const QString &styleSheet, QWidget *parent) {
    auto *banner = new QLabel(parent);
    banner->setObjectName(objectName);
    banner->setAccessibleName(accessibleName);
    banner->setWordWrap(true);
    banner->setTextFormat(Qt::PlainText);
    banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner->setStyleSheet(styleSheet);
    banner->hide();
    return banner;
}

} // namespace

MainWindow::MainWindow(HsmClient &client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_browser(new ModuleBrowser(client))
    , m_demoBanner(newBanner(QStringLiteral("demoBanner"), tr("Demo HSM notice"),
                             QStringLiteral("QLabel { background: #fff3cd; color: #664d03; "
                                            "border: 1px solid #ffda6a; padding: 6px; }"),
                             this))
    , m_errorBanner(newBanner(QStringLiteral("errorBanner"), tr("Error"),
                              QStringLiteral("QLabel { background: #f8d7da; color: #58151c; "
                                             "border: 1px solid #f1aeb5; padding: 6px; }"),
                              this))
    , m_moduleLabel(new QLabel(this))
    , m_pathLabel(new QLabel(this))
    , m_loginLabel(new QLabel(this))
    , m_waitingLabel(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_login(new LoginFlow(client, this))
    , m_loader(new ModuleLoader(client, this)) {
    setWindowTitle(tr("HSM Admin"));
    resize(1000, 650);

    m_demoBanner->setText(tr("Demo HSM (SoftHSMv2) – not for production; user PIN %1")
                              .arg(QString::fromLatin1(demoHsm::kUserPin)));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_browser, 1);
    setCentralWidget(central);

    m_moduleLabel->setObjectName(QStringLiteral("moduleSummary"));
    m_moduleLabel->setAccessibleName(tr("Module"));
    m_pathLabel->setObjectName(QStringLiteral("modulePath"));
    m_pathLabel->setAccessibleName(tr("Library path"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_loginLabel->setObjectName(QStringLiteral("loginState"));
    m_loginLabel->setAccessibleName(tr("Login state"));
    m_waitingLabel->setObjectName(QStringLiteral("waitingCall"));
    m_waitingLabel->setAccessibleName(tr("Waiting for the HSM"));
    m_waitingLabel->hide();
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->setRange(0, 0); // indeterminate: loading reports no progress
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    statusBar()->addWidget(m_moduleLabel, 1);
    statusBar()->addPermanentWidget(m_waitingLabel);
    statusBar()->addPermanentWidget(m_loginLabel);
    statusBar()->addPermanentWidget(m_pathLabel);
    statusBar()->addPermanentWidget(m_busy);

    // Hidden until asked for (View menu); restoreState() shows it if it was open last time.
    // Made after the central widget, so that Tab reaches it after the browser above it.
    m_callLog = new CallLogDock(client.trace(), this);
    addDockWidget(Qt::BottomDockWidgetArea, m_callLog);
    m_callLog->hide();

    createActions();
    restoreState(QSettings().value(QLatin1String(kWindowStateKey)).toByteArray());
    setBusy(false);
    showModule(nullptr);
    m_moduleLabel->setText(tr("No PKCS#11 library loaded."));

    connect(m_loader, &ModuleLoader::loadStarted, this, &MainWindow::showLoading);
    connect(m_loader, &ModuleLoader::loaded, this, [this](const ModuleInfo &module) {
        m_module = module;
        showModule(&*m_module);
    });
    connect(m_loader, &ModuleLoader::loadFailed, this, [this](const Error &error) {
        fail(error.kind == Error::Kind::Cancelled ? tr("Loading was cancelled.")
                                                  : error.toString());
    });
    connect(m_loader, &ModuleLoader::slotsRead, this, &MainWindow::showSlots);
    connect(m_loader, &ModuleLoader::slotsFailed, this, &MainWindow::slotsFailed);

    connect(m_browser, &ModuleBrowser::currentSlotChanged, this, [this] {
        m_login->setSlot(m_browser->currentSlot());
        if (m_fragmentsPage)
            m_fragmentsPage->setSlot(m_browser->currentSlot());
    });
    m_browser->objectsPage()->setLoginFlow(m_login);
    connect(m_login, &LoginFlow::stateChanged, this, &MainWindow::updateTokenActions);
    connect(m_login, &LoginFlow::loginChanged, m_browser->objectsPage(), &ObjectsPage::reload);
    connect(m_login, &LoginFlow::notice, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    updateTokenActions();

    // Every request runs on the worker, so the window never waits for the HSM; but when a
    // call takes long, say which one everything waits for.
    m_waitingPoll.setInterval(500);
    connect(&m_waitingPoll, &QTimer::timeout, this, &MainWindow::showWaitingCall);
    m_waitingPoll.start();
}

// Nothing here waits for the worker: a request still running (even a PKCS#11 call that never
// returns) is left to the client, whose destructor gives it a few seconds and then leaves the
// library loaded rather than unload it under the call.
MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings().setValue(QLatin1String(kWindowStateKey), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::showWaitingCall() {
    const std::optional<CallTrace::InFlight> call = m_client.trace()->inFlight();
    const qint64 elapsedMs = call ? (CallTrace::nowNs() - call->startNs) / 1000000 : 0;
    if (!call || elapsedMs < 1000) {
        m_waitingLabel->hide();
        return;
    }
    const qint64 timeoutMs = m_client.callTimeout().count();
    const QString function = QLatin1String(call->function);
    m_waitingLabel->setText(
        timeoutMs > 0 && elapsedMs >= timeoutMs
            ? tr("%1 has not answered for %2 s: its request was given up; the next ones wait "
                 "for the library.")
                  .arg(function)
                  .arg(elapsedMs / 1000)
            : tr("Waiting for the HSM: %1 (%2 s)…").arg(function).arg(elapsedMs / 1000));
    m_waitingLabel->show();
}

void MainWindow::createActions() {
    const auto icon = [this](const char *themeName, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(themeName), style()->standardIcon(fallback));
    };

    m_openAction =
        new QAction(icon("document-open", QStyle::SP_DialogOpenButton), tr("&Open Library…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Load a vendor's PKCS#11 library"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openLibraryDialog);

    m_demoAction =
        new QAction(icon("computer", QStyle::SP_ComputerIcon), tr("Use &Demo HSM"), this);
    m_demoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_demoAction->setStatusTip(tr("Load the built-in SoftHSMv2 demo HSM"));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::loadDemo);

    m_refreshAction =
        new QAction(icon("view-refresh", QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setStatusTip(tr("Re-initialize the library and read its slots again"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_quitAction =
        new QAction(icon("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_logInAction =
        new QAction(icon("dialog-password", QStyle::SP_DialogYesButton), tr("&Log In…"), this);
    m_logInAction->setObjectName(QStringLiteral("logInAction"));
    m_logInAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_logInAction->setStatusTip(tr("Log in to the selected token with its user PIN"));
    connect(m_logInAction, &QAction::triggered, m_login, &LoginFlow::logIn);

    m_logOutAction =
        new QAction(icon("system-log-out", QStyle::SP_DialogNoButton), tr("Log &Out"), this);
    m_logOutAction->setObjectName(QStringLiteral("logOutAction"));
    m_logOutAction->setStatusTip(tr("Log out of the selected token"));
    connect(m_logOutAction, &QAction::triggered, m_login, &LoginFlow::logOut);

    m_createKeyAction = new QAction(tr("&Create Key…"), this);
    m_createKeyAction->setObjectName(QStringLiteral("createKeyAction"));
    m_createKeyAction->setStatusTip(tr("Create an HMAC-SHA256 secret key on the selected token"));
    connect(m_createKeyAction, &QAction::triggered, m_browser->objectsPage(),
            &ObjectsPage::createKey);

    m_checkKeyAction = new QAction(tr("Chec&k Key…"), this);
    m_checkKeyAction->setObjectName(QStringLiteral("checkKeyAction"));
    m_checkKeyAction->setStatusTip(
        tr("Check that a secret key exists once and computes HMAC-SHA256"));
    connect(m_checkKeyAction, &QAction::triggered, m_browser->objectsPage(),
            &ObjectsPage::checkKey);

    m_fragmentAction =
        new QAction(icon("document-new", QStyle::SP_FileIcon), tr("&New Customer Fragment…"), this);
    m_fragmentAction->setObjectName(QStringLiteral("newFragmentAction"));
    m_fragmentAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_fragmentAction->setStatusTip(
        tr("Generate a customer fragment, verify it through the HSM and add it to "
           "customer_fragments.json"));
    connect(m_fragmentAction, &QAction::triggered, this, &MainWindow::newCustomerFragment);

    m_fragmentsAction = new QAction(tr("Customer &Fragments…"), this);
    m_fragmentsAction->setObjectName(QStringLiteral("customerFragmentsAction"));
    m_fragmentsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_fragmentsAction->setStatusTip(tr("Open a customer_fragments.json: list its entries, show "
                                       "fingerprints and rotate KEKs"));
    connect(m_fragmentsAction, &QAction::triggered, this, &MainWindow::showCustomerFragments);

    m_probeAction = new QAction(tr("&Probe Gateway…"), this);
    m_probeAction->setObjectName(QStringLiteral("probeGatewayAction"));
    m_probeAction->setStatusTip(
        tr("Check that a deployed gateway answers on its ports and /health"));
    connect(m_probeAction, &QAction::triggered, this, &MainWindow::probeGateway);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_fragmentAction);
    file->addAction(m_fragmentsAction);
    file->addSeparator();
    file->addAction(m_openAction);
    file->addAction(m_demoAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addSeparator();
    QAction *callLogAction = m_callLog->toggleViewAction();
    callLogAction->setObjectName(QStringLiteral("callLogAction"));
    callLogAction->setText(tr("Call &Log"));
    callLogAction->setStatusTip(
        tr("Show every PKCS#11 call made to the library, with its return value and duration"));
    view->addAction(callLogAction);
    QMenu *hsmMenu = menuBar()->addMenu(tr("&HSM"));
    hsmMenu->addAction(m_logInAction);
    hsmMenu->addAction(m_logOutAction);
    hsmMenu->addSeparator();
    hsmMenu->addAction(m_createKeyAction);
    hsmMenu->addAction(m_checkKeyAction);
    QMenu *gatewayMenu = menuBar()->addMenu(tr("&Gateway"));
    gatewayMenu->addAction(m_probeAction);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setAccessibleName(tr("Main toolbar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_demoAction);
    toolBar->addAction(m_refreshAction);
    toolBar->addSeparator();
    toolBar->addAction(m_logInAction);
    toolBar->addAction(m_logOutAction);
    toolBar->addSeparator();
    toolBar->addAction(m_fragmentAction);
}

void MainWindow::loadLibrary(const QString &path) {
    m_loader->load(path);
}

void MainWindow::loadDemo() {
    m_loader->loadDemo();
}

void MainWindow::refresh() {
    // Keep showing the current slots until the new ones arrive.
    m_errorBanner->hide();
    setBusy(true);
    m_moduleLabel->setText(tr("Re-initializing the library…"));
    m_loader->reload();
}

void MainWindow::openLibraryDialog() {
    m_loader->chooseLibrary();
}

void MainWindow::probeGateway() {
    if (!m_probeDialog) {
        // Not modal: the probe is about a gateway elsewhere, the window stays usable.
        m_probeDialog = new QDialog(this);
        m_probeDialog->setObjectName(QStringLiteral("probeDialog"));
        m_probeDialog->setWindowTitle(tr("Probe Gateway"));
        auto *layout = new QVBoxLayout(m_probeDialog);
        layout->addWidget(new ProbePage(m_probeDialog));
        m_probeDialog->resize(640, 420);
    }
    m_probeDialog->show();
    m_probeDialog->raise();
    m_probeDialog->activateWindow();
}

void MainWindow::showCustomerFragments() {
    if (!m_fragmentsPage) {
        // Its own window, not modal: the token is chosen and logged in to here.
        m_fragmentsPage = new FragmentsPage(m_client, m_login, this);
        m_fragmentsPage->setWindowFlag(Qt::Window);
        const QString last =
            QSettings().value(QLatin1String(FragmentWizard::kLastFragmentsFileKey)).toString();
        if (!last.isEmpty() && QFileInfo::exists(last))
            m_fragmentsPage->openFile(last);
    }
    m_fragmentsPage->setSlot(m_browser->currentSlot());
    m_fragmentsPage->show();
    m_fragmentsPage->raise();
    m_fragmentsPage->activateWindow();
}

void MainWindow::newCustomerFragment() {
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    // The wizard works on this window's client: it starts with the module loaded here, and
    // a library it loads replaces this one.
    m_wizard = new FragmentWizard(m_client, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &FragmentWizard::libraryChanged, this,
            [this](const Result<ModuleInfo> &outcome) {
                // As if loaded here: the same handling of success and failure.
                m_loader->adopt(outcome);
                showLoading(tr("Reading the library the wizard loaded…"));
            });
    connect(m_wizard, &FragmentWizard::fragmentSaved, this,
            [this](const QString &path, const QString &name) {
                statusBar()->showMessage(tr("Added the fragment '%1' to %2.").arg(name, path),
                                         15000);
            });
    // The wizard may have logged in or created a key: show the token as it is now.
    connect(m_wizard, &QDialog::finished, this, [this] {
        m_login->setSlot(m_browser->currentSlot());
        m_browser->objectsPage()->reload();
    });
    m_wizard->open(); // window-modal without a nested event loop
}

void MainWindow::showLoading(const QString &what) {
    // Loading replaces the module right away; what the browser shows is gone.
    m_module.reset();
    m_browser->clear();
    showModule(nullptr);
    m_errorBanner->hide();
    setBusy(true);
    m_moduleLabel->setText(what);
}

void MainWindow::showSlots(const QList<SlotInfo> &slots) {
    m_browser->showInventory(*m_module, slots);
    setBusy(false);
    Q_EMIT inventoryLoaded();
}

void MainWindow::slotsFailed(const Error &error) {
    if (error.kind == Error::Kind::Cancelled) {
        fail(tr("Reading the slots was cancelled."));
        return;
    }
    // The module is still loaded: Refresh may well succeed.
    setBusy(false);
    showError(tr("Could not read the slots: %1").arg(error.toString()), error.toString());
}

void MainWindow::fail(const QString &message) {
    // A failed load or re-initialize leaves no module loaded.
    m_module.reset();
    setBusy(false);
    m_browser->clear();
    showModule(nullptr);
    m_moduleLabel->setText(tr("No PKCS#11 library loaded."));
    showError(tr("Could not load the PKCS#11 library: %1").arg(message), message);
}

void MainWindow::showError(const QString &banner, const QString &message) {
    m_errorBanner->setText(banner);
    m_errorBanner->show();
    m_loader->showLoadFailure(message);
    Q_EMIT loadFailed(message);
}

void MainWindow::setBusy(bool busy) {
    m_busy->setVisible(busy);
    m_openAction->setEnabled(!busy);
    m_demoAction->setEnabled(!busy);
    m_refreshAction->setEnabled(!busy && m_module.has_value());
    m_fragmentAction->setEnabled(!busy);
    updateTokenActions();
}

void MainWindow::updateTokenActions() {
    if (!m_logInAction)
        return; // still constructing
    const bool token = m_busy->isHidden() && m_login->hasToken();
    m_logInAction->setEnabled(token && !m_login->isLoggedIn());
    m_logOutAction->setEnabled(token && m_login->isLoggedIn());
    m_createKeyAction->setEnabled(token);
    m_checkKeyAction->setEnabled(token);
    m_loginLabel->setText(m_login->statusText());
    m_loginLabel->setVisible(!m_loginLabel->text().isEmpty());
}

void MainWindow::showModule(const ModuleInfo *module) {
    m_demoBanner->setVisible(module && module->demo);
    m_moduleLabel->setText(module ? module->summary() : QString());
    m_pathLabel->setText(module ? module->path : QString());
    setWindowTitle(module ? tr("%1 – HSM Admin").arg(QFileInfo(module->path).fileName())
                          : tr("HSM Admin"));
}

} // namespace hsm::ui
