// SPDX-License-Identifier: Apache-2.0
#include "ui/wizard/StatusLine.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace hsm::ui {

StatusLine::StatusLine(const QString &objectName, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_busy(new QProgressBar(this))
    , m_message(new QLabel(this)) {
    m_busy->setObjectName(objectName + QStringLiteral("Busy"));
    m_busy->setAccessibleName(tr("Working"));
    m_busy->setRange(0, 0); // the worker reports no progress for these requests
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height());
    m_busy->hide();

    m_message->setObjectName(objectName);
    m_message->setAccessibleName(accessibleName);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_busy);
    layout->addWidget(m_message);
}

void StatusLine::showBusy(const QString &text) {
    show(text, QString(), true);
}

void StatusLine::showNote(const QString &text) {
    show(text, QString(), false);
}

void StatusLine::showSuccess(const QString &text) {
    show(text, QStringLiteral("QLabel { color: #0f5132; }"), false);
}

void StatusLine::showError(const QString &text) {
    show(text, QStringLiteral("QLabel { color: #b02a37; }"), false);
}

void StatusLine::clear() {
    m_busy->hide();
    m_message->clear();
    m_message->hide();
}

bool StatusLine::isBusy() const {
    return !m_busy->isHidden();
}

QString StatusLine::text() const {
    return m_message->text();
}

void StatusLine::show(const QString &text, const QString &styleSheet, bool busy) {
    m_busy->setVisible(busy);
    m_message->setStyleSheet(styleSheet);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace hsm::ui
