// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/MechanismInfo.h"

#include <QAbstractTableModel>
#include <QList>

namespace hsm::ui {

// The mechanisms of one slot, one row each.
class MechanismTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, IdColumn, MinKeyColumn, MaxKeyColumn, FlagsColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, so IDs and key sizes sort right
        SearchRole,                  // name and flag words, for filtering
    };

    explicit MechanismTableModel(QObject *parent = nullptr);

    void setMechanisms(QList<MechanismInfo> mechanisms);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<MechanismInfo> m_mechanisms;
};

} // namespace hsm::ui
