// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedLayout;

namespace hsm::ui {

// A read-only form of named values, or a note in its place when there is nothing to show.
// The base of the Slot and Token tabs.
class DetailsForm : public QWidget {
    Q_OBJECT
public:
    explicit DetailsForm(QWidget *parent = nullptr);

    // Hides the fields and shows `text` instead ("Select a slot in the tree.").
    void showNote(const QString &text);

protected:
    // Adds a row; the returned label holds its value.
    QLabel *addField(const QString &name);
    // Shows the fields again, once they have been filled.
    void showFields();

private:
    QStackedLayout *m_stack = nullptr;
    QLabel *m_note = nullptr;
    QWidget *m_fields = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace hsm::ui
