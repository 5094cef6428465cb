// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fragment/CustomerFragment.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace hsm::ui {

// The entries of a customer_fragments.json as a table: what identifies and describes each
// one, and its fingerprint once asked for. Never an entry's value, IV or tag.
class FragmentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        NameColumn,
        TypeColumn,
        KeyLabelColumn,
        WrapAlgorithmColumn,
        DescriptionColumn,
        FingerprintColumn,
        ColumnCount
    };

    explicit FragmentTableModel(QObject *parent = nullptr);

    void setFragments(const QList<CustomerFragment> &fragments);
    const CustomerFragment *fragment(int row) const;
    int rowOfId(const QString &id) const;
    void setFingerprint(const QString &id, const QString &fingerprint);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<CustomerFragment> m_fragments;
    QHash<QString, QString> m_fingerprints; // by id
};

} // namespace hsm::ui
