// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace hsm::ui {

// Keeps the objects whose label, id, class or key type contains the filter text, ignoring
// case; sorts sizes as numbers.
class ObjectFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ObjectFilterProxyModel(QObject *parent = nullptr);

    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace hsm::ui
