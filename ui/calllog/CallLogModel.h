// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pkcs11/CallTrace.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

namespace hsm::ui {

// The PKCS#11 calls shown in the call log, oldest first, at most `capacity` of them. Rows
// arrive in batches (one insertion each) and the oldest leave in batches, so a view stays
// smooth through tens of thousands of calls.
class CallLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        FunctionColumn,
        HandleColumn,
        ReturnValueColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role {
        FailedRole = Qt::UserRole + 1, // bool: the call returned something other than CKR_OK
    };

    explicit CallLogModel(int capacity, QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    // Adds `records` at the end, then removes the oldest rows beyond the capacity.
    void append(QList<CallRecord> records);
    void clear();
    // nullptr for an invalid row.
    const CallRecord *recordAt(int row) const;
    // Rows removed to keep within the capacity since the last clear().
    quint64 trimmed() const { return m_trimmed; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int m_capacity;
    QIcon m_failedIcon;
    QList<CallRecord> m_records;
    quint64 m_trimmed = 0;
};

} // namespace hsm::ui
