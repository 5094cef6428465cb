// SPDX-License-Identifier: Apache-2.0
#include "ui/objects/ObjectFilterProxyModel.h"

#include "ui/objects/ObjectTableModel.h"

namespace hsm::ui {

ObjectFilterProxyModel::ObjectFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(ObjectTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ObjectFilterProxyModel::setFilterText(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ObjectFilterProxyModel::filterAcceptsRow(int sourceRow,
                                              const QModelIndex &sourceParent) const {
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *source = sourceModel();
    for (int column : {ObjectTableModel::LabelColumn, ObjectTableModel::IdColumn,
                       ObjectTableModel::ClassColumn, ObjectTableModel::KeyTypeColumn}) {
        const QString text = source->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace hsm::ui
