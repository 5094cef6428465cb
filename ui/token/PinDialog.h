// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/SecretBytes.h"
#include "core/token/TokenLogin.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hsm::ui {

// Asks for a token's user PIN. It shows what the token says about the PIN before anything
// is typed (a warning when attempts have failed; no entry at all when the PIN is locked).
// Log In emits pinEntered(); the owner takes the PIN with takePin() and closes the dialog
// only when the login succeeded, so a failure can be read and corrected in place.
class PinDialog : public QDialog {
    Q_OBJECT
public:
    explicit PinDialog(const QString &tokenName, QWidget *parent = nullptr);

    void setPinState(const PinState &state);
    // Moves the PIN out and empties the line edit (undo history included).
    SecretBytes takePin();
    // A login is in flight: no entry until showFailure() or the dialog closes.
    void showBusy();
    void showFailure(const QString &message);
    // A neutral note, e.g. after confirming a final try.
    void showNote(const QString &message);

Q_SIGNALS:
    void pinEntered();

private:
    void submit();
    void updateButtons();

    QLabel *m_state;
    QLineEdit *m_pin;
    QCheckBox *m_showPin;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_locked = false;
    bool m_busy = false;
};

} // namespace hsm::ui
