// SPDX-License-Identifier: Apache-2.0
#pragma once

class QTableView;

namespace hsm::ui {

// Sets up a read-only table of one-line rows, as the Mechanisms and Objects tabs show
// them: whole rows selected, sortable, alternating colours, no row numbers.
void setUpListTable(QTableView *table);

} // namespace hsm::ui
