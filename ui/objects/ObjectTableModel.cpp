// SPDX-License-Identifier: Apache-2.0
#include "ui/objects/ObjectTableModel.h"

#include "ui/Icons.h"

namespace hsm::ui {
namespace {

// Bits for keys that have a length, the curve's name for EC keys.
QString sizeText(const ObjectInfo &o) {
    if (!o.curve.isEmpty())
        return o.sizeBits > 0 ? QStringLiteral("%1 (%2)").arg(o.curve).arg(o.sizeBits) : o.curve;
    return o.sizeBits >= 0 ? QString::number(o.sizeBits) : QString();
}

} // namespace

ObjectTableModel::ObjectTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ObjectTableModel::clear() {
    beginResetModel();
    m_objects.clear();
    endResetModel();
}

void ObjectTableModel::append(QList<ObjectInfo> rows) {
    if (rows.isEmpty())
        return;
    const int first = static_cast<int>(m_objects.size());
    beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
    m_objects.append(std::move(rows));
    endInsertRows();
}

const ObjectInfo *ObjectTableModel::objectAt(int row) const {
    return row >= 0 && row < m_objects.size() ? &m_objects.at(row) : nullptr;
}

int ObjectTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_objects.size());
}

int ObjectTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ObjectTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ObjectInfo &o = m_objects.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ClassColumn:
            return o.classWord();
        case KeyTypeColumn:
            return o.keyTypeWord();
        case LabelColumn:
            return o.label;
        case IdColumn:
            return o.idHex();
        case SizeColumn:
            return sizeText(o);
        case FlagsColumn:
            return o.flagWords().join(QStringLiteral(", "));
        }
        break;
    case SortRole:
        if (index.column() == SizeColumn)
            return o.sizeBits;
        return data(index, Qt::DisplayRole);
    case HandleRole:
        return QVariant::fromValue<qulonglong>(o.handle);
    case Qt::DecorationRole:
        if (index.column() == ClassColumn)
            return icons::objectClass(o.objectClass);
        break;
    case Qt::ToolTipRole:
        if (index.column() == FlagsColumn || index.column() == LabelColumn)
            return data(index, Qt::DisplayRole);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant ObjectTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ClassColumn:
        return tr("Class");
    case KeyTypeColumn:
        return tr("Key type");
    case LabelColumn:
        return tr("Label");
    case IdColumn:
        return tr("ID (hex)");
    case SizeColumn:
        return tr("Size (bits)");
    case FlagsColumn:
        return tr("Flags");
    }
    return {};
}

} // namespace hsm::ui
