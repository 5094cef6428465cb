// SPDX-License-Identifier: Apache-2.0
#include "ui/wizard/KeyPage.h"

#include "core/client/FutureResult.h"
#include "core/client/HsmClient.h"
#include "core/token/DemoHsm.h"
#include "ui/objects/CreateKekDialog.h"
#include "ui/objects/CreateKeyDialog.h"
#include "ui/token/LoginFlow.h"
#include "ui/wizard/FragmentWizardState.h"
#include "ui/wizard/StatusLine.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hsm::ui {
namespace {

enum Column { LabelColumn, TypeColumn, SizeColumn, IdColumn, CheckColumn };
constexpr int kLabelRole = Qt::UserRole;

} // namespace

KeyPage::KeyPage(HsmClient &client, FragmentWizardState &state, LoginFlow *login, QWidget *parent)
    : QWizardPage(parent)
    , m_client(client)
    , m_state(state)
    , m_login(login)
    , m_hmacMode(new QRadioButton(tr("&HMAC key, for hsm_wrap_hmac and hsm_secured"), this))
    , m_kekMode(new QRadioButton(tr("Key-&encryption key (KEK), for hsm_wrap_encrypt"), this))
    , m_listLabel(new QLabel(this))
    , m_keys(new QTreeWidget(this))
    , m_algorithmLabel(new QLabel(tr("&Wrap algorithm:"), this))
    , m_algorithm(new QComboBox(this))
    , m_algorithmNote(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_reload(new QPushButton(tr("Check &Again"), this))
    , m_createKey(new QPushButton(tr("&Create Key…"), this))
    , m_status(new StatusLine(QStringLiteral("keyStatus"), tr("Key status"), this)) {
    setTitle(tr("HSM Key"));

    m_hmacMode->setObjectName(QStringLiteral("hmacKeyMode"));
    m_hmacMode->setAccessibleName(tr("HMAC key, for hsm_wrap_hmac and hsm_secured"));
    m_kekMode->setObjectName(QStringLiteral("kekMode"));
    m_kekMode->setAccessibleName(tr("Key-encryption key, for hsm_wrap_encrypt"));
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_hmacMode);
    modes->addButton(m_kekMode);
    m_hmacMode->setChecked(true);
    auto *modeRow = new QHBoxLayout;
    modeRow->addWidget(m_hmacMode);
    modeRow->addWidget(m_kekMode);
    modeRow->addStretch(1);

    m_listLabel->setBuddy(m_keys);
    m_keys->setObjectName(QStringLiteral("keyList"));
    m_keys->setColumnCount(5);
    m_keys->setHeaderLabels({tr("Label"), tr("Key type"), tr("Bits"), tr("ID"), tr("Check")});
    m_keys->setRootIsDecorated(false);
    m_keys->setAlternatingRowColors(true);
    m_keys->setUniformRowHeights(true);
    m_keys->setSelectionMode(QAbstractItemView::SingleSelection);
    m_keys->header()->setStretchLastSection(true);

    m_verdict->setObjectName(QStringLiteral("keyVerdict"));
    m_verdict->setAccessibleName(tr("Check of the chosen key"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setMinimumHeight(m_verdict->fontMetrics().height() * 3);
    m_verdict->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_algorithm->setObjectName(QStringLiteral("wrapAlgorithm"));
    m_algorithm->setAccessibleName(tr("Wrap algorithm"));
    m_algorithmLabel->setBuddy(m_algorithm);
    m_algorithmNote->setObjectName(QStringLiteral("wrapAlgorithmNote"));
    m_algorithmNote->setAccessibleName(tr("About the wrap algorithms"));
    m_algorithmNote->setWordWrap(true);
    m_algorithmNote->setTextFormat(Qt::PlainText);
    m_algorithmNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *algorithmRow = new QHBoxLayout;
    algorithmRow->addWidget(m_algorithmLabel);
    algorithmRow->addWidget(m_algorithm, 1);

    m_reload->setObjectName(QStringLiteral("recheckKeys"));
    m_reload->setAccessibleName(tr("Read and check the keys again"));
    m_createKey->setObjectName(QStringLiteral("createKey"));
    m_createKey->setAccessibleName(tr("Create a new secret key"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_createKey);
    buttons->addWidget(m_reload);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modeRow);
    layout->addWidget(m_listLabel);
    layout->addWidget(m_keys, 1);
    layout->addWidget(m_verdict);
    layout->addLayout(algorithmRow);
    layout->addWidget(m_algorithmNote);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    setTabOrder(m_hmacMode, m_kekMode);
    setTabOrder(m_kekMode, m_keys);
    setTabOrder(m_keys, m_algorithm);
    setTabOrder(m_algorithm, m_createKey);
    setTabOrder(m_createKey, m_reload);
    modeChanged();

    connect(m_keys, &QTreeWidget::currentItemChanged, this, &KeyPage::showSelection);
    connect(m_reload, &QPushButton::clicked, this, &KeyPage::reload);
    connect(m_createKey, &QPushButton::clicked, this, &KeyPage::createKey);
    connect(&m_listWatcher, &QFutureWatcherBase::resultsReadyAt, this, &KeyPage::appendKeys);
    connect(&m_listWatcher, &QFutureWatcherBase::finished, this, &KeyPage::listingFinished);
    connect(&m_checkWatcher, &QFutureWatcherBase::finished, this, &KeyPage::checkFinished);
    connect(&m_kekWatcher, &QFutureWatcherBase::finished, this, &KeyPage::kekCheckFinished);
    connect(m_kekMode, &QRadioButton::toggled, this, [this] {
        modeChanged();
        m_keys->setCurrentItem(nullptr);
        m_preferred.clear();
        reload();
    });
}

KeyPage::~KeyPage() {
    stop();
}

void KeyPage::initializePage() {
    m_preferred = !m_state.keyLabel.isEmpty() ? m_state.keyLabel
                  : kekMode()                 ? QString()
                                              : QString::fromLatin1(demoHsm::kKeyLabel);
    reload();
}

bool KeyPage::kekMode() const {
    return m_kekMode->isChecked();
}

void KeyPage::modeChanged() {
    const bool kek = kekMode();
    setSubTitle(kek ? tr("Choose the key-encryption key (KEK) the fragment is encrypted under, "
                         "and the algorithm. Each KEK is checked with an encrypt/decrypt round "
                         "trip inside the HSM for every algorithm its kind allows.")
                    : tr("Choose the secret key the fragment is derived with. Each key is "
                         "checked the way the gateway will use it: exactly one key under its "
                         "label, computing HMAC-SHA256 inside the HSM."));
    m_listLabel->setText(kek ? tr("&Key-encryption keys on the token (RSA key pairs, AES keys):")
                             : tr("Secret &keys on the token:"));
    m_keys->setAccessibleName(kek ? tr("Key-encryption keys on the token")
                                  : tr("Secret keys on the token"));
    m_createKey->setText(kek ? tr("&Create KEK…") : tr("&Create Key…"));
    m_createKey->setAccessibleName(kek ? tr("Create a new key-encryption key")
                                       : tr("Create a new secret key"));
    m_algorithmLabel->setVisible(kek);
    m_algorithm->setVisible(kek);
    m_algorithmNote->setVisible(kek);
    m_algorithm->clear();
    m_algorithmNote->clear();
}

void KeyPage::cleanupPage() {
    // Back: nothing more is needed from the worker.
    stop();
    if (m_createDialog)
        m_createDialog->reject();
    if (m_createKekDialog)
        m_createKekDialog->reject();
    updateControls();
}

bool KeyPage::isComplete() const {
    const QString label = selectedLabel();
    return !label.isEmpty() && m_checks.value(label).passed &&
           (!kekMode() || m_algorithm->currentIndex() >= 0);
}

bool KeyPage::validatePage() {
    if (!isComplete())
        return false;
    const QString label = selectedLabel();
    if (m_state.keyLabel != label || m_state.keyIsKek != kekMode())
        m_state.fragment.reset();
    m_state.keyLabel = label;
    m_state.keyIsKek = kekMode();
    if (kekMode())
        keyEncryption::parseAlgorithm(m_algorithm->currentData().toString(),
                                      &m_state.wrapAlgorithm);
    return true;
}

void KeyPage::stop() {
    m_listWatcher.cancel();
    m_checkWatcher.cancel();
    m_kekWatcher.cancel();
    m_toCheck.clear();
    m_checking.clear();
}

void KeyPage::reload() {
    if (!m_state.slot)
        return;
    if (!selectedLabel().isEmpty())
        m_preferred = selectedLabel();
    stop();
    m_keys->clear();
    m_checks.clear();
    m_listError.clear();
    m_listFailure.reset();
    m_verdict->clear();
    m_algorithm->clear();
    m_algorithmNote->clear();
    m_status->showBusy(
        kekMode() ? tr("Reading the key-encryption keys of %1…").arg(m_state.slot->token->label)
                  : tr("Reading the secret keys of %1…").arg(m_state.slot->token->label));
    m_listWatcher.setFuture(m_client.objects(m_state.slot->id));
    updateControls();
}

void KeyPage::appendKeys(int begin, int end) {
    const QFuture<Result<QList<ObjectInfo>>> future = m_listWatcher.future();
    for (int i = begin; i < end; ++i) {
        const Result<QList<ObjectInfo>> chunk = future.resultAt(i);
        if (!chunk) {
            m_listFailure = chunk.error();
            m_listError = chunk.error().toString();
            continue;
        }
        for (const ObjectInfo &object : chunk.value()) {
            // A KEK is an AES key or an RSA pair, listed once by its private key.
            const bool wanted =
                kekMode() ? (object.objectClass == CKO_SECRET_KEY && object.keyType == CKK_AES) ||
                                (object.objectClass == CKO_PRIVATE_KEY && object.keyType == CKK_RSA)
                          : object.objectClass == CKO_SECRET_KEY;
            if (!wanted)
                continue;
            auto *item = new QTreeWidgetItem(m_keys);
            item->setText(LabelColumn, object.label.isEmpty() ? tr("(no label)") : object.label);
            item->setData(LabelColumn, kLabelRole, object.label);
            item->setText(TypeColumn, object.keyTypeWord());
            item->setText(SizeColumn,
                          object.sizeBits < 0 ? QString() : QString::number(object.sizeBits));
            item->setText(IdColumn, object.idHex());
            if (object.label.isEmpty()) {
                // The gateway finds its key by label: a key without one cannot be used.
                m_checks.insert(QString(), {true,
                                            false,
                                            tr("This key has no label, so the "
                                               "gateway cannot find it."),
                                            {},
                                            {}});
            } else if (!m_checks.contains(object.label)) {
                m_checks.insert(object.label, Check{});
                m_toCheck.append(object.label);
            }
            showCheck(object.label);
        }
    }
}

void KeyPage::listingFinished() {
    if (m_listWatcher.isCanceled())
        return;
    if (m_listFailure && reloginFor(*m_listFailure))
        return;
    for (int i = 0; i < m_keys->topLevelItemCount(); ++i)
        m_keys->resizeColumnToContents(i);
    if (!m_listError.isEmpty()) {
        m_status->showError(tr("Could not read all keys: %1").arg(m_listError));
    } else if (m_keys->topLevelItemCount() == 0) {
        m_status->showNote(kekMode() ? tr("The token has no key-encryption key yet: create one.")
                                     : tr("The token has no secret key yet: create one."));
    }
    checkNext();
}

void KeyPage::checkNext() {
    if (m_toCheck.isEmpty()) {
        m_checking.clear();
        if (m_listError.isEmpty() && m_keys->topLevelItemCount() > 0)
            m_status->clear();
        selectPreferred();
        updateControls();
        return;
    }
    m_checking = m_toCheck.takeFirst();
    if (kekMode()) {
        m_status->showBusy(tr("Checking '%1' with encrypt/decrypt round trips…").arg(m_checking));
        m_kekWatcher.setFuture(m_client.checkKek(m_state.slot->id, m_checking));
    } else {
        m_status->showBusy(tr("Checking '%1' with HMAC-SHA256…").arg(m_checking));
        m_checkWatcher.setFuture(m_client.checkSecretKey(m_state.slot->id, m_checking));
    }
    updateControls();
}

void KeyPage::checkFinished() {
    const Result<KeyCheckReport> report = finishedResult(m_checkWatcher.future());
    if (report.isCancelled() || m_checking.isEmpty())
        return;
    if (!report && reloginFor(report.error()))
        return;
    recordCheck({true, report.ok(), report ? report->verdict : report.error().toString(), {}, {}});
}

void KeyPage::kekCheckFinished() {
    const Result<KekCheckReport> report = finishedResult(m_kekWatcher.future());
    if (report.isCancelled() || m_checking.isEmpty())
        return;
    if (!report && reloginFor(report.error()))
        return;
    if (!report) {
        recordCheck({true, false, report.error().toString(), {}, {}});
        return;
    }
    recordCheck({true, true, report->verdict, report->works, report->refused});
}

void KeyPage::recordCheck(Check check) {
    m_checks[m_checking] = std::move(check);
    showCheck(m_checking);
    if (selectedLabel() == m_checking)
        showSelection();
    checkNext();
}

bool KeyPage::reloginFor(const Error &error) {
    const bool waiting =
        m_login &&
        m_login->relogin(
            error, this, [this] { reload(); },
            [this, failure = error.toString()](const QString &why) {
                // Not logged in: no key can pass; say so on each, and Check Again asks again.
                for (auto it = m_checks.begin(); it != m_checks.end(); ++it) {
                    if (!it->done)
                        *it = Check{true, false, failure, {}, {}};
                    showCheck(it.key());
                }
                showSelection();
                m_status->showError(tr("The keys were not read and checked: %1 %2 Check Again "
                                       "asks for the PIN.")
                                        .arg(failure, why));
                updateControls();
            });
    if (!waiting)
        return false;
    // The token was logged out behind our back: every key is read again after the login.
    stop();
    m_status->showNote(
        tr("The token is not logged in any more: log in and the keys are checked again."));
    updateControls();
    return true;
}

void KeyPage::showCheck(const QString &label) {
    const Check check = m_checks.value(label);
    for (int i = 0; i < m_keys->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_keys->topLevelItem(i);
        if (item->data(LabelColumn, kLabelRole).toString() != label)
            continue;
        item->setText(CheckColumn, !check.done     ? tr("checking…")
                                   : !check.passed ? tr("Failed")
                                   : kekMode()     ? tr("Passed: encrypts and decrypts (%1)")
                                                     .arg(check.works.join(QStringLiteral(", ")))
                                               : tr("Passed: computes HMAC-SHA256"));
        item->setToolTip(CheckColumn, check.words);
        item->setForeground(CheckColumn, !check.done    ? palette().placeholderText()
                                         : check.passed ? QBrush(QColor(0x0f, 0x51, 0x32))
                                                        : QBrush(QColor(0xb0, 0x2a, 0x37)));
    }
}

void KeyPage::selectPreferred() {
    if (m_keys->currentItem())
        return; // the user chose already
    QTreeWidgetItem *firstPassed = nullptr;
    for (int i = 0; i < m_keys->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_keys->topLevelItem(i);
        const QString label = item->data(LabelColumn, kLabelRole).toString();
        if (!m_checks.value(label).passed)
            continue;
        if (label == m_preferred) {
            m_keys->setCurrentItem(item);
            return;
        }
        if (!firstPassed)
            firstPassed = item;
    }
    if (firstPassed)
        m_keys->setCurrentItem(firstPassed);
}

void KeyPage::showSelection() {
    const QString label = selectedLabel();
    const QTreeWidgetItem *item = m_keys->currentItem();
    if (!item) {
        m_verdict->clear();
    } else {
        const Check check = m_checks.value(label);
        const QString name = label.isEmpty() ? tr("This key") : tr("'%1'").arg(label);
        m_verdict->setStyleSheet(!check.done    ? QString()
                                 : check.passed ? QStringLiteral("QLabel { color: #0f5132; }")
                                                : QStringLiteral("QLabel { color: #b02a37; }"));
        m_verdict->setText(!check.done    ? tr("%1 is being checked…").arg(name)
                           : check.passed ? tr("%1 passed: %2").arg(name, check.words)
                                          : tr("%1 cannot be used: %2").arg(name, check.words));
    }
    showAlgorithms();
    Q_EMIT completeChanged();
}

void KeyPage::showAlgorithms() {
    if (!kekMode())
        return;
    const QString previous = m_algorithm->currentData().toString();
    const Check check = m_checks.value(selectedLabel());
    m_algorithm->clear();
    if (!m_keys->currentItem() || !check.passed) {
        m_algorithmNote->clear();
        return;
    }
    // Only what worked with this KEK on this module; the others are named with the reason.
    for (const QString &name : check.works)
        m_algorithm->addItem(name, name);
    const int keep = m_algorithm->findData(previous);
    const int preferred =
        m_state.keyIsKek && selectedLabel() == m_state.keyLabel
            ? m_algorithm->findData(keyEncryption::algorithmName(m_state.wrapAlgorithm))
            : -1;
    m_algorithm->setCurrentIndex(keep >= 0 ? keep : preferred >= 0 ? preferred : 0);
    m_algorithmNote->setText(
        check.refused.isEmpty()
            ? tr("Every algorithm for this kind of key works on this module.")
            : tr("Not offered, because the round trip failed on this module: %1")
                  .arg(check.refused.join(QStringLiteral("; "))));
}

void KeyPage::createKey() {
    if (!m_state.slot)
        return;
    if (kekMode()) {
        createKek();
        return;
    }
    if (m_createDialog) {
        m_createDialog->raise();
        m_createDialog->activateWindow();
        return;
    }
    m_createDialog = new CreateKeyDialog(m_client, m_state.slot->id,
                                         m_state.slot->token->displayName(), m_login, this);
    m_createDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_createDialog, &CreateKeyDialog::keyCreated, this, [this](const ObjectInfo &key) {
        m_keys->setCurrentItem(nullptr);
        m_preferred = key.label;
        reload();
    });
    m_createDialog->open();
}

void KeyPage::createKek() {
    if (m_createKekDialog) {
        m_createKekDialog->raise();
        m_createKekDialog->activateWindow();
        return;
    }
    m_createKekDialog = new CreateKekDialog(m_client, m_state.slot->id,
                                            m_state.slot->token->displayName(), m_login, this);
    m_createKekDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_createKekDialog, &CreateKekDialog::kekCreated, this, [this](const ObjectInfo &key) {
        m_keys->setCurrentItem(nullptr);
        m_preferred = key.label;
        reload();
    });
    m_createKekDialog->open();
}

QString KeyPage::selectedLabel() const {
    const QTreeWidgetItem *item = m_keys->currentItem();
    return item ? item->data(LabelColumn, kLabelRole).toString() : QString();
}

bool KeyPage::isBusy() const {
    return m_listWatcher.isRunning() || m_checkWatcher.isRunning() || m_kekWatcher.isRunning() ||
           !m_toCheck.isEmpty();
}

void KeyPage::updateControls() {
    const bool busy = isBusy();
    m_reload->setEnabled(!busy);
    m_createKey->setEnabled(!busy && m_state.slot.has_value());
    Q_EMIT completeChanged();
}

} // namespace hsm::ui
