#pragma once

#include "client/HsmClient.h"
#include "pkcs11/Result.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hsm::ui {

class StatusLine;
struct FragmentWizardState;

// The wizard's fourth page: generates the fragment on the worker, derives it twice and
// shows the fingerprint of the value (never the value). Complete only when both derivations
// agree; a failure is shown with a Retry. Nothing is written here.
class VerifyPage : public QWizardPage {
    Q_OBJECT
public:
    VerifyPage(HsmClient &client, FragmentWizardState &state, QWidget *parent = nullptr);
    ~VerifyPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void start();
    void stop();
    void generated();
    void derived();
    void fail(const QString &message);

    HsmClient &m_client;
    FragmentWizardState &m_state;
    QLabel *m_summary;
    QLineEdit *m_fingerprint;
    QLabel *m_explanation;
    StatusLine *m_status;
    QPushButton *m_retry;
    QStringList m_fingerprints; // of the derivations so far
    bool m_verified = false;
    QFutureWatcher<Result<CustomerFragment>> m_generateWatcher;
    QFutureWatcher<Result<HsmClient::Derived>> m_deriveWatcher;
};

} // namespace hsm::ui
