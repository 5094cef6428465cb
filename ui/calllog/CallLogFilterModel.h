// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace hsm::ui {

// The call log's filter: calls whose function name contains a text (any case), and
// optionally failures only. Keeps the source's order (oldest first).
class CallLogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CallLogFilterModel(QObject *parent = nullptr);

    void setFunctionFilter(const QString &text);
    void setFailuresOnly(bool failuresOnly);
    bool failuresOnly() const { return m_failuresOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_failuresOnly = false;
};

} // namespace hsm::ui
