// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/SlotInfo.h"
#include "core/token/TokenLogin.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>
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
//
// It is also where a request that finds the token logged out comes back to: relogin() asks
// for the PIN again and runs the request once more, so that pages need not each handle it.
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

    // What a request does once the login it waited for succeeded, or when it did not happen
    // (`why` says why, in a sentence to show: the dialog was closed, the login failed, ...).
    using Retry = std::function<void()>;
    using GiveUp = std::function<void(const QString &why)>;

    // A request on the selected token failed with `error`. When it says the token is not, or
    // no longer, logged in (Error::Kind::NeedsLogin, or a session the module closed under a
    // token this flow had logged in, as after an HSM restart), the token is shown logged out,
    // the PIN is asked for again with the reason, and `retry` runs after the login. `giveUp`
    // runs instead when the PIN dialog is closed without logging in, the login cannot be
    // tried, another token is chosen, or only the session was lost and the token is still
    // logged in (then `why` is `error` itself). Requests failing this way while the dialog is
    // open wait for the same login. Both callbacks are dropped if `context` is destroyed
    // first. Returns false, doing nothing, for any other error.
    bool relogin(const Error &error, QObject *context, Retry retry, GiveUp giveUp = {});

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
    struct Waiting {
        QPointer<QObject> context;
        Retry retry;
        GiveUp giveUp;
    };

    void startLogin();
    void askAgain();
    // Runs the waiting requests' retries (logged in) or their give-ups with `why`.
    void settle(bool loggedIn, const QString &why = QString());
    void stillLoggedInRead();
    QWidget *dialogParent() const;
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
    QList<Waiting> m_waiting; // requests that retry after the login
    QString m_reloginReason;  // why the PIN is asked for again; empty for a plain login
    QFutureWatcher<Result<bool>> m_stillLoggedInWatcher;
    QFutureWatcher<Result<PinState>> m_pinStateWatcher;
    QFutureWatcher<Result<PinState>> m_afterFailureWatcher;
    QFutureWatcher<Result<LoginReport>> m_loginWatcher;
    QFutureWatcher<Status> m_logoutWatcher;
    QFutureWatcher<Result<bool>> m_loggedInWatcher;
};

} // namespace hsm::ui
