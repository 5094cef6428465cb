// SPDX-License-Identifier: Apache-2.0
#include "ui/calllog/CallLogFilterModel.h"

#include "ui/calllog/CallLogModel.h"

namespace hsm::ui {

CallLogFilterModel::CallLogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setFilterKeyColumn(CallLogModel::FunctionColumn);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void CallLogFilterModel::setFunctionFilter(const QString &text) {
    setFilterFixedString(text.trimmed());
}

void CallLogFilterModel::setFailuresOnly(bool failuresOnly) {
    if (m_failuresOnly == failuresOnly)
        return;
    m_failuresOnly = failuresOnly;
    invalidateFilter();
}

bool CallLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (m_failuresOnly &&
        !sourceModel()->index(sourceRow, 0, sourceParent).data(CallLogModel::FailedRole).toBool())
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace hsm::ui
