// SPDX-License-Identifier: Apache-2.0
#include "ui/fragments/FragmentsPage.h"

#include "core/client/FutureResult.h"
#include "core/fragment/FragmentFile.h"
#include "ui/fragments/FragmentTableModel.h"
#include "ui/fragments/RotateKekDialog.h"
#include "ui/token/LoginFlow.h"
#include "ui/wizard/StatusLine.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hsm::ui {

FragmentsPage::FragmentsPage(HsmClient &client, LoginFlow *login, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_login(login)
    , m_pathEdit(new QLineEdit(this))
    , m_open(new QPushButton(tr("&Open…"), this))
    , m_reload(new QPushButton(tr("Re&load"), this))
    , m_table(new QTableView(this))
    , m_model(new FragmentTableModel(this))
    , m_fingerprint(new QPushButton(tr("Show &Fingerprint"), this))
    , m_rotate(new QPushButton(tr("&Rotate KEK…"), this))
    , m_status(new StatusLine(QStringLiteral("fragmentsStatus"), tr("Fragments status"), this)) {
    setObjectName(QStringLiteral("fragmentsPage"));
    setWindowTitle(tr("Customer Fragments"));
    setAccessibleName(windowTitle());

    auto *fileLabel = new QLabel(tr("Fragments f&ile:"), this);
    fileLabel->setBuddy(m_pathEdit);
    m_pathEdit->setObjectName(QStringLiteral("fragmentsFile"));
    m_pathEdit->setAccessibleName(tr("Fragments file"));
    m_pathEdit->setPlaceholderText(tr("customer_fragments.json; Return reads it"));
    m_open->setObjectName(QStringLiteral("openFragments"));
    m_open->setAccessibleName(tr("Open a fragments file"));
    m_reload->setObjectName(QStringLiteral("reloadFragments"));
    m_reload->setAccessibleName(tr("Read the fragments file again"));

    auto *listLabel = new QLabel(tr("&Entries (their values are never shown):"), this);
    listLabel->setBuddy(m_table);
    m_table->setObjectName(QStringLiteral("fragmentsTable"));
    m_table->setAccessibleName(tr("Fragment entries"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_fingerprint->setObjectName(QStringLiteral("showFingerprint"));
    m_fingerprint->setAccessibleName(tr("Show the fingerprint of the selected entry"));
    m_fingerprint->setToolTip(tr("The first 16 hex digits of the SHA-256 of the value the "
                                 "gateway uses; for the HSM types this needs the token."));
    m_rotate->setObjectName(QStringLiteral("rotateKek"));
    m_rotate->setAccessibleName(tr("Rotate the KEK of the selected entry"));

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_pathEdit, 1);
    fileRow->addWidget(m_open);
    fileRow->addWidget(m_reload);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_fingerprint);
    buttons->addWidget(m_rotate);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(listLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    setTabOrder(m_pathEdit, m_open);
    setTabOrder(m_open, m_reload);
    setTabOrder(m_reload, m_table);
    setTabOrder(m_table, m_fingerprint);
    setTabOrder(m_fingerprint, m_rotate);

    connect(m_open, &QPushButton::clicked, this, &FragmentsPage::chooseFile);
    connect(m_reload, &QPushButton::clicked, this, &FragmentsPage::reload);
    connect(m_pathEdit, &QLineEdit::returnPressed, this,
            [this] { openFile(m_pathEdit->text().trimmed()); });
    connect(m_fingerprint, &QPushButton::clicked, this, &FragmentsPage::showFingerprint);
    connect(m_rotate, &QPushButton::clicked, this, &FragmentsPage::rotateKek);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FragmentsPage::updateControls);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FragmentsPage::updateControls);
    connect(&m_deriveWatcher, &QFutureWatcherBase::finished, this,
            &FragmentsPage::fingerprintDerived);
    updateControls();
    resize(900, 480);
}

FragmentsPage::~FragmentsPage() {
    m_deriveWatcher.cancel();
    disconnect(m_afterLogin);
}

void FragmentsPage::setSlot(const SlotInfo *slot) {
    if (slot && slot->token)
        m_slot = *slot;
    else
        m_slot.reset();
    updateControls();
}

void FragmentsPage::chooseFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Customer Fragments"), m_path,
                                     tr("Customer fragments (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void FragmentsPage::reload() {
    if (!m_path.isEmpty())
        openFile(m_path);
}

void FragmentsPage::openFile(const QString &path) {
    m_deriveWatcher.cancel();
    m_deriving.clear();
    m_path = path;
    m_pathEdit->setText(path);
    const Result<FragmentFile> file = FragmentFile::load(path);
    if (!file) {
        m_model->setFragments({});
        m_status->showError(tr("Could not read %1: %2").arg(path, file.error().toString()));
        return;
    }
    m_model->setFragments(file->fragments());
    m_table->resizeColumnsToContents();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    m_status->showNote(tr("%n fragment(s) in %1.", nullptr, m_model->rowCount()).arg(path));
}

const CustomerFragment *FragmentsPage::selected() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->fragment(current.row()) : nullptr;
}

void FragmentsPage::showFingerprint() {
    const CustomerFragment *f = selected();
    if (!f || m_deriveWatcher.isRunning())
        return;
    if (f->isHsmType() && !m_slot) {
        m_status->showError(tr("%1 is %2 and needs the HSM: choose its token in the main "
                               "window first.")
                                .arg(f->id(), f->typeName()));
        return;
    }
    if (f->type() == FragmentType::Unknown) {
        m_status->showError(tr("%1 has the type '%2', which HSM Admin does not know; it has no "
                               "fingerprint here.")
                                .arg(f->id(), f->typeName()));
        return;
    }
    m_deriving = f->id();
    m_status->showBusy(tr("Deriving the value of %1…").arg(f->id()));
    const std::optional<CK_SLOT_ID> slot =
        f->isHsmType() ? std::optional<CK_SLOT_ID>(m_slot->id) : std::nullopt;
    m_deriveWatcher.setFuture(m_client.deriveFragment(slot, *f, false));
    updateControls();
}

void FragmentsPage::fingerprintDerived() {
    const Result<HsmClient::Derived> derived = finishedResult(m_deriveWatcher.future());
    const QString id = m_deriving;
    m_deriving.clear();
    updateControls();
    if (derived.isCancelled() || id.isEmpty())
        return;
    if (!derived) {
        const QString failure = derived.error().toString();
        if (m_login &&
            m_login->relogin(
                derived.error(), this,
                [this, id] {
                    const int row = m_model->rowOfId(id);
                    if (row >= 0) {
                        m_table->selectRow(row);
                        showFingerprint();
                    }
                },
                [this, id, failure](const QString &why) {
                    m_status->showError(tr("No fingerprint for %1: %2 %3").arg(id, failure, why));
                })) {
            m_status->showNote(tr("The token is not logged in: log in and the fingerprint of %1 "
                                  "is derived.")
                                   .arg(id));
            return;
        }
        m_status->showError(tr("No fingerprint for %1: %2").arg(id, failure));
        return;
    }
    m_model->setFingerprint(id, derived->fingerprint);
    m_status->showSuccess(tr("Fingerprint of %1: %2").arg(id, derived->fingerprint));
}

void FragmentsPage::rotateKek() {
    const CustomerFragment *f = selected();
    if (!f)
        return;
    if (f->type() != FragmentType::HsmWrapEncrypt) {
        m_status->showError(tr("%1 is %2; only hsm_wrap_encrypt fragments have a KEK to rotate.")
                                .arg(f->id(), f->typeName()));
        return;
    }
    if (!m_slot) {
        m_status->showError(
            tr("Rotating a KEK needs the HSM: choose its token in the main window first."));
        return;
    }
    const CustomerFragment fragment = *f;
    if (m_login && !m_login->isLoggedIn()) {
        // The KEKs are private keys: list them after the login.
        disconnect(m_afterLogin);
        m_afterLogin = connect(m_login, &LoginFlow::loginChanged, this, [this, fragment] {
            disconnect(m_afterLogin);
            if (m_login && m_login->isLoggedIn())
                openRotateDialog(fragment);
        });
        m_status->showNote(tr("Log in to the token to see its key-encryption keys."));
        m_login->logIn();
        return;
    }
    openRotateDialog(fragment);
}

void FragmentsPage::openRotateDialog(const CustomerFragment &fragment) {
    if (m_rotateDialog) {
        m_rotateDialog->raise();
        m_rotateDialog->activateWindow();
        return;
    }
    m_rotateDialog = new RotateKekDialog(m_client, m_slot->id, m_path, fragment, m_login, this);
    m_rotateDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_rotateDialog, &RotateKekDialog::rotated, this,
            [this](const QString &path, const QString &id) {
                openFile(path);
                const int row = m_model->rowOfId(id);
                if (row >= 0)
                    m_table->selectRow(row);
                m_status->showSuccess(
                    tr("%1 was rotated; %2 was rewritten and its previous version is %2.bak.")
                        .arg(id, path));
            });
    m_rotateDialog->open();
}

void FragmentsPage::updateControls() {
    const CustomerFragment *f = selected();
    const bool busy = m_deriveWatcher.isRunning();
    m_reload->setEnabled(!m_path.isEmpty());
    m_fingerprint->setEnabled(f && !busy);
    m_rotate->setEnabled(f && !busy && f->type() == FragmentType::HsmWrapEncrypt);
}

} // namespace hsm::ui
