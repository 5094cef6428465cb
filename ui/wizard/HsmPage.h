// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/ModuleInfo.h"
#include "core/token/SlotInfo.h"
#include "core/token/TokenSelection.h"
#include "ui/ModuleLoader.h"

#include <QFutureWatcher>
#include <QWizardPage>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hsm {
class HsmClient;
struct GatewayImport;
} // namespace hsm

namespace hsm::ui {

class LoginFlow;
class StatusLine;
class TokenSelectorWidget;
struct FragmentWizardState;

// The wizard's first page: the PKCS#11 library (the one already loaded, one found on this
// machine, a recent one, any file, or the demo HSM), the token and how the gateway should
// name it, and the login by the PIN-state rules. Gateway settings can be imported from a
// docker run command or an env file. Complete when logged in to the chosen token.
class HsmPage : public QWizardPage {
    Q_OBJECT
public:
    // Logs in through `login`, which the wizard's other pages share.
    HsmPage(HsmClient &client, FragmentWizardState &state, LoginFlow *login,
            QWidget *parent = nullptr);
    ~HsmPage() override;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

Q_SIGNALS:
    // This page loaded a library into the client, or failed to and left none loaded.
    void libraryChanged(const hsm::Result<hsm::ModuleInfo> &outcome);

private:
    // A load has started: what this page showed is gone.
    void showLoading(const QString &what);
    void moduleLoaded(const ModuleInfo &module, ModuleLoader::Request request);
    void loadFailed(const Error &error, ModuleLoader::Request request);
    void slotsRead(const QList<SlotInfo> &slots);
    void importedTokenSelected();
    void selectImportedToken();
    std::optional<CK_SLOT_ID> preferredSlot(const QList<SlotInfo> &slots) const;
    void useSlot(const std::optional<SlotInfo> &slot);
    void importSettings();
    void applyImport(const hsm::GatewayImport &imported);
    void clearModule();
    bool isBusy() const;
    void updateControls();

    HsmClient &m_client;
    FragmentWizardState &m_state;
    QLineEdit *m_libraryPath;
    QLabel *m_moduleSummary;
    QPushButton *m_chooseLibrary;
    QPushButton *m_useDemo;
    QPushButton *m_import;
    QLabel *m_importNote;
    TokenSelectorWidget *m_selector;
    QLabel *m_loginState;
    QPushButton *m_logIn;
    StatusLine *m_status;
    LoginFlow *m_login;
    ModuleLoader *m_loader;
    std::optional<ModuleInfo> m_module;
    bool m_asked = false; // asked the client once which library it has
    // Token identifiers from imported settings, applied once the slots are read.
    std::optional<TokenSelection> m_importedToken;
    GatewayTokenMode m_importedMode = GatewayTokenMode::Serial;
    QFutureWatcher<Result<SlotInfo>> m_selectWatcher;
};

} // namespace hsm::ui
