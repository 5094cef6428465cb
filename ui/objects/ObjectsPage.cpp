// SPDX-License-Identifier: Apache-2.0
#include "ui/objects/ObjectsPage.h"

#include "core/client/FutureResult.h"
#include "core/client/HsmClient.h"
#include "core/token/DemoHsm.h"
#include "ui/ListTable.h"
#include "ui/objects/CreateKeyDialog.h"
#include "ui/objects/ObjectFilterProxyModel.h"
#include "ui/objects/ObjectTableModel.h"
#include "ui/token/LoginFlow.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hsm::ui {

ObjectsPage::ObjectsPage(HsmClient &client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new ObjectTableModel(this))
    , m_proxy(new ObjectFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_reload(new QPushButton(tr("Re&load"), this))
    , m_createKey(new QPushButton(tr("Create Ke&y…"), this))
    , m_checkKey(new QPushButton(tr("Chec&k Key…"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Ca&ncel"), this))
    , m_table(new QTableView)
    , m_details(new QTreeWidget)
    , m_status(new QLabel(this))
    , m_keyCheck(new QLabel(this)) {
    m_proxy->setSourceModel(m_model);

    m_filter->setObjectName(QStringLiteral("objectFilter"));
    m_filter->setPlaceholderText(tr("Filter by label, id, class or key type"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Object filter"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateStatus();
    });

    m_reload->setObjectName(QStringLiteral("reloadObjects"));
    m_reload->setAccessibleName(tr("Read the objects again"));
    connect(m_reload, &QPushButton::clicked, this, &ObjectsPage::reload);
    m_createKey->setObjectName(QStringLiteral("createKey"));
    m_createKey->setAccessibleName(tr("Create a secret key"));
    connect(m_createKey, &QPushButton::clicked, this, &ObjectsPage::createKey);
    m_checkKey->setObjectName(QStringLiteral("checkKey"));
    m_checkKey->setAccessibleName(tr("Check a secret key"));
    connect(m_checkKey, &QPushButton::clicked, this, &ObjectsPage::checkKey);

    m_progress->setObjectName(QStringLiteral("objectProgress"));
    m_progress->setAccessibleName(tr("Reading objects"));
    m_progress->setRange(0, 0);
    m_cancel->setObjectName(QStringLiteral("cancelObjects"));
    m_cancel->setAccessibleName(tr("Stop reading objects"));
    connect(m_cancel, &QPushButton::clicked, this, &ObjectsPage::cancelLoading);

    m_table->setObjectName(QStringLiteral("objectTable"));
    m_table->setAccessibleName(tr("Objects"));
    m_table->setModel(m_proxy);
    setUpListTable(m_table);
    // Columns fit the rows in view: measuring every row of the first chunk's text held the
    // event loop for 180 ms (docs/performance.md).
    m_table->horizontalHeader()->setResizeContentsPrecision(0);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the token's own order until asked
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ObjectsPage::showSelectedObject);

    m_details->setObjectName(QStringLiteral("objectDetails"));
    m_details->setAccessibleName(tr("Attributes of the selected object"));
    m_details->setColumnCount(2);
    m_details->setHeaderLabels({tr("Attribute"), tr("Value")});
    m_details->setRootIsDecorated(false);
    m_details->setAlternatingRowColors(true);
    m_details->setUniformRowHeights(true);
    m_details->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_status->setObjectName(QStringLiteral("objectStatus"));
    m_status->setAccessibleName(tr("Object status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_keyCheck->setObjectName(QStringLiteral("keyCheckResult"));
    m_keyCheck->setAccessibleName(tr("Key check result"));
    m_keyCheck->setWordWrap(true);
    m_keyCheck->setTextFormat(Qt::PlainText);
    m_keyCheck->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyCheck->hide();

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_reload);
    tools->addWidget(m_createKey);
    tools->addWidget(m_checkKey);
    auto *loading = new QHBoxLayout;
    loading->addWidget(m_progress, 1);
    loading->addWidget(m_cancel);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addLayout(loading);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_keyCheck);
    setTabOrder(m_filter, m_reload);
    setTabOrder(m_reload, m_createKey);
    setTabOrder(m_createKey, m_checkKey);
    setTabOrder(m_checkKey, m_cancel);
    setTabOrder(m_cancel, m_table);
    setTabOrder(m_table, m_details);

    connect(&m_listWatcher, &QFutureWatcherBase::resultsReadyAt, this, &ObjectsPage::appendResults);
    connect(&m_listWatcher, &QFutureWatcherBase::finished, this, &ObjectsPage::listingFinished);
    connect(&m_listWatcher, &QFutureWatcherBase::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(&m_listWatcher, &QFutureWatcherBase::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_detailsWatcher, &QFutureWatcherBase::finished, this, &ObjectsPage::showDetails);
    connect(&m_checkWatcher, &QFutureWatcherBase::finished, this, &ObjectsPage::showKeyCheck);
    showSlot(std::nullopt);
}

ObjectsPage::~ObjectsPage() {
    // Nothing more is needed from the worker; let it stop at its next check.
    m_listWatcher.cancel();
    m_detailsWatcher.cancel();
}

void ObjectsPage::setLoginFlow(LoginFlow *login) {
    m_login = login;
}

void ObjectsPage::showSlot(std::optional<CK_SLOT_ID> slot, const QString &tokenName) {
    // The worker stops a cancelled listing at its next row; setFuture() below drops
    // whatever the old one would still deliver.
    m_listWatcher.cancel();
    m_detailsWatcher.cancel();
    if (m_createDialog && slot != m_slot)
        m_createDialog->reject(); // it was for another token
    m_slot = slot;
    m_tokenName = tokenName;
    m_model->clear();
    m_details->clear();
    m_listError.clear();
    m_listFailure.reset();
    m_waitingForLogin = false;
    ++m_listingNumber;
    m_keyCheck->hide();

    if (!slot) {
        m_loading = false;
        m_listWatcher.setFuture({});
        m_status->setText(tr("Select an initialized token to see its objects."));
        updateButtons();
        return;
    }
    m_loading = true;
    m_progress->setRange(0, 0); // until the worker knows how many objects there are
    m_status->setText(tr("Reading the objects of %1…").arg(tokenName));
    updateButtons();
    m_listWatcher.setFuture(m_client.objects(*slot));
}

void ObjectsPage::reload() {
    showSlot(m_slot, m_tokenName);
}

void ObjectsPage::cancelLoading() {
    if (!m_loading)
        return;
    // Idle at once: the worker drops the listing at its next row, or, when a PKCS#11 call
    // hangs, once the library answers; a new request waits for that in the client's queue.
    m_listWatcher.cancel();
    endListing();
}

void ObjectsPage::appendResults(int begin, int end) {
    if (!m_loading)
        return; // cancelled: what still arrives is not shown
    const QFuture<Result<QList<ObjectInfo>>> future = m_listWatcher.future();
    const bool first = m_model->rowCount() == 0;
    for (int i = begin; i < end; ++i) {
        Result<QList<ObjectInfo>> chunk = future.resultAt(i);
        if (!chunk) {
            m_listFailure = chunk.error();
            m_listError = chunk.error().toString();
            continue;
        }
        // One insertion per chunk: the view lays out a batch, never a row at a time.
        m_model->append(std::move(chunk).value());
    }
    if (first && m_model->rowCount() > 0)
        m_table->resizeColumnsToContents();
    if (m_loading && !m_listWatcher.isCanceled())
        m_status->setText(
            tr("Reading the objects of %1… %2 so far").arg(m_tokenName).arg(m_model->rowCount()));
}

void ObjectsPage::listingFinished() {
    if (!m_loading)
        return;
    if (m_listFailure && m_login) {
        // Logged out behind our back (an HSM restart): the PIN again, then the list again.
        const QString failure = m_listError;
        const quint64 listing = m_listingNumber;
        m_waitingForLogin = m_login->relogin(
            *m_listFailure, this, [this] { reload(); },
            [this, failure, listing](const QString &why) {
                if (listing != m_listingNumber)
                    return; // another listing has started since
                m_waitingForLogin = false;
                m_listError = tr("%1 Not read again: %2").arg(failure, why);
                updateStatus();
            });
    }
    endListing();
}

void ObjectsPage::endListing() {
    m_loading = false;
    updateButtons();
    updateStatus();
    Q_EMIT loadingFinished();
}

void ObjectsPage::updateStatus() {
    if (m_loading || !m_slot)
        return; // keep the progress text or the note
    const int total = m_model->rowCount();
    QString text;
    if (m_waitingForLogin)
        text = tr("%1 is not logged in any more: the objects are read again after the login.")
                   .arg(m_tokenName);
    else if (!m_listError.isEmpty())
        text = tr("Could not read all objects: %1").arg(m_listError);
    else if (m_listWatcher.isCanceled())
        text = tr("Stopped: %1 read before cancelling; Reload reads them all.").arg(total);
    else if (m_proxy->filterText().isEmpty())
        text = tr("Objects: %1").arg(total);
    else
        text = tr("Objects: the filter shows %1 of %2").arg(m_proxy->rowCount()).arg(total);
    if (total == 0 && m_listError.isEmpty() && !m_listWatcher.isCanceled() && !m_waitingForLogin)
        text += tr(" — private objects show only after logging in (Ctrl+L).");
    m_status->setText(text);
}

void ObjectsPage::updateButtons() {
    m_progress->setVisible(m_loading);
    m_cancel->setVisible(m_loading);
    m_cancel->setEnabled(m_loading);
    m_reload->setEnabled(m_slot.has_value());
    m_createKey->setEnabled(m_slot.has_value());
    m_checkKey->setEnabled(m_slot.has_value());
}

void ObjectsPage::showSelectedObject() {
    m_detailsWatcher.cancel();
    m_details->clear();
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_slot) {
        m_detailsWatcher.setFuture({});
        return;
    }
    const auto handle =
        static_cast<CK_OBJECT_HANDLE>(current.data(ObjectTableModel::HandleRole).toULongLong());
    auto *reading = new QTreeWidgetItem(m_details, {tr("Reading the attributes…")});
    reading->setFlags(Qt::NoItemFlags);
    m_detailsWatcher.setFuture(m_client.objectDetails(*m_slot, handle));
}

void ObjectsPage::showDetails() {
    const Result<QList<AttributeValue>> attributes = finishedResult(m_detailsWatcher.future());
    if (attributes.isCancelled())
        return;
    m_details->clear();
    if (!attributes) {
        auto *error = new QTreeWidgetItem(m_details, {tr("Error"), attributes.error().toString()});
        error->setToolTip(1, attributes.error().toString());
        return;
    }
    QList<QTreeWidgetItem *> items;
    items.reserve(attributes->size());
    for (const AttributeValue &a : attributes.value()) {
        QString value;
        switch (a.state) {
        case AttributeValue::State::Value:
            value = a.text;
            break;
        case AttributeValue::State::Sensitive:
            value = tr("sensitive");
            break;
        case AttributeValue::State::Secret:
            value = tr("secret (not read)");
            break;
        }
        auto *item = new QTreeWidgetItem({a.name, value});
        item->setToolTip(1, value);
        if (a.state != AttributeValue::State::Value) {
            QFont italic = item->font(1);
            italic.setItalic(true);
            item->setFont(1, italic);
        }
        items.append(item);
    }
    m_details->addTopLevelItems(items);
}

QString ObjectsPage::selectedSecretKeyLabel() const {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return QString();
    const ObjectInfo *object = m_model->objectAt(m_proxy->mapToSource(current).row());
    return object && object->objectClass == CKO_SECRET_KEY ? object->label : QString();
}

void ObjectsPage::createKey() {
    if (!m_slot)
        return;
    if (m_createDialog) {
        m_createDialog->raise();
        m_createDialog->activateWindow();
        return;
    }
    m_createDialog = new CreateKeyDialog(m_client, *m_slot, m_tokenName, m_login, this);
    m_createDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_createDialog, &CreateKeyDialog::keyCreated, this, [this](const ObjectInfo &key) {
        reload();
        m_keyCheck->setStyleSheet(QString());
        m_keyCheck->setText(tr("Created the key '%1' (%2, %3 bits, id %4).")
                                .arg(key.label, key.keyTypeWord())
                                .arg(key.sizeBits)
                                .arg(key.idHex()));
        m_keyCheck->show();
    });
    m_createDialog->open();
}

void ObjectsPage::checkKey() {
    if (!m_slot)
        return;
    const QString selected = selectedSecretKeyLabel();
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("checkKeyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Check Key"));
    dialog->setAccessibleName(tr("Check a secret key"));
    dialog->setLabelText(tr("&Label of the secret key to check for HMAC-SHA256:"));
    dialog->setTextValue(selected.isEmpty() ? QString::fromLatin1(demoHsm::kKeyLabel) : selected);
    dialog->setOkButtonText(tr("C&heck"));
    if (auto *edit = dialog->findChild<QLineEdit *>())
        edit->setAccessibleName(tr("Label of the key to check"));
    connect(dialog, &QInputDialog::textValueSelected, this, &ObjectsPage::checkKeyLabelled);
    dialog->open();
}

void ObjectsPage::checkKeyLabelled(const QString &label) {
    if (!m_slot)
        return;
    m_keyCheck->setStyleSheet(QString());
    m_keyCheck->setText(tr("Checking the key '%1'…").arg(label));
    m_keyCheck->show();
    m_checkedLabel = label;
    m_checkWatcher.setFuture(m_client.checkSecretKey(*m_slot, label));
}

void ObjectsPage::showKeyCheck() {
    const Result<KeyCheckReport> report = finishedResult(m_checkWatcher.future());
    if (report.isCancelled())
        return;
    if (report) {
        m_keyCheck->setStyleSheet(QStringLiteral("QLabel { color: #0f5132; }"));
        m_keyCheck->setText(report->verdict);
    } else {
        const QString failure = tr("The check failed: %1").arg(report.error().toString());
        const QString label = m_checkedLabel;
        const bool relogin =
            m_login &&
            m_login->relogin(
                report.error(), this, [this, label] { checkKeyLabelled(label); },
                [this, failure](const QString &why) {
                    m_keyCheck->setText(tr("%1 Not checked again: %2").arg(failure, why));
                });
        m_keyCheck->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
        m_keyCheck->setText(relogin ? tr("The token is not logged in any more: the key '%1' is "
                                         "checked again after the login.")
                                          .arg(label)
                                    : failure);
    }
    m_keyCheck->show();
}

} // namespace hsm::ui
