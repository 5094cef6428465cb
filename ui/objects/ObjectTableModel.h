// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/ObjectInfo.h"

#include <QAbstractTableModel>
#include <QList>

namespace hsm::ui {

// The objects of one token, one row each. Rows arrive in batches while the token is read;
// each batch is one insertion, so views stay responsive with thousands of objects.
class ObjectTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ClassColumn,
        KeyTypeColumn,
        LabelColumn,
        IdColumn,
        SizeColumn,
        FlagsColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // sizes as numbers
        HandleRole,                  // the object's CK_OBJECT_HANDLE, as qulonglong
    };

    explicit ObjectTableModel(QObject *parent = nullptr);

    void clear();
    // Adds a batch of rows at the end.
    void append(QList<ObjectInfo> rows);
    // nullptr for an invalid row.
    const ObjectInfo *objectAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ObjectInfo> m_objects;
};

} // namespace hsm::ui
