// SPDX-License-Identifier: Apache-2.0
#include "ui/wizard/VerifyPage.h"

#include "core/client/FutureResult.h"
#include "core/entropy/RandomSource.h"
#include "ui/token/LoginFlow.h"
#include "ui/wizard/FragmentWizardState.h"
#include "ui/wizard/StatusLine.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hsm::ui {
namespace {

constexpr int kDerivations = 2;

} // namespace

VerifyPage::VerifyPage(HsmClient &client, FragmentWizardState &state, LoginFlow *login,
                       QWidget *parent)
    : QWizardPage(parent)
    , m_client(client)
    , m_state(state)
    , m_login(login)
    , m_summary(new QLabel(this))
    , m_fingerprint(new QLineEdit(this))
    , m_explanation(new QLabel(this))
    , m_status(new StatusLine(QStringLiteral("verifyError"), tr("Verification status"), this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_stop(new QPushButton(tr("&Stop"), this)) {
    setTitle(tr("Generate and Verify"));
    setSubTitle(tr("The fragment is generated and derived twice through the HSM, with HSM "
                   "Admin's documented scheme. Nothing is written yet."));

    m_summary->setObjectName(QStringLiteral("fragmentSummary"));
    m_summary->setAccessibleName(tr("Generated fragment"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_fingerprint->setObjectName(QStringLiteral("fingerprint"));
    m_fingerprint->setAccessibleName(tr("Fingerprint of the derived value"));
    m_fingerprint->setReadOnly(true);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setPlaceholderText(tr("not derived yet"));
    m_explanation->setObjectName(QStringLiteral("fingerprintExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setText(
        tr("The fingerprint is the start of the SHA-256 of the derived value: safe to show and "
           "compare, e.g. with `hsm-admin-cli derive --name NAME` on the gateway's host. It "
           "proves that this file, this key and HSM Admin's scheme give this value, and that two "
           "HSMs showing it hold the same key. The vendor does not publish the gateway's own "
           "derivation, so it is not the gateway's internal value. The value itself is never "
           "shown."));

    m_retry->setObjectName(QStringLiteral("retryVerify"));
    m_retry->setAccessibleName(tr("Generate and verify again"));
    m_retry->hide();
    m_stop->setObjectName(QStringLiteral("stopVerify"));
    m_stop->setAccessibleName(tr("Stop generating and verifying"));
    m_stop->hide();

    auto *fingerprintLabel = new QLabel(tr("&Fingerprint:"), this);
    fingerprintLabel->setBuddy(m_fingerprint);
    auto *form = new QFormLayout;
    form->addRow(m_summary);
    form->addRow(fingerprintLabel, m_fingerprint);

    auto *retryRow = new QHBoxLayout;
    retryRow->addWidget(m_status, 1);
    retryRow->addWidget(m_retry, 0, Qt::AlignTop);
    retryRow->addWidget(m_stop, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_explanation);
    layout->addSpacing(layout->spacing() * 2);
    layout->addLayout(retryRow);
    layout->addStretch(1);

    connect(m_retry, &QPushButton::clicked, this, &VerifyPage::start);
    connect(m_stop, &QPushButton::clicked, this, &VerifyPage::stopByUser);
    connect(&m_generateWatcher, &QFutureWatcherBase::finished, this, &VerifyPage::generated);
    connect(&m_deriveWatcher, &QFutureWatcherBase::finished, this, &VerifyPage::derived);
}

VerifyPage::~VerifyPage() {
    stop();
}

void VerifyPage::initializePage() {
    start();
}

void VerifyPage::cleanupPage() {
    // Back: the fragment is dropped unwritten and anything in flight is cancelled.
    stop();
    m_state.fragment.reset();
    m_state.fingerprint.clear();
}

bool VerifyPage::isComplete() const {
    return m_verified;
}

void VerifyPage::stop() {
    m_generateWatcher.cancel();
    m_deriveWatcher.cancel();
    setBusy(false);
}

void VerifyPage::stopByUser() {
    if (!m_stop->isVisible())
        return;
    // Idle at once; a hung PKCS#11 call keeps the worker until the library answers, and a
    // Retry waits for that in the client's queue.
    stop();
    fail(tr("Stopped: nothing was generated. Retry starts again."));
}

void VerifyPage::setBusy(bool busy) {
    m_stop->setVisible(busy);
    if (busy)
        m_retry->hide();
}

void VerifyPage::start() {
    stop();
    m_verified = false;
    m_fingerprints.clear();
    m_state.fragment.reset();
    m_state.fingerprint.clear();
    m_fingerprint->clear();
    m_retry->hide();
    m_stop->setObjectName(QStringLiteral("stopVerify"));
    m_stop->setAccessibleName(tr("Stop generating and verifying"));
    m_stop->hide();
    m_summary->setText(
        tr("'%1', %2").arg(m_state.request.name, CustomerFragment::typeName(m_state.request.type)));
    m_status->showBusy(tr("Generating the fragment…"));
    setBusy(true);
    Q_EMIT completeChanged();
    const std::optional<CK_SLOT_ID> slot =
        m_state.slot ? std::optional<CK_SLOT_ID>(m_state.slot->id) : std::nullopt;
    m_generateWatcher.setFuture(m_client.generateFragment(slot, m_state.request, m_state.takenIds));
}

void VerifyPage::generated() {
    const Result<CustomerFragment> fragment = finishedResult(m_generateWatcher.future());
    if (fragment.isCancelled())
        return;
    if (!fragment) {
        failed(tr("Could not generate the fragment"), fragment.error());
        return;
    }
    m_state.fragment = fragment.value();
    const CustomerFragment &f = *m_state.fragment;
    const QString entropy =
        m_state.request.entropy ? entropy::sourceName(*m_state.request.entropy) : QString();
    m_summary->setText(
        f.type() == FragmentType::HsmWrapEncrypt
            ? tr("'%1', %2, id %3, encrypted in the HSM under the KEK '%4' with "
                 "%5; seed from %6 entropy. The fingerprint is of the fragment "
                 "decrypted again in the HSM.")
                  .arg(f.name(), f.typeName(), f.id(), f.keyLabel(), f.wrapAlgorithmName(), entropy)
        : f.isHsmType() ? tr("'%1', %2, id %3, derived with the key '%4'; seed from "
                             "%5 entropy.")
                              .arg(f.name(), f.typeName(), f.id(), f.keyLabel(), entropy)
                        : tr("'%1', %2, id %3; seed from %4 entropy.")
                              .arg(f.name(), f.typeName(), f.id(), entropy));
    m_status->showBusy(tr("Deriving the value (1 of %1)…").arg(kDerivations));
    m_deriveWatcher.setFuture(m_client.deriveFragment(m_state.slot->id, f, false));
}

void VerifyPage::derived() {
    const Result<HsmClient::Derived> result = finishedResult(m_deriveWatcher.future());
    if (result.isCancelled() || !m_state.fragment)
        return;
    if (!result) {
        failed(tr("Could not derive the fragment"), result.error());
        return;
    }
    m_fingerprints << result->fingerprint;
    if (m_fingerprints.size() < kDerivations) {
        m_status->showBusy(
            tr("Deriving the value (%1 of %2)…").arg(m_fingerprints.size() + 1).arg(kDerivations));
        m_deriveWatcher.setFuture(
            m_client.deriveFragment(m_state.slot->id, *m_state.fragment, false));
        return;
    }
    if (m_fingerprints.first() != m_fingerprints.last()) {
        fail(tr("The two derivations differ (%1, then %2): the HSM does not compute the same "
                "HMAC twice, so the gateway could not rely on this fragment.")
                 .arg(m_fingerprints.first(), m_fingerprints.last()));
        return;
    }
    setBusy(false);
    m_verified = true;
    m_state.fingerprint = m_fingerprints.first();
    m_fingerprint->setText(m_state.fingerprint);
    m_status->showSuccess(tr("Both derivations gave the same value. Next: where to write it."));
    Q_EMIT completeChanged();
}

void VerifyPage::failed(const QString &what, const Error &error) {
    const QString failure = tr("%1: %2").arg(what, error.toString());
    if (m_login &&
        m_login->relogin(
            error, this, [this] { start(); },
            [this, failure](const QString &why) {
                fail(tr("%1\nNot logged in, so not tried again: %2 Retry asks for the PIN.")
                         .arg(failure, why));
            })) {
        // Logged out behind our back (an HSM restart): the PIN again, then from the start.
        m_state.fragment.reset();
        m_status->showNote(
            tr("The token is not logged in any more: log in and the fragment is generated "
               "again."));
        setBusy(false);
        return;
    }
    fail(failure);
}

void VerifyPage::fail(const QString &message) {
    setBusy(false);
    m_verified = false;
    m_state.fragment.reset();
    m_state.fingerprint.clear();
    m_fingerprint->clear();
    m_status->showError(message);
    m_retry->show();
    Q_EMIT completeChanged();
}

} // namespace hsm::ui
