#include "token/LoginFlow.h"

#include "client/HsmClient.h"
#include "token/PinDialog.h"

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
}

LoginFlow::~LoginFlow() = default;

void LoginFlow::setSlot(const SlotInfo *slot) {
    const bool usable = slot && slot->token && slot->token->has(CKF_TOKEN_INITIALIZED);
    m_slot = usable ? std::optional<SlotInfo>(*slot) : std::nullopt;
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
    const QFuture<Result<PinState>> future = m_pinStateWatcher.future();
    if (future.resultCount() == 0 || !m_loginSlot)
        return;
    const Result<PinState> state = future.result();
    if (!state) {
        showError(tr("Could not read the PIN state of %1: %2")
                      .arg(tokenName(*m_loginSlot), state.error().toString()));
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
                                QMessageBox::NoButton, m_dialog ? m_dialog.data() : m_window);
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
                m_dialog->reject();
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
    m_dialog = new PinDialog(tokenName(*m_loginSlot), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setPinState(state);
    connect(m_dialog, &PinDialog::pinEntered, this, &LoginFlow::submitPin);
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
    const QFuture<Result<LoginReport>> future = m_loginWatcher.future();
    if (future.resultCount() == 0 || !m_loginSlot)
        return;
    const Result<LoginReport> report = future.result();
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
            showError(
                tr("Could not log in to %1: %2").arg(tokenName(*m_loginSlot), error.toString()));
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
}

void LoginFlow::pinStateAfterFailureRead() {
    const QFuture<Result<PinState>> future = m_afterFailureWatcher.future();
    if (!m_dialog || future.resultCount() == 0)
        return;
    const Result<PinState> state = future.result();
    if (state)
        m_dialog->setPinState(state.value());
}

void LoginFlow::logOut() {
    if (!m_slot || m_logoutWatcher.isRunning())
        return;
    m_logoutWatcher.setFuture(m_client.logout(m_slot->id));
}

void LoginFlow::logoutFinished() {
    const QFuture<Status> future = m_logoutWatcher.future();
    if (future.resultCount() == 0)
        return;
    const Status status = future.result();
    if (!status) {
        showError(tr("Could not log out: %1").arg(status.error().toString()));
        return;
    }
    // Re-read rather than assume: the logout was for the token selected back then.
    setSlot(m_slot ? &*m_slot : nullptr);
    Q_EMIT loginChanged();
}

void LoginFlow::loggedInRead() {
    const QFuture<Result<bool>> future = m_loggedInWatcher.future();
    if (future.isCanceled() || future.resultCount() == 0)
        return;
    const Result<bool> loggedIn = future.result();
    m_loggedIn = loggedIn && loggedIn.value();
    Q_EMIT stateChanged();
}

void LoginFlow::showError(const QString &text) {
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Log In"), text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("loginError"));
    box->setAccessibleName(tr("Login problem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT notice(text);
}

} // namespace hsm::ui
