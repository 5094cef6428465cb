// SPDX-License-Identifier: Apache-2.0
#include "ui/objects/CreateKekDialog.h"

#include "core/client/FutureResult.h"
#include "core/client/HsmClient.h"
#include "core/token/KeyEncryption.h"
#include "ui/FitToContents.h"
#include "ui/token/LoginFlow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace hsm::ui {
namespace {

// The combo's data: RSA bits, or 0 for AES-256.
constexpr int kAes256 = 0;

} // namespace

CreateKekDialog::CreateKekDialog(HsmClient &client, CK_SLOT_ID slot, const QString &tokenName,
                                 LoginFlow *login, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_login(login)
    , m_slot(slot)
    , m_label(new QLineEdit(QString::fromLatin1(kDefaultLabel), this))
    , m_kind(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Create Key-Encryption Key"));
    setAccessibleName(windowTitle());
    setObjectName(QStringLiteral("createKekDialog"));

    auto *intro = new QLabel(
        tr("A new key-encryption key (KEK) on %1 for hsm_wrap_encrypt fragments: sensitive and "
           "never extractable. An RSA pair's private key may only decrypt and unwrap, its public "
           "key only encrypt and wrap; an AES key may only encrypt and decrypt.")
            .arg(tokenName),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_label->setObjectName(QStringLiteral("kekLabel"));
    m_label->setAccessibleName(tr("KEK label"));
    m_label->selectAll();
    m_kind->setObjectName(QStringLiteral("kekKind"));
    m_kind->setAccessibleName(tr("KEK type"));
    m_kind->addItem(tr("AES-256 key (aes-gcm, aes-cbc, aes-cbc-pad)"), kAes256);
    for (int bits : {2048, 3072, 4096})
        m_kind->addItem(tr("RSA key pair of %1 bits (rsa-oaep-sha256)").arg(bits), bits);

    m_message->setObjectName(QStringLiteral("createKekMessage"));
    m_message->setAccessibleName(tr("KEK creation message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    QPushButton *createButton = m_buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole);
    createButton->setObjectName(QStringLiteral("createKekButton"));
    createButton->setAccessibleName(tr("Create the KEK"));
    createButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Type:"), m_kind);
    form->addRow(m_message);
    form->addRow(m_buttons);
    resize(520, 0);
    growToFitContents(this);

    // Create reports the outcome instead of closing; only success closes.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateKekDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_label, &QLineEdit::textChanged, this, [this] { setBusy(m_busy); });
    connect(&m_createWatcher, &QFutureWatcherBase::finished, this, &CreateKekDialog::showCreated);
    setBusy(false);
}

void CreateKekDialog::create() {
    if (m_busy)
        return;
    KekSpec spec;
    spec.label = m_label->text().trimmed();
    const int bits = m_kind->currentData().toInt();
    spec.kind = bits == kAes256 ? KekKind::Aes : KekKind::Rsa;
    if (bits != kAes256)
        spec.rsaBits = bits;
    spec.aesBytes = 32;
    if (Status valid = keyEncryption::validate(spec); !valid) {
        showError(valid.error().toString());
        return;
    }
    m_message->setStyleSheet(QString());
    m_message->setText(
        spec.kind == KekKind::Rsa
            ? tr("Creating the RSA key pair '%1'; large keys take a while…").arg(spec.label)
            : tr("Creating the AES key '%1'…").arg(spec.label));
    m_message->show();
    growToFitContents(this);
    setBusy(true);
    m_createWatcher.setFuture(m_client.createKek(m_slot, std::move(spec)));
}

void CreateKekDialog::showCreated() {
    setBusy(false);
    const Result<ObjectInfo> created = finishedResult(m_createWatcher.future());
    if (created.isCancelled()) {
        showError(tr("Creating the KEK was cancelled."));
        return;
    }
    if (!created) {
        const QString failure = created.error().toString();
        if (m_login && m_login->relogin(
                           created.error(), this,
                           [this] {
                               setBusy(false);
                               create();
                           },
                           [this, failure](const QString &why) {
                               setBusy(false);
                               showError(tr("%1\nNot created: %2").arg(failure, why));
                           })) {
            setBusy(true);
            showError(tr("The token is not logged in any more: log in and the KEK is created."));
            return;
        }
        showError(failure);
        return;
    }
    Q_EMIT kekCreated(created.value());
    accept();
}

void CreateKekDialog::showError(const QString &message) {
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_message->setText(message);
    m_message->show();
    growToFitContents(this);
}

void CreateKekDialog::setBusy(bool busy) {
    m_busy = busy;
    m_label->setEnabled(!busy);
    m_kind->setEnabled(!busy);
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!busy && !m_label->text().trimmed().isEmpty());
    }
}

} // namespace hsm::ui
