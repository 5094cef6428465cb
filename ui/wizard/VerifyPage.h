// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/client/HsmClient.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hsm::ui {

class LoginFlow;
class StatusLine;
struct FragmentWizardState;

// The wizard's fourth page: generates the fragment on the worker, derives it twice and
// shows the fingerprint of the value (never the value). Complete only when both derivations
// agree; a failure is shown with a Retry, and Stop ends a request that takes too long. A
// token found logged out asks for the PIN through `login` and starts again after the login.
// Nothing is written here.
class VerifyPage : public QWizardPage {
    Q_OBJECT
public:
    VerifyPage(HsmClient &client, FragmentWizardState &state, LoginFlow *login,
               QWidget *parent = nullptr);
    ~VerifyPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void start();
    void stop();
    // Stop pressed: the request in flight is abandoned and the page waits for Retry.
    void stopByUser();
    void generated();
    void derived();
    // A request failed with `error`: asks for the PIN again if that is why, else fail().
    void failed(const QString &what, const Error &error);
    void fail(const QString &message);
    void setBusy(bool busy);

    HsmClient &m_client;
    FragmentWizardState &m_state;
    QPointer<LoginFlow> m_login;
    QLabel *m_summary;
    QLineEdit *m_fingerprint;
    QLabel *m_explanation;
    StatusLine *m_status;
    QPushButton *m_retry;
    QPushButton *m_stop;
    QStringList m_fingerprints; // of the derivations so far
    bool m_verified = false;
    QFutureWatcher<Result<CustomerFragment>> m_generateWatcher;
    QFutureWatcher<Result<HsmClient::Derived>> m_deriveWatcher;
};

} // namespace hsm::ui
