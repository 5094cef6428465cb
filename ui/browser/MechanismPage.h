// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/MechanismInfo.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class MechanismTableModel;

// The Mechanisms tab: the selected slot's mechanisms, fetched on the worker, in a sortable
// table with a filter on name and flags.
class MechanismPage : public QWidget {
    Q_OBJECT
public:
    explicit MechanismPage(HsmClient &client, QWidget *parent = nullptr);

    // Requests the mechanisms of `slot`, or empties the table for std::nullopt.
    void showSlot(std::optional<CK_SLOT_ID> slot);

private:
    void showResult();
    void updateCount();

    HsmClient &m_client;
    MechanismTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
    QLabel *m_status;
    bool m_haveMechanisms = false;
    QFutureWatcher<Result<QList<MechanismInfo>>> m_watcher;
};

} // namespace hsm::ui
