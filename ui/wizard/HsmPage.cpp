// SPDX-License-Identifier: Apache-2.0
#include "ui/wizard/HsmPage.h"

#include "core/client/FutureResult.h"
#include "core/client/HsmClient.h"
#include "core/gateway/GatewayConfig.h"
#include "core/gateway/GatewayImport.h"
#include "core/token/DemoHsm.h"
#include "core/token/TokenSelector.h"
#include "ui/token/LoginFlow.h"
#include "ui/token/TokenSelectorWidget.h"
#include "ui/wizard/FragmentWizardState.h"
#include "ui/wizard/GatewayImportDialog.h"
#include "ui/wizard/StatusLine.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hsm::ui {

HsmPage::HsmPage(HsmClient &client, FragmentWizardState &state, LoginFlow *login, QWidget *parent)
    : QWizardPage(parent)
    , m_client(client)
    , m_state(state)
    , m_libraryPath(new QLineEdit(this))
    , m_moduleSummary(new QLabel(this))
    , m_chooseLibrary(new QPushButton(tr("C&hoose Library…"), this))
    , m_useDemo(new QPushButton(tr("Use &Demo HSM"), this))
    , m_import(new QPushButton(tr("I&mport Gateway Settings…"), this))
    , m_importNote(new QLabel(this))
    , m_selector(new TokenSelectorWidget(this))
    , m_loginState(new QLabel(this))
    , m_logIn(new QPushButton(tr("&Log In…"), this))
    , m_status(new StatusLine(QStringLiteral("hsmStatus"), tr("HSM status"), this))
    , m_login(login)
    , m_loader(new ModuleLoader(client, this)) {
    setTitle(tr("HSM and Token"));
    setSubTitle(tr("Choose the PKCS#11 library and the token the gateway will use, and log in "
                   "to it."));

    auto *pathLabel = new QLabel(tr("Library:"), this);
    pathLabel->setBuddy(m_libraryPath);
    m_libraryPath->setObjectName(QStringLiteral("libraryPath"));
    m_libraryPath->setAccessibleName(tr("Loaded library"));
    m_libraryPath->setReadOnly(true);
    m_libraryPath->setPlaceholderText(tr("No library loaded"));
    m_libraryPath->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_moduleSummary->setObjectName(QStringLiteral("moduleSummary"));
    m_moduleSummary->setAccessibleName(tr("Loaded module"));
    m_moduleSummary->setTextFormat(Qt::PlainText);
    m_moduleSummary->setWordWrap(true);
    m_chooseLibrary->setObjectName(QStringLiteral("chooseLibrary"));
    m_chooseLibrary->setAccessibleName(tr("Choose a PKCS#11 library"));
    m_useDemo->setObjectName(QStringLiteral("useDemo"));
    m_useDemo->setAccessibleName(tr("Use the demo HSM"));
    m_import->setObjectName(QStringLiteral("importSettings"));
    m_import->setAccessibleName(tr("Import gateway settings"));
    m_importNote->setObjectName(QStringLiteral("importNote"));
    m_importNote->setAccessibleName(tr("What was imported"));
    m_importNote->setTextFormat(Qt::PlainText);
    m_importNote->setWordWrap(true);
    m_importNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_importNote->hide();

    auto *library = new QGroupBox(tr("PKCS#11 library"), this);
    auto *libraryLayout = new QGridLayout(library);
    libraryLayout->addWidget(pathLabel, 0, 0);
    libraryLayout->addWidget(m_libraryPath, 0, 1);
    libraryLayout->addWidget(m_moduleSummary, 1, 1);
    auto *libraryButtons = new QHBoxLayout;
    libraryButtons->addWidget(m_chooseLibrary);
    libraryButtons->addWidget(m_useDemo);
    libraryButtons->addStretch(1);
    libraryButtons->addWidget(m_import);
    libraryLayout->addLayout(libraryButtons, 2, 0, 1, 2);
    libraryLayout->addWidget(m_importNote, 3, 0, 1, 2);
    libraryLayout->setColumnStretch(1, 1);

    m_loginState->setObjectName(QStringLiteral("loginState"));
    m_loginState->setAccessibleName(tr("Login state"));
    m_loginState->setTextFormat(Qt::PlainText);
    m_logIn->setObjectName(QStringLiteral("logIn"));
    m_logIn->setAccessibleName(tr("Log in to the chosen token"));

    auto *token = new QGroupBox(tr("Token"), this);
    auto *tokenLayout = new QVBoxLayout(token);
    tokenLayout->addWidget(m_selector, 1);
    auto *loginRow = new QHBoxLayout;
    loginRow->addWidget(m_loginState, 1);
    loginRow->addWidget(m_logIn);
    tokenLayout->addLayout(loginRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(library);
    layout->addWidget(token, 1);
    layout->addWidget(m_status);
    setTabOrder(m_chooseLibrary, m_useDemo);
    setTabOrder(m_useDemo, m_import);
    setTabOrder(m_import, m_selector);
    setTabOrder(m_selector, m_logIn);

    connect(m_chooseLibrary, &QPushButton::clicked, m_loader, &ModuleLoader::chooseLibrary);
    connect(m_useDemo, &QPushButton::clicked, m_loader, &ModuleLoader::loadDemo);
    connect(m_import, &QPushButton::clicked, this, &HsmPage::importSettings);
    connect(m_logIn, &QPushButton::clicked, m_login, &LoginFlow::logIn);
    connect(m_selector, &TokenSelectorWidget::tokenChosen, this,
            [this](const SlotInfo &slot) { useSlot(slot); });
    connect(m_login, &LoginFlow::stateChanged, this, &HsmPage::updateControls);
    connect(m_login, &LoginFlow::notice, m_status, &StatusLine::showNote);
    connect(m_loader, &ModuleLoader::loadStarted, this, &HsmPage::showLoading);
    connect(m_loader, &ModuleLoader::loaded, this, &HsmPage::moduleLoaded);
    connect(m_loader, &ModuleLoader::loadFailed, this, &HsmPage::loadFailed);
    connect(m_loader, &ModuleLoader::slotsRead, this, &HsmPage::slotsRead);
    connect(m_loader, &ModuleLoader::slotsFailed, this, [this](const Error &error) {
        if (error.kind == Error::Kind::Cancelled)
            return;
        m_status->showError(tr("Could not read the slots: %1").arg(error.toString()));
        updateControls();
    });
    connect(&m_selectWatcher, &QFutureWatcherBase::finished, this, &HsmPage::importedTokenSelected);
    updateControls();
}

HsmPage::~HsmPage() {
    m_loader->cancel();
    m_selectWatcher.cancel();
}

void HsmPage::initializePage() {
    if (m_asked)
        return;
    // Start with what the client (the main window's) has loaded already, if anything.
    m_asked = true;
    m_status->showBusy(tr("Looking for a loaded library…"));
    m_loader->findLoaded();
    updateControls();
}

bool HsmPage::isComplete() const {
    return !isBusy() && m_module && m_selector->currentSlot() && m_login->hasToken() &&
           m_login->isLoggedIn();
}

bool HsmPage::validatePage() {
    if (!isComplete())
        return false;
    const std::optional<SlotInfo> slot = m_selector->currentSlot();
    if (m_state.slot && m_state.slot->id != slot->id)
        m_state.keyLabel.clear(); // another token: its keys are others
    m_state.module = m_module;
    m_state.slot = slot;
    m_state.tokenMode = m_selector->mode();
    return true;
}

void HsmPage::showLoading(const QString &what) {
    m_selectWatcher.cancel();
    clearModule();
    m_status->showBusy(what);
    updateControls();
}

void HsmPage::moduleLoaded(const ModuleInfo &module, ModuleLoader::Request request) {
    m_module = module;
    if (request == ModuleLoader::Request::Load)
        Q_EMIT libraryChanged(module);
    m_libraryPath->setText(m_module->path);
    m_moduleSummary->setText(
        m_module->demo ? tr("%1 — the demo HSM, not for production; user PIN %2")
                             .arg(m_module->summary(), QString::fromLatin1(demoHsm::kUserPin))
                       : m_module->summary());
    m_status->showBusy(tr("Reading the slots…"));
    updateControls();
}

void HsmPage::loadFailed(const Error &error, ModuleLoader::Request request) {
    if (error.kind == Error::Kind::Cancelled) {
        m_status->showError(tr("Loading was cancelled."));
        updateControls();
        return;
    }
    clearModule();
    if (request == ModuleLoader::Request::Query && error.kind == Error::Kind::NotLoaded) {
        m_status->showNote(tr("No PKCS#11 library is loaded yet: choose one, use the demo HSM, "
                              "or import the gateway's settings."));
    } else {
        m_status->showError(tr("Could not load the PKCS#11 library: %1").arg(error.toString()));
        m_loader->showLoadFailure(error.toString());
    }
    if (request == ModuleLoader::Request::Load)
        Q_EMIT libraryChanged(error);
    updateControls();
}

void HsmPage::slotsRead(const QList<SlotInfo> &slots) {
    m_status->clear();
    m_selector->setSlots(slots);
    if (m_importedToken) {
        selectImportedToken();
        return;
    }
    if (!m_selector->currentSlot()) {
        if (const std::optional<CK_SLOT_ID> preferred = preferredSlot(slots))
            m_selector->setCurrentSlot(*preferred);
    }
    useSlot(m_selector->currentSlot());
    if (!m_selector->currentSlot())
        m_status->showNote(tr("Choose the token in the list."));
}

std::optional<CK_SLOT_ID> HsmPage::preferredSlot(const QList<SlotInfo> &slots) const {
    // The token chosen before (back from a later page), else the only one, else the demo's.
    QList<SlotInfo> initialized;
    for (const SlotInfo &slot : slots) {
        if (slot.token && slot.token->has(CKF_TOKEN_INITIALIZED))
            initialized.append(slot);
    }
    for (const SlotInfo &slot : initialized) {
        if (m_state.slot && slot.id == m_state.slot->id)
            return slot.id;
    }
    if (initialized.size() == 1)
        return initialized.first().id;
    for (const SlotInfo &slot : initialized) {
        if (m_module && m_module->demo && slot.token->label == QLatin1String(demoHsm::kTokenLabel))
            return slot.id;
    }
    return std::nullopt;
}

void HsmPage::useSlot(const std::optional<SlotInfo> &slot) {
    m_login->setSlot(slot ? &*slot : nullptr);
    updateControls();
}

void HsmPage::importSettings() {
    auto *dialog = new GatewayImportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GatewayImportDialog::imported, this, &HsmPage::applyImport);
    dialog->open();
}

void HsmPage::applyImport(const GatewayImport &imported) {
    const GatewayConfig &config = imported.config;
    QStringList used;
    if (!config.libraryPath.isEmpty())
        used << QStringLiteral("PKCS11_LIB_PATH=%1").arg(config.libraryPath);
    used << imported.tokenAssignments();
    used << QStringLiteral("HSM_USE_RAND=%1")
                .arg(config.useRand ? QStringLiteral("true") : QStringLiteral("false"));
    m_state.useRand = config.useRand;
    if (!config.fragmentsPath.isEmpty()) {
        m_state.fragmentsPath = config.fragmentsPath;
        used << tr("the fragments file %1").arg(config.fragmentsPath);
    }
    if (!config.accessId.isEmpty() && config.accessId != GatewayConfig().accessId) {
        m_state.accessId = config.accessId;
        used << QStringLiteral("ADMIN_ACCESS_ID=%1").arg(config.accessId);
    }
    QString note = tr("Imported: %1.").arg(used.join(QStringLiteral(", ")));
    if (config.fragmentsInline)
        note += QLatin1Char('\n') + tr("The settings carry CUSTOMER_FRAGMENTS inline; this wizard "
                                       "writes a fragments file to mount instead.");
    note += QLatin1Char('\n') +
            (imported.unused.isEmpty()
                 ? tr("Everything in the settings was used.")
                 : tr("Not used: %1.").arg(imported.unused.join(QStringLiteral("; "))));
    m_importNote->setText(note);
    m_importNote->show();

    m_importedToken.reset();
    if (!imported.token.isEmpty()) {
        // Spaces around a value as written are no part of the token's identifier.
        TokenSelection selection = imported.token;
        for (TokenSelection::Identifier *id :
             {&selection.slot, &selection.label, &selection.serial})
            id->value = id->value.trimmed();
        m_importedToken = selection;
        m_importedMode = config.tokenMode;
    }

    if (!config.libraryPath.isEmpty() && (!m_module || m_module->path != config.libraryPath)) {
        m_loader->load(config.libraryPath);
    } else if (!m_module) {
        m_status->showError(tr("The imported settings name no library (PKCS11_LIB_PATH): choose "
                               "one or use the demo HSM."));
    } else if (m_importedToken && !m_loader->isBusy()) {
        selectImportedToken();
    }
}

void HsmPage::selectImportedToken() {
    m_status->showBusy(tr("Finding the imported token…"));
    m_selectWatcher.setFuture(m_client.selectToken(*m_importedToken));
    updateControls();
}

void HsmPage::importedTokenSelected() {
    const Result<SlotInfo> slot = finishedResult(m_selectWatcher.future());
    if (slot.isCancelled())
        return;
    m_importedToken.reset();
    if (!slot) {
        m_status->showError(
            tr("The imported token was not found: %1; choose the token in the list.")
                .arg(slot.error().toString()));
        useSlot(m_selector->currentSlot());
        return;
    }
    m_selector->setCurrentSlot(slot->id);
    m_selector->setMode(m_importedMode);
    m_status->showSuccess(tr("Selected %1 as the imported settings name it.")
                              .arg(TokenSelector::describe(slot.value())));
    useSlot(m_selector->currentSlot());
}

void HsmPage::clearModule() {
    m_module.reset();
    m_libraryPath->clear();
    m_moduleSummary->clear();
    m_selector->setSlots({});
    useSlot(std::nullopt);
}

bool HsmPage::isBusy() const {
    return m_loader->isBusy() || m_selectWatcher.isRunning();
}

void HsmPage::updateControls() {
    const bool busy = isBusy();
    m_chooseLibrary->setEnabled(!busy);
    m_useDemo->setEnabled(!busy);
    m_import->setEnabled(!busy);
    m_selector->setEnabled(!busy && m_module.has_value());
    m_logIn->setEnabled(!busy && m_login->hasToken() && !m_login->isLoggedIn());
    m_loginState->setText(m_login->hasToken() ? m_login->statusText()
                                              : tr("Choose a token to log in to."));
    Q_EMIT completeChanged();
}

} // namespace hsm::ui
