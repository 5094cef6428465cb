// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/MechanismTableModel.h"

#include "ui/Icons.h"

namespace hsm::ui {

MechanismTableModel::MechanismTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void MechanismTableModel::setMechanisms(QList<MechanismInfo> mechanisms) {
    beginResetModel();
    m_mechanisms = std::move(mechanisms);
    endResetModel();
}

int MechanismTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_mechanisms.size());
}

int MechanismTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MechanismTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MechanismInfo &m = m_mechanisms.at(index.row());
    const QString flags = m.infoError.isEmpty() ? m.flags.join(QStringLiteral(", ")) : m.infoError;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return m.name;
        case IdColumn:
            return QStringLiteral("0x%1").arg(m.type, 8, 16, QLatin1Char('0'));
        case MinKeyColumn:
            return QString::number(m.minKeySize);
        case MaxKeyColumn:
            return QString::number(m.maxKeySize);
        case FlagsColumn:
            return flags;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case IdColumn:
            return QVariant::fromValue<qulonglong>(m.type);
        case MinKeyColumn:
            return QVariant::fromValue<qulonglong>(m.minKeySize);
        case MaxKeyColumn:
            return QVariant::fromValue<qulonglong>(m.maxKeySize);
        default:
            return data(index, Qt::DisplayRole);
        }
    case SearchRole:
        return QStringLiteral("%1 %2").arg(m.name, flags);
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return icons::mechanism();
        break;
    case Qt::ToolTipRole:
        return index.column() == FlagsColumn ? flags : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == MinKeyColumn || index.column() == MaxKeyColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant MechanismTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("ID");
    case MinKeyColumn:
        return tr("Min key");
    case MaxKeyColumn:
        return tr("Max key");
    case FlagsColumn:
        return tr("Flags");
    }
    return {};
}

} // namespace hsm::ui
