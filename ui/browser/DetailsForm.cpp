// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/DetailsForm.h"

#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedLayout>

namespace hsm::ui {

DetailsForm::DetailsForm(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_note(new QLabel(this))
    , m_fields(new QWidget)
    , m_form(new QFormLayout(m_fields)) {
    m_note->setAlignment(Qt::AlignCenter);
    m_note->setWordWrap(true);
    m_note->setAccessibleName(tr("Note"));
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // The token has more rows than a small window shows.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);

    m_stack->addWidget(m_note);
    m_stack->addWidget(scroll);
}

void DetailsForm::showNote(const QString &text) {
    m_note->setText(text);
    m_stack->setCurrentWidget(m_note);
}

QLabel *DetailsForm::addField(const QString &name) {
    auto *value = new QLabel(m_fields);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    value->setAccessibleName(name);
    m_form->addRow(tr("%1:").arg(name), value);
    return value;
}

void DetailsForm::showFields() {
    m_stack->setCurrentIndex(1);
}

} // namespace hsm::ui
