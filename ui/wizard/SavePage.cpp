// SPDX-License-Identifier: Apache-2.0
#include "ui/wizard/SavePage.h"

#include "core/token/DemoHsm.h"
#include "core/token/TokenSelector.h"
#include "ui/wizard/FragmentWizard.h"
#include "ui/wizard/FragmentWizardState.h"
#include "ui/wizard/GatewayExportWidget.h"
#include "ui/wizard/StatusLine.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hsm::ui {
namespace {

const QString kErrorStyle = QStringLiteral("QLabel { color: #b02a37; }");
const QString kWarningStyle = QStringLiteral("QLabel { background: #fff3cd; color: #664d03; "
                                             "border: 1px solid #ffda6a; padding: 6px; }");

} // namespace

SavePage::SavePage(FragmentWizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Bro&wse…"), this))
    , m_entries(new QTreeWidget(this))
    , m_merge(new QLabel(this))
    , m_replace(new QCheckBox(tr("&Replace the existing fragment of this name"), this))
    , m_status(new StatusLine(QStringLiteral("saveError"), tr("Saving status"), this))
    , m_export(new GatewayExportWidget(this)) {
    setTitle(tr("Save and Deploy"));
    setSubTitle(tr("Choose the customer_fragments.json to add the fragment to. Finish writes it "
                   "(only you can read it; the previous version is kept as .bak)."));
    setFinalPage(true);

    auto *pathLabel = new QLabel(tr("Fragments fi&le:"), this);
    pathLabel->setBuddy(m_path);
    m_path->setObjectName(QStringLiteral("fragmentsPath"));
    m_path->setAccessibleName(tr("Fragments file"));
    m_browse->setObjectName(QStringLiteral("browseFragments"));
    m_browse->setAccessibleName(tr("Browse for the fragments file"));

    auto *entriesLabel = new QLabel(tr("Fragments &in the file:"), this);
    entriesLabel->setBuddy(m_entries);
    m_entries->setObjectName(QStringLiteral("existingFragments"));
    m_entries->setAccessibleName(tr("Fragments in the file"));
    m_entries->setColumnCount(4);
    m_entries->setHeaderLabels({tr("Name"), tr("Type"), tr("ID"), tr("Key label")});
    m_entries->setRootIsDecorated(false);
    m_entries->setAlternatingRowColors(true);
    m_entries->setUniformRowHeights(true);

    m_merge->setObjectName(QStringLiteral("mergeStatus"));
    m_merge->setAccessibleName(tr("Merge status"));
    m_merge->setWordWrap(true);
    m_merge->setTextFormat(Qt::PlainText);
    m_merge->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_replace->setObjectName(QStringLiteral("replaceExisting"));
    m_replace->setAccessibleName(tr("Replace the existing fragment of this name"));
    m_replace->hide();

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(pathLabel);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    auto *fileBox = new QWidget(this);
    auto *fileLayout = new QVBoxLayout(fileBox);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    fileLayout->addLayout(pathRow);
    fileLayout->addWidget(entriesLabel);
    fileLayout->addWidget(m_entries, 1);
    fileLayout->addWidget(m_merge);
    fileLayout->addWidget(m_replace);
    fileLayout->addWidget(m_status);

    auto *deployment = new QGroupBox(tr("Gateway deployment"), this);
    auto *deploymentLayout = new QVBoxLayout(deployment);
    deploymentLayout->addWidget(m_export);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(fileBox);
    splitter->addWidget(deployment);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    setTabOrder(m_path, m_browse);
    setTabOrder(m_browse, m_entries);
    setTabOrder(m_entries, m_replace);
    setTabOrder(m_replace, m_export);

    m_readDelay.setSingleShot(true);
    m_readDelay.setInterval(300);
    connect(&m_readDelay, &QTimer::timeout, this, &SavePage::readFile);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_status->clear();
        m_merge->setStyleSheet(QString());
        m_merge->setText(tr("Reading the file…")); // what was said is for the old path
        m_readPending = true;
        m_readDelay.start();
        updateExport();
        Q_EMIT completeChanged();
    });
    connect(m_browse, &QPushButton::clicked, this, &SavePage::browse);
    connect(m_replace, &QCheckBox::toggled, this, &SavePage::updateMerge);
}

void SavePage::initializePage() {
    m_replace->setChecked(m_state.replace);
    m_status->clear();
    m_path->setText(m_state.fragmentsPath);
    readFile(); // now: the file may have changed since the Fragment page read it
    updateExport();
}

void SavePage::cleanupPage() {
    // Back: the Fragment page checks the name against the file chosen here.
    if (!path().isEmpty())
        m_state.fragmentsPath = path();
}

bool SavePage::isComplete() const {
    if (!m_state.fragment || path().isEmpty() || m_readPending || !m_file)
        return false;
    return m_replace->isChecked() ||
           FragmentWizard::duplicateReason(*m_file, m_state.fragment->name()).isEmpty();
}

bool SavePage::validatePage() {
    if (!isComplete())
        return false;
    // Read again right before writing: the file may have changed since it was listed.
    // Under the file's lock, so that a CLI run writing it at the same moment keeps its entry.
    const bool replace = m_replace->isChecked();
    const Result<FragmentFile> file =
        FragmentFile::update(path(), true, [&](FragmentFile &current) {
            return current.add(*m_state.fragment, replace);
        });
    if (!file) {
        readFile();
        m_status->showError(tr("The file was not written: %1").arg(file.error().toString()));
        return false;
    }
    m_state.fragmentsPath = path();
    QSettings().setValue(QLatin1String(FragmentWizard::kLastFragmentsFileKey), path());
    Q_EMIT saved(path(), m_state.fragment->name());
    return true;
}

QString SavePage::path() const {
    const QString text = m_path->text().trimmed();
    return text.isEmpty() ? QString() : QFileInfo(text).absoluteFilePath();
}

void SavePage::browse() {
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Fragments File"), path(), tr("JSON files (*.json);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite); // an existing file is merged into, not overwritten
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void SavePage::readFile() {
    m_readDelay.stop();
    m_readPending = false;
    m_entries->clear();
    m_file.reset();
    m_fileError.clear();
    if (path().isEmpty()) {
        m_fileError = tr("Enter the path of the fragments file.");
    } else if (const Result<FragmentFile> file = FragmentFile::loadOrCreate(path()); file) {
        m_file = file.value();
    } else {
        m_fileError = file.error().toString();
    }
    if (m_file) {
        for (const CustomerFragment &f : m_file->fragments()) {
            // Names, types and ids only: a fragment's value never reaches the screen.
            auto *item = new QTreeWidgetItem(m_entries, {f.name(), f.typeName(), f.id(),
                                                         f.isHsmType() ? f.keyLabel() : QString()});
            if (m_state.fragment && f.name() == m_state.fragment->name()) {
                for (int column = 0; column < m_entries->columnCount(); ++column)
                    item->setForeground(column, QBrush(QColor(0xb0, 0x2a, 0x37)));
            }
        }
        for (int column = 0;
             m_entries->topLevelItemCount() > 0 && column < m_entries->columnCount(); ++column)
            m_entries->resizeColumnToContents(column);
    }
    updateMerge();
}

void SavePage::updateMerge() {
    const QString name = m_state.fragment ? m_state.fragment->name() : QString();
    const QString duplicate = m_file ? FragmentWizard::duplicateReason(*m_file, name) : QString();
    m_replace->setVisible(!duplicate.isEmpty());
    if (!m_file) {
        m_merge->setStyleSheet(kErrorStyle);
        m_merge->setText(m_fileError);
    } else if (!duplicate.isEmpty() && !m_replace->isChecked()) {
        m_merge->setStyleSheet(kErrorStyle);
        m_merge->setText(duplicate);
    } else if (!duplicate.isEmpty()) {
        m_merge->setStyleSheet(kWarningStyle);
        m_merge->setText(tr("Finish replaces the fragment named '%1'; the gateway then loses the "
                            "old fragment's value.")
                             .arg(name));
    } else {
        m_merge->setStyleSheet(QString());
        m_merge->setText(
            !QFileInfo::exists(path())
                ? tr("%1 does not exist yet: Finish creates it with '%2'.").arg(path(), name)
                : tr("Finish adds '%1' to the file (fragments there now: %2).")
                      .arg(name)
                      .arg(m_file->fragments().size()));
    }
    Q_EMIT completeChanged();
}

GatewayConfig SavePage::gatewayConfig() const {
    GatewayConfig config;
    if (m_state.module) {
        config.libraryPath = m_state.module->path;
        if (m_state.module->demo)
            config.softHsmConf = demoHsm::configPath();
    }
    config.tokenMode = m_state.tokenMode;
    if (m_state.slot)
        config.tokenValue = TokenSelector::gatewayValue(*m_state.slot, m_state.tokenMode);
    config.useRand = m_state.request.hsmUseRand;
    config.fragmentsPath = path();
    if (!m_state.accessId.isEmpty())
        config.accessId = m_state.accessId;
    return config;
}

void SavePage::updateExport() {
    m_export->setConfig(gatewayConfig());
}

} // namespace hsm::ui
