// SPDX-License-Identifier: Apache-2.0
#include "ui/ListTable.h"

#include <QHeaderView>
#include <QTableView>

namespace hsm::ui {

void setUpListTable(QTableView *table) {
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    // One line per row; the style's default row is about twice that.
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace hsm::ui
