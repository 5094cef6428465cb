// SPDX-License-Identifier: Apache-2.0
#include "ui/token/PinDialog.h"

#include "ui/FitToContents.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hsm::ui {
namespace {

const QString kWarningStyle = QStringLiteral("QLabel { background: #fff3cd; color: #664d03; "
                                             "border: 1px solid #ffda6a; padding: 6px; }");
const QString kDangerStyle = QStringLiteral("QLabel { background: #f8d7da; color: #58151c; "
                                            "border: 1px solid #f1aeb5; padding: 6px; }");

} // namespace

PinDialog::PinDialog(const QString &tokenName, QWidget *parent)
    : QDialog(parent)
    , m_state(new QLabel(this))
    , m_pin(new QLineEdit(this))
    , m_showPin(new QCheckBox(tr("&Show PIN"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Log In to %1").arg(tokenName));
    setAccessibleName(windowTitle());

    m_state->setObjectName(QStringLiteral("pinState"));
    m_state->setAccessibleName(tr("PIN state"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);

    auto *pinLabel = new QLabel(tr("User &PIN for %1:").arg(tokenName), this);
    pinLabel->setWordWrap(true);
    pinLabel->setBuddy(m_pin);
    m_pin->setObjectName(QStringLiteral("pinEdit"));
    m_pin->setAccessibleName(tr("User PIN"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                               Qt::ImhNoAutoUppercase);
    m_pin->setContextMenuPolicy(Qt::NoContextMenu); // no copying the PIN out when shown
    m_showPin->setObjectName(QStringLiteral("showPin"));
    m_showPin->setAccessibleName(tr("Show the PIN while typing"));
    connect(m_showPin, &QCheckBox::toggled, this, [this](bool show) {
        m_pin->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });

    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setAccessibleName(tr("Login message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    QPushButton *logIn = m_buttons->button(QDialogButtonBox::Ok);
    logIn->setText(tr("&Log In"));
    logIn->setAccessibleName(tr("Log in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(pinLabel);
    layout->addWidget(m_pin);
    layout->addWidget(m_showPin);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(440, 0);
    growToFitContents(this);

    // Log In reports the PIN instead of closing; the owner closes on success.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PinDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pin, &QLineEdit::textChanged, this, &PinDialog::updateButtons);
    // The PIN does not outlive the dialog, however it closes.
    connect(this, &QDialog::finished, this, [this] { m_pin->setText(QString()); });
    updateButtons();
}

void PinDialog::setPinState(const PinState &state) {
    m_locked = state.locked;
    m_state->setText(state.describe());
    // A failed attempt, a final try and a lock are what people miss; make them stand out.
    const bool warn = state.countLow || state.finalTry || state.locked;
    m_state->setStyleSheet(state.finalTry || state.locked ? kDangerStyle
                           : warn                         ? kWarningStyle
                                                          : QString());
    m_state->setProperty("warning", warn);
    if (state.locked) {
        m_pin->setText(QString());
        showFailure(tr("No PIN can be entered while the user PIN is locked."));
    }
    m_pin->setEnabled(!m_locked && !m_busy);
    updateButtons();
    growToFitContents(this);
}

SecretBytes PinDialog::takePin() {
    QString text = m_pin->text();
    // setText(), unlike clear(), also drops the line edit's undo history.
    m_pin->setText(QString());
    SecretBytes pin = SecretBytes::fromString(text);
    // `text` now holds the line edit's last buffer alone: overwrite it in place.
    text.fill(QChar(u'\0'));
    return pin;
}

void PinDialog::showBusy() {
    m_busy = true;
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Logging in…"));
    m_message->show();
    m_pin->setEnabled(false);
    updateButtons();
    growToFitContents(this);
}

void PinDialog::showFailure(const QString &message) {
    m_busy = false;
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_message->setText(message);
    m_message->show();
    m_pin->setEnabled(!m_locked);
    updateButtons();
    if (!m_locked)
        m_pin->setFocus();
    growToFitContents(this);
}

void PinDialog::showNote(const QString &message) {
    m_message->setStyleSheet(QString());
    m_message->setText(message);
    m_message->show();
    growToFitContents(this);
}

void PinDialog::submit() {
    if (m_busy || m_locked || m_pin->text().isEmpty())
        return;
    Q_EMIT pinEntered();
}

void PinDialog::updateButtons() {
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && !m_locked && !m_pin->text().isEmpty());
    m_showPin->setEnabled(!m_locked);
}

} // namespace hsm::ui
