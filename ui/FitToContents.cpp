// SPDX-License-Identifier: Apache-2.0
#include "ui/FitToContents.h"

#include <QLayout>
#include <QWidget>

namespace hsm::ui {

void growToFitContents(QWidget *window) {
    if (QLayout *layout = window->layout())
        layout->activate();
    const int needed = window->hasHeightForWidth() ? window->heightForWidth(window->width())
                                                   : window->sizeHint().height();
    if (needed > window->height())
        window->resize(window->width(), needed);
}

} // namespace hsm::ui
