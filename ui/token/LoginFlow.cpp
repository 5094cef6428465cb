// SPDX-License-Identifier: Apache-2.0
#include "ui/token/LoginFlow.h"

#include "core/client/FutureResult.h"
#include "core/client/HsmClient.h"
#include "ui/token/PinDialog.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>

namespace hsm::ui {

LoginFlow::LoginFlow(HsmClient &client, QWidget *window)
    : QObject(window)
    , m_client(client)
    , m_window(window) {
    connect(&m_pinStateWatcher, &QFutureWatcherBase::finished, this, &LoginFlow::pinStateRead);
    connect(&m_afterFailureWatcher, &QFutureWatcherBase::finished, this,
            &LoginFlow::pinStateAfterFailureRead);
    connect(&m_loginWatcher, &QFutureWatcherBase::finished, this, &LoginFlow::loginFinished);
    connect(&m_logoutWatcher, &QFutureWatcherBase::finished, this, &LoginFlow::logoutFinished);
    connect(&m_loggedInWatcher, &QFutureWatcherBase::finished, this, &LoginFlow::loggedInRead);
    connect(&m_stillLoggedInWatcher, &QFutureWatcherBase::finished, this,
            &LoginFlow::stillLoggedInRead);
}

LoginFlow::~LoginFlow() = default;

void LoginFlow::setSlot(const SlotInfo *slot) {
    const bool usable = slot && slot->token && slot->token->has(CKF_TOKEN_INITIALIZED);
    m_slot = usable ? std::optional<SlotInfo>(*slot) : std::nullopt;
    // Requests waiting for a login to another token do not get it.
    if (!m_waiting.isEmpty() && (!m_slot || !m_loginSlot || m_slot->id != m_loginSlot->id))
        settle(false, tr("Another token was chosen."));
    m_loggedIn = false;
    m_loggedInWatcher.cancel();
    if (m_slot)
        m_loggedInWatcher.setFuture(m_client.isLoggedIn(m_slot->id));
    else
        m_loggedInWatcher.setFuture({});
    Q_EMIT stateChanged();
}

QString LoginFlow::statusText() const {
    if (!m_slot)
        return QString();
    return m_loggedIn ? tr("Logged in to %1").arg(m_slot->token->label)
                      : tr("Not logged in to %1").arg(m_slot->token->label);
}

QString LoginFlow::tokenName(const SlotInfo &slot) const {
    return slot.token ? slot.token->displayName() : tr("slot %1").arg(slot.id);
}

void LoginFlow::logIn() {
    startLogin();
}

bool LoginFlow::relogin(const Error &error, QObject *context, Retry retry, GiveUp giveUp) {
    if (!m_slot)
        return false;
    const bool needsLogin =
        error.kind == Error::Kind::NeedsLogin ||
        (error.kind == Error::Kind::Pkcs11 && error.rv == CKR_USER_NOT_LOGGED_IN);
    // A closed session on a token we logged in to: the login may have gone with it.
    const bool sessionLost = m_loggedIn && error.isSessionLost();
    if (!needsLogin && !sessionLost)
        return false;
    m_waiting.append({context, std::move(retry), std::move(giveUp)});
    m_reloginReason = error.toString();
    m_loginSlot = m_slot;
    if (needsLogin)
        askAgain();
    else if (!m_stillLoggedInWatcher.isRunning())
        m_stillLoggedInWatcher.setFuture(m_client.isLoggedIn(m_slot->id));
    return true;
}

void LoginFlow::stillLoggedInRead() {
    const Result<bool> loggedIn = finishedResult(m_stillLoggedInWatcher.future());
    if (m_waiting.isEmpty() || loggedIn.isCancelled())
        return;
    if (m_dialog || m_pinStateWatcher.isRunning() || m_loginWatcher.isRunning() || m_confirmation)
        return; // a login is under way; it settles the waiting requests
    if (loggedIn && loggedIn.value()) {
        // Only the session was lost; the module opens a new one on the next request. Not
        // retried here, so that a module that keeps losing sessions cannot keep us looping.
        settle(false, m_reloginReason);
        return;
    }
    askAgain();
}

void LoginFlow::askAgain() {
    const bool wasLoggedIn = m_loggedIn;
    m_loggedIn = false;
    Q_EMIT stateChanged();
    if (wasLoggedIn)
        Q_EMIT notice(tr("%1 is no longer logged in (the HSM may have restarted): enter the PIN "
                         "again to go on.")
                          .arg(tokenName(*m_loginSlot)));
    if (m_dialog) {
        m_dialog->showNote(tr("Log in again to go on: %1").arg(m_reloginReason));
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    startLogin();
}

void LoginFlow::settle(bool loggedIn, const QString &why) {
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    m_reloginReason.clear();
    m_stillLoggedInWatcher.cancel();
    if (!loggedIn && !waiting.isEmpty() && !why.isEmpty())
        Q_EMIT notice(tr("Not logged in: %1").arg(why));
    for (const Waiting &w : waiting) {
        if (!w.context)
            continue; // the page that asked is gone
        if (loggedIn && w.retry)
            w.retry();
        else if (!loggedIn && w.giveUp)
            w.giveUp(why);
    }
}

QWidget *LoginFlow::dialogParent() const {
    // Over a dialog of our window that waits for the login (Create Key, say), so that the
    // PIN dialog is on top and usable; else over the window itself.
    QWidget *modal = QApplication::activeModalWidget();
    for (QWidget *w = modal; w; w = w->parentWidget()) {
        if (w == m_window)
            return modal;
    }
    return m_window;
}

void LoginFlow::startLogin() {
    if (!m_slot)
        return;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    if (m_pinStateWatcher.isRunning() || m_loginWatcher.isRunning() || m_confirmation)
        return; // a login is already under way
    m_loginSlot = m_slot;
    m_options = {};
    m_pinStateWatcher.setFuture(m_client.pinState(m_loginSlot->id));
}

void LoginFlow::pinStateRead() {
    const Result<PinState> state = finishedResult(m_pinStateWatcher.future());
    if (state.isCancelled() || !m_loginSlot)
        return;
    if (!state) {
        const QString text = tr("Could not read the PIN state of %1: %2")
                                 .arg(tokenName(*m_loginSlot), state.error().toString());
        showError(text);
        settle(false, text);
        return;
    }
    if (state->locked) {
        openPinDialog(state.value()); // shows why; entry is disabled
        return;
    }
    if (state->finalTry) {
        askFinalTry(state.value(), false);
        return;
    }
    proceed(state.value());
}

void LoginFlow::askFinalTry(const PinState &state, bool reentry) {
    // Not QMessageBox::question(): a non-static box opened window-modal keeps the event
    // loop ours, and tests can find it and answer.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Final PIN Attempt"),
                                tr("%1\n\nIf this PIN is wrong, the user PIN of %2 locks and only "
                                   "the security officer can unlock it.")
                                    .arg(state.describe(), tokenName(*m_loginSlot)),
                                QMessageBox::NoButton, m_dialog ? m_dialog.data() : dialogParent());
    box->setObjectName(QStringLiteral("finalTryConfirmation"));
    box->setAccessibleName(tr("Final PIN attempt"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *tryAnyway = box->addButton(tr("&Try anyway"), QMessageBox::AcceptRole);
    tryAnyway->setObjectName(QStringLiteral("tryAnyway"));
    tryAnyway->setAccessibleName(tr("Try anyway"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, tryAnyway, state, reentry] {
        if (box->clickedButton() != tryAnyway) {
            if (m_dialog)
                m_dialog->reject(); // which settles the waiting requests
            else
                settle(false, tr("The final PIN attempt was not made."));
            return;
        }
        m_options.allowFinalTry = true;
        if (reentry && m_dialog)
            m_dialog->showNote(tr("Enter the PIN again for the final attempt."));
        else
            proceed(state);
    });
    m_confirmation = box;
    box->open();
}

void LoginFlow::proceed(const PinState &state) {
    if (state.pinPad) {
        // The device asks for the PIN itself; an absent PIN tells the module so.
        Q_EMIT notice(tr("Enter the PIN on the PIN pad of %1.").arg(tokenName(*m_loginSlot)));
        m_loginWatcher.setFuture(m_client.login(m_loginSlot->id, SecretBytes(), m_options));
        return;
    }
    openPinDialog(state);
}

void LoginFlow::openPinDialog(const PinState &state) {
    m_dialog = new PinDialog(tokenName(*m_loginSlot), dialogParent());
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setPinState(state);
    if (!m_reloginReason.isEmpty())
        m_dialog->showNote(tr("Log in again to go on: %1").arg(m_reloginReason));
    connect(m_dialog, &PinDialog::pinEntered, this, &LoginFlow::submitPin);
    // Closed without logging in: what waited for the login is not retried. A dialog that is
    // deleted with its parent never says it finished.
    auto finished = std::make_shared<bool>(false);
    connect(m_dialog, &QDialog::finished, this, [this, finished](int result) {
        *finished = true;
        m_dialog.clear(); // closed: a new login opens a new one
        if (result != QDialog::Accepted)
            settle(false, tr("The PIN dialog was closed without logging in."));
    });
    connect(m_dialog, &QObject::destroyed, this, [this, finished] {
        if (!*finished && !m_loginWatcher.isRunning()) // a login in flight settles when it ends
            settle(false, tr("The PIN dialog was closed without logging in."));
    });
    m_dialog->open();
}

void LoginFlow::submitPin() {
    if (!m_dialog || !m_loginSlot || m_loginWatcher.isRunning())
        return;
    SecretBytes pin = m_dialog->takePin(); // the line edit is empty from here on
    m_dialog->showBusy();
    m_loginWatcher.setFuture(m_client.login(m_loginSlot->id, std::move(pin), m_options));
}

void LoginFlow::loginFinished() {
    const Result<LoginReport> report = finishedResult(m_loginWatcher.future());
    if (report.isCancelled() || !m_loginSlot)
        return;
    if (!report) {
        const Error &error = report.error();
        if (error.kind == Error::Kind::NeedsConfirmation) {
            // The state changed since the dialog opened: this is now the last attempt.
            PinState finalTry;
            finalTry.finalTry = true;
            if (m_dialog) {
                m_dialog->showFailure(error.message);
                m_dialog->setPinState(finalTry);
            }
            askFinalTry(finalTry, m_dialog != nullptr);
            return;
        }
        if (!m_dialog) {
            const QString text =
                tr("Could not log in to %1: %2").arg(tokenName(*m_loginSlot), error.toString());
            showError(text);
            settle(false, text);
            return;
        }
        m_dialog->showFailure(error.toString());
        // A wrong PIN changes the PIN state: show the new one (and disable entry if locked).
        m_afterFailureWatcher.setFuture(m_client.pinState(m_loginSlot->id));
        return;
    }
    if (m_dialog)
        m_dialog->accept();
    if (m_slot && m_slot->id == m_loginSlot->id) {
        m_loggedIn = true;
        Q_EMIT stateChanged();
    }
    if (!report->warnings.isEmpty())
        Q_EMIT notice(tr("Before this login: %1").arg(report->warnings.join(QLatin1Char(' '))));
    Q_EMIT loginChanged();
    settle(true); // what failed for want of the login runs again
}

void LoginFlow::pinStateAfterFailureRead() {
    const Result<PinState> state = finishedResult(m_afterFailureWatcher.future());
    if (m_dialog && state)
        m_dialog->setPinState(state.value());
}

void LoginFlow::logOut() {
    if (!m_slot || m_logoutWatcher.isRunning())
        return;
    m_logoutWatcher.setFuture(m_client.logout(m_slot->id));
}

void LoginFlow::logoutFinished() {
    const Status status = finishedResult(m_logoutWatcher.future());
    if (status.isCancelled())
        return;
    if (!status) {
        showError(tr("Could not log out: %1").arg(status.error().toString()));
        return;
    }
    // Re-read rather than assume: the logout was for the token selected back then.
    setSlot(m_slot ? &*m_slot : nullptr);
    Q_EMIT loginChanged();
}

void LoginFlow::loggedInRead() {
    const Result<bool> loggedIn = finishedResult(m_loggedInWatcher.future());
    if (loggedIn.isCancelled())
        return;
    m_loggedIn = loggedIn && loggedIn.value();
    Q_EMIT stateChanged();
}

void LoginFlow::showError(const QString &text) {
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Log In"), text, QMessageBox::Ok, dialogParent());
    box->setObjectName(QStringLiteral("loginError"));
    box->setAccessibleName(tr("Login problem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT notice(text);
}

} // namespace hsm::ui
