// SPDX-License-Identifier: Apache-2.0
#pragma once

class QWidget;

namespace hsm::ui {

// Makes `window` tall enough for its layout at its current width. Word-wrapped labels
// ask for height by width, which a top-level window does not follow by itself: call this
// after changing such a label's text.
void growToFitContents(QWidget *window);

} // namespace hsm::ui
