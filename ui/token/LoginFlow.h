#pragma once

#include "pkcs11/Result.h"
#include "token/SlotInfo.h"
#include "token/TokenLogin.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <optional>

class QMessageBox;
class QWidget;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class PinDialog;

// Logging in to and out of the selected token, by the PIN-state rules: read the state
// first; a locked PIN is shown and nothing can be entered; a final try needs an explicit
// "Try anyway"; a token with a PIN pad is logged in without asking; otherwise the PIN
// dialog, which stays open with the reason when the login fails.
class LoginFlow : public QObject {
    Q_OBJECT
public:
    // Dialogs open over `window`.
    LoginFlow(HsmClient &client, QWidget *window);
    ~LoginFlow() override;

    // The token the actions apply to (nullptr or a slot without an initialized token: none);
    // asks the worker whether it is logged in.
    void setSlot(const SlotInfo *slot);
    bool hasToken() const { return m_slot.has_value(); }
    bool isLoggedIn() const { return m_loggedIn; }
    // "Logged in to demo", "Not logged in to demo", or empty without a token.
    QString statusText() const;

public Q_SLOTS:
    void logIn();
    void logOut();

Q_SIGNALS:
    // isLoggedIn() or statusText() changed.
    void stateChanged();
    // A login or logout went through: the token now shows other objects.
    void loginChanged();
    // Something to tell the user in passing (a warning after logging in, a failure).
    void notice(const QString &text);

private:
    void pinStateRead();
    void askFinalTry(const PinState &state, bool reentry);
    void proceed(const PinState &state);
    void openPinDialog(const PinState &state);
    void submitPin();
    void loginFinished();
    void logoutFinished();
    void loggedInRead();
    void pinStateAfterFailureRead();
    void showError(const QString &text);
    QString tokenName(const SlotInfo &slot) const;

    HsmClient &m_client;
    QWidget *m_window;
    std::optional<SlotInfo> m_slot;      // the selected token
    std::optional<SlotInfo> m_loginSlot; // the token a login in progress is for
    bool m_loggedIn = false;
    LoginOptions m_options;
    QPointer<PinDialog> m_dialog;
    QPointer<QMessageBox> m_confirmation;
    QFutureWatcher<Result<PinState>> m_pinStateWatcher;
    QFutureWatcher<Result<PinState>> m_afterFailureWatcher;
    QFutureWatcher<Result<LoginReport>> m_loginWatcher;
    QFutureWatcher<Status> m_logoutWatcher;
    QFutureWatcher<Result<bool>> m_loggedInWatcher;
};

} // namespace hsm::ui
