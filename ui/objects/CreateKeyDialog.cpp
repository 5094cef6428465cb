// SPDX-License-Identifier: Apache-2.0
#include "ui/objects/CreateKeyDialog.h"

#include "core/client/FutureResult.h"
#include "core/client/HsmClient.h"
#include "core/token/DemoHsm.h"
#include "ui/FitToContents.h"
#include "ui/token/LoginFlow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>

namespace hsm::ui {
namespace {

QString kindText(SecretKeyKind kind) {
    switch (kind) {
    case SecretKeyKind::Sha256Hmac:
        return CreateKeyDialog::tr("HMAC-SHA256 key (%1)").arg(secretKeys::kindName(kind));
    case SecretKeyKind::Aes:
        return CreateKeyDialog::tr("AES key (%1)").arg(secretKeys::kindName(kind));
    case SecretKeyKind::Generic:
        break;
    }
    return CreateKeyDialog::tr("Generic secret (%1)").arg(secretKeys::kindName(kind));
}

} // namespace

CreateKeyDialog::CreateKeyDialog(HsmClient &client, CK_SLOT_ID slot, const QString &tokenName,
                                 LoginFlow *login, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_login(login)
    , m_slot(slot)
    , m_label(new QLineEdit(QString::fromLatin1(demoHsm::kKeyLabel), this))
    , m_kind(new QComboBox(this))
    , m_bytes(new QSpinBox(this))
    , m_id(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Create Secret Key"));
    setAccessibleName(windowTitle());

    auto *intro = new QLabel(tr("A new secret key on %1 for HMAC-SHA256: private, sensitive, "
                                "never extractable, sign and verify only.")
                                 .arg(tokenName),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_label->setObjectName(QStringLiteral("keyLabel"));
    m_label->setAccessibleName(tr("Key label"));
    m_label->selectAll();
    m_kind->setObjectName(QStringLiteral("keyKind"));
    m_kind->setAccessibleName(tr("Key type"));
    m_kind->addItem(tr("Reading what the token can create…"));
    m_kind->setEnabled(false);
    m_bytes->setObjectName(QStringLiteral("keyBytes"));
    m_bytes->setAccessibleName(tr("Key size in bytes"));
    m_bytes->setRange(16, 512);
    m_bytes->setValue(32);
    m_bytes->setSuffix(tr(" bytes"));
    m_id->setObjectName(QStringLiteral("keyId"));
    m_id->setAccessibleName(tr("Key id in hex"));
    m_id->setPlaceholderText(tr("optional, e.g. 01ab; random when empty"));
    m_id->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9a-fA-F]{0,64}")), m_id));

    m_message->setObjectName(QStringLiteral("createKeyMessage"));
    m_message->setAccessibleName(tr("Key creation message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    QPushButton *createButton = m_buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole);
    createButton->setObjectName(QStringLiteral("createKeyButton"));
    createButton->setAccessibleName(tr("Create the key"));
    createButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Type:"), m_kind);
    form->addRow(tr("&Size:"), m_bytes);
    form->addRow(tr("&ID (hex):"), m_id);
    form->addRow(m_message);
    form->addRow(m_buttons);
    resize(480, 0);
    growToFitContents(this);

    // Create reports the outcome instead of closing; only success closes.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateKeyDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_label, &QLineEdit::textChanged, this, [this] { setBusy(m_busy); });
    connect(&m_kindsWatcher, &QFutureWatcherBase::finished, this, &CreateKeyDialog::showKinds);
    connect(&m_createWatcher, &QFutureWatcherBase::finished, this, &CreateKeyDialog::showCreated);
    m_kindsWatcher.setFuture(m_client.creatableKeyKinds(m_slot));
    setBusy(false);
}

void CreateKeyDialog::showKinds() {
    const Result<QList<SecretKeyKind>> kinds = finishedResult(m_kindsWatcher.future());
    if (kinds.isCancelled())
        return;
    m_kind->clear();
    if (!kinds) {
        m_kind->addItem(tr("unknown"));
        showError(
            tr("Could not read which keys the token can create: %1").arg(kinds.error().toString()));
        return;
    }
    if (kinds->isEmpty()) {
        m_kind->addItem(tr("none"));
        showError(tr("This token lists no mechanism to generate a secret key "
                     "(CKM_GENERIC_SECRET_KEY_GEN or CKM_AES_KEY_GEN)."));
        return;
    }
    for (SecretKeyKind kind : kinds.value())
        m_kind->addItem(kindText(kind), static_cast<int>(kind));
    m_kind->setEnabled(true);
    m_haveKinds = true;
    setBusy(false);
}

void CreateKeyDialog::create() {
    if (m_busy || !m_haveKinds)
        return;
    SecretKeySpec spec;
    spec.label = m_label->text().trimmed();
    spec.kind = static_cast<SecretKeyKind>(m_kind->currentData().toInt());
    spec.bytes = m_bytes->value();
    const QString idHex = m_id->text().trimmed();
    if (idHex.size() % 2 != 0) {
        showError(tr("The id is hex bytes: give an even number of digits, e.g. 01ab."));
        m_id->setFocus();
        return;
    }
    spec.id = QByteArray::fromHex(idHex.toLatin1());

    m_message->setStyleSheet(QString());
    m_message->setText(tr("Creating '%1'…").arg(spec.label));
    m_message->show();
    growToFitContents(this);
    setBusy(true);
    m_createWatcher.setFuture(m_client.createSecretKey(m_slot, std::move(spec)));
}

void CreateKeyDialog::showCreated() {
    setBusy(false);
    const Result<ObjectInfo> created = finishedResult(m_createWatcher.future());
    if (created.isCancelled()) {
        showError(tr("Creating the key was cancelled."));
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
            // Nothing to change until the login: the key is created right after it.
            setBusy(true);
            showError(tr("The token is not logged in any more: log in and the key is created."));
            return;
        }
        showError(failure);
        return;
    }
    Q_EMIT keyCreated(created.value());
    accept();
}

void CreateKeyDialog::showError(const QString &message) {
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_message->setText(message);
    m_message->show();
    growToFitContents(this);
}

void CreateKeyDialog::setBusy(bool busy) {
    m_busy = busy;
    m_label->setEnabled(!busy);
    m_kind->setEnabled(!busy && m_haveKinds);
    m_bytes->setEnabled(!busy);
    m_id->setEnabled(!busy);
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!busy && m_haveKinds && !m_label->text().trimmed().isEmpty());
    }
}

} // namespace hsm::ui
