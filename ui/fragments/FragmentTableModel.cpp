// SPDX-License-Identifier: Apache-2.0
#include "ui/fragments/FragmentTableModel.h"

namespace hsm::ui {

FragmentTableModel::FragmentTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void FragmentTableModel::setFragments(const QList<CustomerFragment> &fragments) {
    beginResetModel();
    m_fragments = fragments;
    m_fingerprints.clear();
    endResetModel();
}

const CustomerFragment *FragmentTableModel::fragment(int row) const {
    return row >= 0 && row < m_fragments.size() ? &m_fragments[row] : nullptr;
}

int FragmentTableModel::rowOfId(const QString &id) const {
    for (int row = 0; row < m_fragments.size(); ++row) {
        if (m_fragments[row].id() == id)
            return row;
    }
    return -1;
}

void FragmentTableModel::setFingerprint(const QString &id, const QString &fingerprint) {
    m_fingerprints.insert(id, fingerprint);
    const int row = rowOfId(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, FingerprintColumn), index(row, FingerprintColumn));
}

int FragmentTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_fragments.size());
}

int FragmentTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FragmentTableModel::data(const QModelIndex &index, int role) const {
    const CustomerFragment *f = fragment(index.row());
    if (!f || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QVariant();
    switch (index.column()) {
    case IdColumn:
        return f->id();
    case NameColumn:
        return f->name();
    case TypeColumn:
        return f->typeName();
    case KeyLabelColumn:
        return f->keyLabel();
    case WrapAlgorithmColumn:
        return f->wrapAlgorithmName();
    case DescriptionColumn:
        return f->description();
    case FingerprintColumn:
        return m_fingerprints.value(f->id());
    default:
        return QVariant();
    }
}

QVariant FragmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case KeyLabelColumn:
        return tr("Key label");
    case WrapAlgorithmColumn:
        return tr("Wrap algorithm");
    case DescriptionColumn:
        return tr("Description");
    case FingerprintColumn:
        return tr("Fingerprint");
    default:
        return QVariant();
    }
}

} // namespace hsm::ui
