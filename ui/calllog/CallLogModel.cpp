// SPDX-License-Identifier: Apache-2.0
#include "ui/calllog/CallLogModel.h"

#include "core/base/ReturnValues.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace hsm::ui {

CallLogModel::CallLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
    , m_failedIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning)) {}

void CallLogModel::append(QList<CallRecord> records) {
    if (records.isEmpty())
        return;
    // A batch larger than the capacity: only its newest rows would survive anyway.
    if (records.size() > m_capacity) {
        m_trimmed += records.size() - m_capacity;
        records.remove(0, records.size() - m_capacity);
    }
    const int first = static_cast<int>(m_records.size());
    beginInsertRows({}, first, first + static_cast<int>(records.size()) - 1);
    m_records.append(std::move(records));
    endInsertRows();
    const int excess = static_cast<int>(m_records.size()) - m_capacity;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_records.remove(0, excess);
        endRemoveRows();
        m_trimmed += excess;
    }
}

void CallLogModel::clear() {
    beginResetModel();
    m_records.clear();
    m_trimmed = 0;
    endResetModel();
}

const CallRecord *CallLogModel::recordAt(int row) const {
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int CallLogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int CallLogModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallLogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CallRecord &r = m_records.at(index.row());
    const bool failed = r.rv != CKR_OK;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(r.startedMs)
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case FunctionColumn:
            return QLatin1String(r.function);
        case HandleColumn:
            return describeHandle(r);
        case ReturnValueColumn:
            return returnValueName(r.rv);
        case DurationColumn:
            return tr("%1 ms").arg(QString::number(r.durationNs / 1e6, 'f', 3));
        }
        break;
    case FailedRole:
        return failed;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(r.startedMs)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case ReturnValueColumn:
            return returnValueSentence(r.rv);
        }
        break;
    // A failure stands out by an icon and bold text, not by colour alone.
    case Qt::DecorationRole:
        if (failed && index.column() == ReturnValueColumn)
            return m_failedIcon;
        break;
    case Qt::FontRole:
        if (failed) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::AccessibleDescriptionRole:
        if (failed && index.column() == ReturnValueColumn)
            return tr("Failed: %1").arg(returnValueSentence(r.rv));
        break;
    }
    return {};
}

QVariant CallLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case FunctionColumn:
        return tr("Function");
    case HandleColumn:
        return tr("Slot / session");
    case ReturnValueColumn:
        return tr("Return value");
    case DurationColumn:
        return tr("Duration");
    }
    return {};
}

} // namespace hsm::ui
