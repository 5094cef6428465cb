// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/MechanismPage.h"

#include "core/client/FutureResult.h"
#include "core/client/HsmClient.h"
#include "ui/ListTable.h"
#include "ui/browser/MechanismTableModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace hsm::ui {

MechanismPage::MechanismPage(HsmClient &client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new MechanismTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MechanismTableModel::SortRole);
    m_proxy->setFilterRole(MechanismTableModel::SearchRole);
    m_proxy->setFilterKeyColumn(MechanismTableModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("mechanismFilter"));
    m_filter->setPlaceholderText(tr("Filter by name or flag, e.g. sha256_hmac or sign"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Mechanism filter"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateCount();
    });

    m_table->setObjectName(QStringLiteral("mechanismTable"));
    m_table->setAccessibleName(tr("Mechanisms"));
    m_table->setModel(m_proxy);
    setUpListTable(m_table);
    m_table->sortByColumn(MechanismTableModel::NameColumn, Qt::AscendingOrder);

    m_status->setObjectName(QStringLiteral("mechanismStatus"));
    m_status->setAccessibleName(tr("Mechanism status"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);
    layout->addWidget(m_status);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, &MechanismPage::showResult);
    showSlot(std::nullopt);
}

void MechanismPage::showSlot(std::optional<CK_SLOT_ID> slot) {
    // The worker skips a request cancelled before it starts; setFuture() below drops
    // whatever the old one would still deliver.
    m_watcher.cancel();
    m_model->setMechanisms({});
    m_haveMechanisms = false;
    if (!slot) {
        m_watcher.setFuture({});
        m_status->setText(tr("Select a slot or token to see its mechanisms."));
        return;
    }
    m_status->setText(tr("Reading the mechanisms of slot %1…").arg(*slot));
    m_watcher.setFuture(m_client.mechanisms(*slot));
}

void MechanismPage::showResult() {
    Result<QList<MechanismInfo>> result = finishedResult(m_watcher.future());
    if (result.isCancelled())
        return;
    if (!result) {
        m_status->setText(result.error().toString());
        return;
    }
    m_model->setMechanisms(std::move(result).value());
    m_haveMechanisms = true;
    m_table->resizeColumnsToContents();
    updateCount();
}

void MechanismPage::updateCount() {
    if (!m_haveMechanisms)
        return; // keep the note or the error
    const int total = m_model->rowCount();
    if (m_filter->text().isEmpty())
        m_status->setText(tr("%1 mechanisms").arg(total));
    else
        m_status->setText(tr("Showing %1 of %2 mechanisms").arg(m_proxy->rowCount()).arg(total));
}

} // namespace hsm::ui
