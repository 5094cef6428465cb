// SPDX-License-Identifier: Apache-2.0
#include "ui/gateway/GatewayPage.h"

#include "core/gateway/GatewayConfig.h"
#include "core/token/DemoHsm.h"
#include "core/token/TokenSelector.h"
#include "ui/token/TokenSelectorWidget.h"
#include "ui/wizard/GatewayExportWidget.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hsm::ui {

GatewayPage::GatewayPage(QWidget *parent)
    : QWidget(parent)
    , m_selector(new TokenSelectorWidget(this))
    , m_fragments(new QLineEdit(this))
    , m_chooseFragments(new QPushButton(tr("Pic&k…"), this))
    , m_export(new GatewayExportWidget(this, GatewayExportWidget::Place::GatewayTab)) {
    auto *settings = new QGroupBox(tr("Deployment settings for the selected token"), this);
    settings->setObjectName(QStringLiteral("deploymentSettings"));

    auto *fragmentsLabel = new QLabel(tr("Fragments file (optio&nal):"), settings);
    fragmentsLabel->setBuddy(m_fragments);
    m_fragments->setObjectName(QStringLiteral("gatewayFragmentsPath"));
    m_fragments->setAccessibleName(tr("Fragments file to mount"));
    m_fragments->setPlaceholderText(tr("none: the exports leave the fragments out"));
    m_fragments->setClearButtonEnabled(true);
    m_chooseFragments->setObjectName(QStringLiteral("chooseGatewayFragments"));
    m_chooseFragments->setAccessibleName(tr("Choose the fragments file"));
    m_chooseFragments->setToolTip(tr("Choose the customer_fragments.json the gateway mounts"));
    m_export->setObjectName(QStringLiteral("gatewayExport"));

    auto *grid = new QGridLayout(settings);
    grid->addWidget(fragmentsLabel, 0, 0);
    grid->addWidget(m_fragments, 0, 1);
    grid->addWidget(m_chooseFragments, 0, 2);
    grid->addWidget(m_export, 1, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_selector, 1);
    layout->addWidget(settings, 2);
    setTabOrder(m_selector, m_fragments);
    setTabOrder(m_fragments, m_chooseFragments);
    setTabOrder(m_chooseFragments, m_export);

    connect(m_selector, &TokenSelectorWidget::choiceChanged, this, &GatewayPage::showSettings);
    connect(m_fragments, &QLineEdit::textChanged, this, &GatewayPage::showSettings);
    connect(m_chooseFragments, &QPushButton::clicked, this, &GatewayPage::chooseFragments);
    showSettings();
}

void GatewayPage::setModule(const ModuleInfo *module) {
    m_module = module ? std::optional<ModuleInfo>(*module) : std::nullopt;
    showSettings();
}

void GatewayPage::showSettings() {
    GatewayConfig config;
    config.tokenValue.clear();
    if (m_module) {
        config.libraryPath = m_module->path;
        // The demo's tokens are found through its own configuration, on this machine only.
        if (m_module->demo)
            config.softHsmConf = demoHsm::configPath();
    }
    if (const std::optional<SlotInfo> slot = m_selector->currentSlot()) {
        config.tokenMode = m_selector->mode();
        config.tokenValue = TokenSelector::gatewayValue(*slot, config.tokenMode);
        config.useRand = slot->token && slot->token->has(CKF_RNG);
    }
    // As typed: a relative path is refused with the reason, not resolved against a folder
    // the user cannot see.
    config.fragmentsPath = m_fragments->text().trimmed();
    m_export->setConfig(config);
}

void GatewayPage::chooseFragments() {
    const QString current = m_fragments->text().trimmed();
    auto *dialog =
        new QFileDialog(this, tr("Choose the Fragments File"),
                        current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
                        tr("Customer fragments (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("gatewayFragmentsDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_fragments, &QLineEdit::setText);
    dialog->open(); // window-modal without a nested event loop
}

} // namespace hsm::ui
