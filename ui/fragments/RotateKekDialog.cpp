// SPDX-License-Identifier: Apache-2.0
#include "ui/fragments/RotateKekDialog.h"

#include "core/client/FutureResult.h"
#include "core/fragment/FragmentFile.h"
#include "ui/FitToContents.h"
#include "ui/token/LoginFlow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace hsm::ui {

RotateKekDialog::RotateKekDialog(HsmClient &client, CK_SLOT_ID slot, QString path,
                                 CustomerFragment fragment, LoginFlow *login, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_slot(slot)
    , m_path(std::move(path))
    , m_fragment(std::move(fragment))
    , m_login(login)
    , m_kek(new QComboBox(this))
    , m_algorithm(new QComboBox(this))
    , m_algorithmNote(new QLabel(this))
    , m_before(new QLineEdit(this))
    , m_after(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_rotate(new QPushButton(tr("&Rotate"), this))
    , m_close(new QPushButton(tr("Close"), this)) {
    setWindowTitle(tr("Rotate KEK"));
    setAccessibleName(windowTitle());
    setObjectName(QStringLiteral("rotateKekDialog"));

    auto *intro = new QLabel(
        tr("'%1' (%2) is encrypted under the KEK '%3' with %4. The fragment is decrypted and "
           "encrypted under the new KEK inside the HSM; %5 is rewritten, keeping the previous "
           "version as %5.bak, only when the fingerprints before and after are equal.")
            .arg(m_fragment.name(), m_fragment.id(), m_fragment.keyLabel(),
                 m_fragment.wrapAlgorithmName(), m_path),
        this);
    intro->setObjectName(QStringLiteral("rotateIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_kek->setObjectName(QStringLiteral("newKek"));
    m_kek->setAccessibleName(tr("New KEK"));
    m_algorithm->setObjectName(QStringLiteral("newWrapAlgorithm"));
    m_algorithm->setAccessibleName(tr("Wrap algorithm for the new KEK"));
    m_algorithmNote->setObjectName(QStringLiteral("newWrapAlgorithmNote"));
    m_algorithmNote->setWordWrap(true);
    m_algorithmNote->setTextFormat(Qt::PlainText);
    for (QLineEdit *edit : {m_before, m_after}) {
        edit->setReadOnly(true);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setPlaceholderText(tr("not rotated yet"));
    }
    m_before->setObjectName(QStringLiteral("fingerprintBefore"));
    m_before->setAccessibleName(tr("Fingerprint before"));
    m_after->setObjectName(QStringLiteral("fingerprintAfter"));
    m_after->setAccessibleName(tr("Fingerprint after"));

    m_message->setObjectName(QStringLiteral("rotateMessage"));
    m_message->setAccessibleName(tr("Rotation message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_rotate->setObjectName(QStringLiteral("rotateButton"));
    m_rotate->setAccessibleName(tr("Rotate the KEK"));
    m_rotate->setDefault(true);
    m_close->setObjectName(QStringLiteral("closeRotate"));
    m_close->setAccessibleName(tr("Close"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_rotate, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);

    auto *kekLabel = new QLabel(tr("&New KEK:"), this);
    kekLabel->setBuddy(m_kek);
    auto *algorithmLabel = new QLabel(tr("&Algorithm:"), this);
    algorithmLabel->setBuddy(m_algorithm);
    auto *beforeLabel = new QLabel(tr("Fingerprint &before:"), this);
    beforeLabel->setBuddy(m_before);
    auto *afterLabel = new QLabel(tr("Fingerprint a&fter:"), this);
    afterLabel->setBuddy(m_after);

    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(kekLabel, m_kek);
    form->addRow(algorithmLabel, m_algorithm);
    form->addRow(QString(), m_algorithmNote);
    form->addRow(beforeLabel, m_before);
    form->addRow(afterLabel, m_after);
    form->addRow(m_message);
    form->addRow(buttons);
    resize(620, 0);
    growToFitContents(this);

    connect(m_rotate, &QPushButton::clicked, this, &RotateKekDialog::rotate);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_kek, &QComboBox::currentIndexChanged, this, &RotateKekDialog::checkKek);
    connect(&m_listWatcher, &QFutureWatcherBase::finished, this, &RotateKekDialog::keksListed);
    connect(&m_checkWatcher, &QFutureWatcherBase::finished, this, &RotateKekDialog::kekChecked);
    connect(&m_rewrapWatcher, &QFutureWatcherBase::finished, this, &RotateKekDialog::rewrapped);
    listKeks();
}

RotateKekDialog::~RotateKekDialog() {
    m_listWatcher.cancel();
    m_checkWatcher.cancel();
    // A rewrap in flight finishes on the worker; nothing is written without this dialog.
    m_rewrapWatcher.cancel();
}

void RotateKekDialog::listKeks() {
    showNote(tr("Reading the token's key-encryption keys…"));
    setBusy(true);
    m_listWatcher.setFuture(m_client.objects(m_slot));
}

void RotateKekDialog::keksListed() {
    const Result<QList<ObjectInfo>> all = awaitAll(m_listWatcher.future());
    setBusy(false);
    if (all.isCancelled())
        return;
    if (!all) {
        showError(tr("Could not read the token's keys: %1").arg(all.error().toString()));
        return;
    }
    QStringList labels;
    for (const ObjectInfo &object : all.value()) {
        const bool kek = (object.objectClass == CKO_SECRET_KEY && object.keyType == CKK_AES) ||
                         (object.objectClass == CKO_PRIVATE_KEY && object.keyType == CKK_RSA);
        if (kek && !object.label.isEmpty() && !labels.contains(object.label))
            labels << object.label;
    }
    const QSignalBlocker blocker(m_kek);
    m_kek->clear();
    for (const QString &label : labels)
        m_kek->addItem(
            label == m_fragment.keyLabel() ? tr("%1 (the current KEK)").arg(label) : label, label);
    if (labels.isEmpty()) {
        showError(tr("The token shows no key-encryption key (RSA key pair or AES key). Create "
                     "one (create-key --key-type aes|rsa), or log in to see private keys."));
        return;
    }
    // Start on another KEK than the current one, if there is one.
    int first = 0;
    while (first < m_kek->count() && m_kek->itemData(first).toString() == m_fragment.keyLabel())
        ++first;
    m_kek->setCurrentIndex(first < m_kek->count() ? first : 0);
    m_message->hide();
    checkKek();
}

void RotateKekDialog::checkKek() {
    m_algorithm->clear();
    m_algorithmNote->clear();
    const QString label = m_kek->currentData().toString();
    if (label.isEmpty() || m_done)
        return;
    showNote(tr("Checking '%1' with encrypt/decrypt round trips…").arg(label));
    setBusy(true);
    m_checkWatcher.setFuture(m_client.checkKek(m_slot, label));
}

void RotateKekDialog::kekChecked() {
    const Result<KekCheckReport> report = finishedResult(m_checkWatcher.future());
    setBusy(false);
    if (report.isCancelled())
        return;
    if (!report) {
        showError(report.error().toString());
        return;
    }
    // Only what works with this KEK here; the entry's own AES mode first when it does.
    for (const QString &name : report->works)
        m_algorithm->addItem(name, name);
    const int current = m_algorithm->findData(m_fragment.wrapAlgorithmName());
    m_algorithm->setCurrentIndex(current >= 0 ? current : 0);
    m_algorithmNote->setText(
        report->refused.isEmpty()
            ? QString()
            : tr("Not offered, because the round trip failed on this module: %1")
                  .arg(report->refused.join(QStringLiteral("; "))));
    m_message->hide();
    setBusy(false);
}

void RotateKekDialog::rotate() {
    if (m_busy || m_done)
        return;
    const QString newKek = m_kek->currentData().toString();
    if (newKek.isEmpty()) {
        showError(tr("Choose the new KEK first."));
        return;
    }
    // The file as it is now: it may have changed since it was listed.
    const Result<FragmentFile> file = FragmentFile::load(m_path);
    if (!file) {
        showError(tr("Nothing was changed: %1").arg(file.error().toString()));
        return;
    }
    const CustomerFragment *current = file->findById(m_fragment.id());
    if (!current) {
        showError(tr("Nothing was changed: %1 has no fragment with id '%2' any more.")
                      .arg(m_path, m_fragment.id()));
        return;
    }
    if (current->type() != FragmentType::HsmWrapEncrypt) {
        showError(tr("Nothing was changed: %1 is %2; only hsm_wrap_encrypt fragments have a KEK "
                     "to rotate.")
                      .arg(current->id(), current->typeName()));
        return;
    }
    if (newKek == current->keyLabel()) {
        showError(tr("Nothing was changed: %1 is already encrypted under '%2'; choose another "
                     "KEK.")
                      .arg(current->id(), newKek));
        return;
    }
    if (Status writable = file->checkWritable(); !writable) {
        showError(tr("Nothing was changed: %1").arg(writable.error().toString()));
        return;
    }
    m_fragment = *current;
    WrapAlgorithm algorithm;
    std::optional<WrapAlgorithm> chosen;
    if (keyEncryption::parseAlgorithm(m_algorithm->currentData().toString(), &algorithm))
        chosen = algorithm;
    m_before->clear();
    m_after->clear();
    showNote(tr("Decrypting with '%1' and encrypting under '%2' in the HSM…")
                 .arg(m_fragment.keyLabel(), newKek));
    setBusy(true);
    m_rewrapWatcher.setFuture(m_client.rewrapFragment(m_slot, m_fragment, newKek, chosen));
}

void RotateKekDialog::rewrapped() {
    const Result<fragmentEncryption::Rewrapped> result = finishedResult(m_rewrapWatcher.future());
    setBusy(false);
    if (result.isCancelled()) {
        showError(tr("The rotation was cancelled; nothing was changed."));
        return;
    }
    if (!result) {
        const QString failure = result.error().toString();
        if (m_login && m_login->relogin(
                           result.error(), this, [this] { rotate(); },
                           [this, failure](const QString &why) {
                               showError(tr("Nothing was changed: %1 %2").arg(failure, why));
                           })) {
            showNote(tr("The token is not logged in: log in and the rotation starts again."));
            return;
        }
        showError(tr("Nothing was changed: %1").arg(failure));
        return;
    }
    m_before->setText(result->fingerprintBefore);
    m_after->setText(result->fingerprintAfter);
    if (result->fingerprintBefore != result->fingerprintAfter) {
        showError(tr("Nothing was changed: the fingerprints before and after differ."));
        return;
    }
    // Written only over the entry that was rewrapped: a file changed meanwhile is kept.
    // Read, checked and written under the file's lock: a CLI run writing it at the same
    // moment keeps its change.
    bool entryChanged = false;
    const Result<FragmentFile> file =
        FragmentFile::update(m_path, false, [&](FragmentFile &current) -> Status {
            const CustomerFragment *entry = current.findById(m_fragment.id());
            if (!entry || entry->json() != m_fragment.json()) {
                entryChanged = true;
                return Error::make(Error::Kind::Input, QString());
            }
            return current.replaceById(result->fragment);
        });
    if (entryChanged) {
        showError(tr("Nothing was changed: the entry %1 in %2 changed while it was rotated; "
                     "open the file again and retry.")
                      .arg(m_fragment.id(), m_path));
        return;
    }
    if (!file) {
        showError(tr("Nothing was changed: %1").arg(file.error().toString()));
        return;
    }
    m_done = true;
    setBusy(false);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #0f5132; }"));
    m_message->setText(tr("%1 is now encrypted under '%2' with %3; the fingerprints are equal. "
                          "%4 was rewritten; the previous version is %4.bak.")
                           .arg(result->fragment.id(), result->fragment.keyLabel(),
                                result->fragment.wrapAlgorithmName(), m_path));
    m_message->show();
    growToFitContents(this);
    Q_EMIT rotated(m_path, result->fragment.id());
}

void RotateKekDialog::showError(const QString &message) {
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_message->setText(message);
    m_message->show();
    growToFitContents(this);
}

void RotateKekDialog::showNote(const QString &message) {
    m_message->setStyleSheet(QString());
    m_message->setText(message);
    m_message->show();
}

void RotateKekDialog::setBusy(bool busy) {
    m_busy = busy;
    m_kek->setEnabled(!busy && !m_done && m_kek->count() > 0);
    m_algorithm->setEnabled(!busy && !m_done && m_algorithm->count() > 0);
    m_rotate->setEnabled(!busy && !m_done && m_algorithm->count() > 0);
}

} // namespace hsm::ui
