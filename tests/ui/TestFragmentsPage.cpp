// SPDX-License-Identifier: Apache-2.0
#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "core/fragment/FragmentFile.h"
#include "core/token/DemoHsm.h"
#include "tests/ui/UiTestHome.h"
#include "ui/fragments/FragmentTableModel.h"
#include "ui/fragments/FragmentsPage.h"
#include "ui/fragments/RotateKekDialog.h"
#include "ui/token/LoginFlow.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace hsm;
using namespace hsm::ui;

namespace {

constexpr int kTimeout = 60000;

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

// The Customer Fragments window against the demo HSM: a file of an hsm_wrap_encrypt entry
// under an AES KEK and a standard one, listed without values, fingerprinted on demand, and
// the KEK rotated through the dialog; bad input leaves the file byte for byte as it was.
class TestFragmentsPage : public QObject {
    Q_OBJECT
public:
    explicit TestFragmentsPage(QString home)
        : m_home(std::move(home)) {}

private Q_SLOTS:
    void initTestCase();
    void listsEntriesWithoutValues();
    void showsFingerprintOnDemand();
    void rotatesToAnotherAesKey();
    void refusesBadInputAndChangesNothing();
    void cleanupTestCase();

private:
    int rowOf(const QString &id) const { return m_page->model()->rowOfId(id); }
    void select(const QString &id);
    RotateKekDialog *openRotateDialog();

    QString m_home;
    QString m_file;
    std::unique_ptr<HsmClient> m_client;
    std::unique_ptr<QWidget> m_window;
    LoginFlow *m_login = nullptr;
    FragmentsPage *m_page = nullptr;
    SlotInfo m_slot;
    CustomerFragment m_encrypted;
    CustomerFragment m_standard;
    QString m_fingerprint; // of the encrypted entry, from the core
};

void TestFragmentsPage::initTestCase() {
    m_client = std::make_unique<HsmClient>();
    const Result<ModuleInfo> module = await(m_client->loadDemo());
    QVERIFY2(module.ok(), qPrintable(module ? QString() : module.error().toString()));
    const Result<QList<SlotInfo>> slots = await(m_client->slotList());
    QVERIFY(slots.ok());
    bool found = false;
    for (const SlotInfo &s : slots.value()) {
        if (s.token && s.token->label == QLatin1String(demoHsm::kTokenLabel)) {
            m_slot = s;
            found = true;
        }
    }
    QVERIFY(found);
    const Result<LoginReport> login = await(m_client->login(
        m_slot.id, SecretBytes::fromString(QString::fromLatin1(demoHsm::kUserPin))));
    QVERIFY2(login.ok(), qPrintable(login ? QString() : login.error().toString()));
    for (const char *label : {"PAGE_KEK_A", "PAGE_KEK_B"}) {
        KekSpec spec;
        spec.label = QString::fromLatin1(label);
        spec.kind = KekKind::Aes;
        const Result<ObjectInfo> kek = await(m_client->createKek(m_slot.id, spec));
        QVERIFY2(kek.ok(), qPrintable(kek ? QString() : kek.error().toString()));
    }
    FragmentRequest request;
    request.name = QStringLiteral("PAGE_ENC");
    request.type = FragmentType::HsmWrapEncrypt;
    request.keyLabel = QStringLiteral("PAGE_KEK_A");
    request.wrapAlgorithm = WrapAlgorithm::AesGcm;
    const Result<CustomerFragment> encrypted =
        await(m_client->generateFragment(m_slot.id, request, {}));
    QVERIFY2(encrypted.ok(), qPrintable(encrypted ? QString() : encrypted.error().toString()));
    m_encrypted = encrypted.value();
    request = FragmentRequest{};
    request.name = QStringLiteral("PAGE_STD");
    request.type = FragmentType::Standard;
    request.entropy = EntropySource::Os;
    const Result<CustomerFragment> standard =
        await(m_client->generateFragment(std::nullopt, request, {m_encrypted.id()}));
    QVERIFY2(standard.ok(), qPrintable(standard ? QString() : standard.error().toString()));
    m_standard = standard.value();
    const Result<HsmClient::Derived> derived =
        await(m_client->deriveFragment(m_slot.id, m_encrypted, false));
    QVERIFY(derived.ok());
    m_fingerprint = derived->fingerprint;

    m_file = QDir(m_home).filePath(QStringLiteral("customer_fragments.json"));
    FragmentFile file(m_file);
    QVERIFY(file.add(m_encrypted, false).ok());
    QVERIFY(file.add(m_standard, false).ok());
    QVERIFY(file.save().ok());

    m_window = std::make_unique<QWidget>();
    m_login = new LoginFlow(*m_client, m_window.get());
    m_login->setSlot(&m_slot);
    m_page = new FragmentsPage(*m_client, m_login, m_window.get());
    m_page->setWindowFlag(Qt::Window);
    m_page->setSlot(&m_slot);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    QTRY_VERIFY_WITH_TIMEOUT(m_login->isLoggedIn(), kTimeout);
}

void TestFragmentsPage::select(const QString &id) {
    auto *table = m_page->findChild<QTableView *>(QStringLiteral("fragmentsTable"));
    const int row = rowOf(id);
    QVERIFY(row >= 0);
    table->setFocus();
    table->selectRow(row);
    QCOMPARE(table->currentIndex().row(), row);
}

void TestFragmentsPage::listsEntriesWithoutValues() {
    m_page->openFile(m_file);
    FragmentTableModel *model = m_page->model();
    QCOMPARE(model->rowCount(), 2);
    const QModelIndex type = model->index(rowOf(m_encrypted.id()), FragmentTableModel::TypeColumn);
    QCOMPARE(model->data(type).toString(), QStringLiteral("hsm_wrap_encrypt"));
    QCOMPARE(model->data(model->index(rowOf(m_encrypted.id()), FragmentTableModel::KeyLabelColumn))
                 .toString(),
             QStringLiteral("PAGE_KEK_A"));
    QCOMPARE(
        model->data(model->index(rowOf(m_encrypted.id()), FragmentTableModel::WrapAlgorithmColumn))
            .toString(),
        QStringLiteral("aes-gcm"));
    // No value, IV or tag in any cell, role or header.
    QStringList secrets = {m_encrypted.value(), m_standard.value()};
    for (const char *key : {"wrap_iv", "wrap_tag"})
        secrets << m_encrypted.json().value(QLatin1String(key)).toString();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int role = 0; role < Qt::UserRole + 8; ++role) {
                const QString text = model->data(model->index(row, column), role).toString();
                for (const QString &secret : secrets)
                    QVERIFY2(secret.isEmpty() || !text.contains(secret), qPrintable(text));
            }
        }
    }
}

void TestFragmentsPage::showsFingerprintOnDemand() {
    m_page->openFile(m_file);
    FragmentTableModel *model = m_page->model();
    for (const CustomerFragment &f : {m_encrypted, m_standard}) {
        select(f.id());
        const QModelIndex cell = model->index(rowOf(f.id()), FragmentTableModel::FingerprintColumn);
        QVERIFY(model->data(cell).toString().isEmpty()); // not before it is asked for
        auto *show = m_page->findChild<QPushButton *>(QStringLiteral("showFingerprint"));
        QTRY_VERIFY(show->isEnabled());
        QTest::keyClick(show, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!model->data(cell).toString().isEmpty(), kTimeout);
        const Result<HsmClient::Derived> expected = await(m_client->deriveFragment(
            f.isHsmType() ? std::optional<CK_SLOT_ID>(m_slot.id) : std::nullopt, f, false));
        QVERIFY(expected.ok());
        QCOMPARE(model->data(cell).toString(), expected->fingerprint);
    }
    QCOMPARE(
        model->data(model->index(rowOf(m_encrypted.id()), FragmentTableModel::FingerprintColumn))
            .toString(),
        m_fingerprint);
}

RotateKekDialog *TestFragmentsPage::openRotateDialog() {
    auto *rotate = m_page->findChild<QPushButton *>(QStringLiteral("rotateKek"));
    if (!QTest::qWaitFor([rotate] { return rotate->isEnabled(); }, kTimeout))
        return nullptr;
    QTest::keyClick(rotate, Qt::Key_Space);
    RotateKekDialog *dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            dialog = m_page->findChild<RotateKekDialog *>();
            return dialog && dialog->isVisible();
        },
        kTimeout);
    return dialog;
}

void TestFragmentsPage::rotatesToAnotherAesKey() {
    m_page->openFile(m_file);
    const QByteArray before = readAll(m_file);
    select(m_encrypted.id());
    QPointer<RotateKekDialog> dialog = openRotateDialog();
    QVERIFY(dialog);
    auto *kek = dialog->findChild<QComboBox *>(QStringLiteral("newKek"));
    auto *algorithm = dialog->findChild<QComboBox *>(QStringLiteral("newWrapAlgorithm"));
    QTRY_VERIFY_WITH_TIMEOUT(kek->findData(QStringLiteral("PAGE_KEK_B")) >= 0, kTimeout);
    kek->setCurrentIndex(kek->findData(QStringLiteral("PAGE_KEK_B")));
    QTRY_VERIFY_WITH_TIMEOUT(algorithm->findData(QStringLiteral("aes-cbc-pad")) >= 0, kTimeout);
    algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("aes-cbc-pad")));
    auto *rotate = dialog->findChild<QPushButton *>(QStringLiteral("rotateButton"));
    QTRY_VERIFY(rotate->isEnabled());
    QTest::keyClick(rotate, Qt::Key_Space);
    auto *after = dialog->findChild<QLineEdit *>(QStringLiteral("fingerprintAfter"));
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("rotateMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(!after->text().isEmpty() &&
                                 message->text().contains(QStringLiteral("now encrypted")),
                             kTimeout);
    const QString screenshots = qEnvironmentVariable("HSM_ADMIN_UI_SCREENSHOTS");
    if (!screenshots.isEmpty())
        dialog->grab().save(QDir(screenshots).filePath(QStringLiteral("rotate-kek.png")));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("fingerprintBefore"))->text(),
             m_fingerprint);
    QCOMPARE(after->text(), m_fingerprint);
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());

    // The file: that entry under the new KEK, the old file as .bak, the same fingerprint.
    QCOMPARE(readAll(m_file + QStringLiteral(".bak")), before);
    const Result<FragmentFile> file = FragmentFile::load(m_file);
    QVERIFY(file.ok());
    const CustomerFragment *rotated = file->findById(m_encrypted.id());
    QVERIFY(rotated);
    QCOMPARE(rotated->keyLabel(), QStringLiteral("PAGE_KEK_B"));
    QCOMPARE(rotated->wrapAlgorithmName(), QStringLiteral("aes-cbc-pad"));
    QVERIFY(!rotated->json().contains(QStringLiteral("wrap_tag")));
    QCOMPARE(file->findById(m_standard.id())->json(), m_standard.json());
    const Result<HsmClient::Derived> derived =
        await(m_client->deriveFragment(m_slot.id, *rotated, false));
    QVERIFY(derived.ok());
    QCOMPARE(derived->fingerprint, m_fingerprint);
    // The page lists the file as rewritten.
    QCOMPARE(m_page->model()
                 ->data(m_page->model()->index(rowOf(m_encrypted.id()),
                                               FragmentTableModel::KeyLabelColumn))
                 .toString(),
             QStringLiteral("PAGE_KEK_B"));
    m_encrypted = *rotated;
}

void TestFragmentsPage::refusesBadInputAndChangesNothing() {
    auto *status = m_page->findChild<QLabel *>(QStringLiteral("fragmentsStatus"));
    QVERIFY(status);
    // A file that does not parse: one line, nothing listed, the file untouched.
    const QString broken = QDir(m_home).filePath(QStringLiteral("broken.json"));
    writeAll(broken, QByteArrayLiteral("{\"customer_fragments\": [ {\"id\": "));
    m_page->openFile(broken);
    QCOMPARE(m_page->model()->rowCount(), 0);
    QVERIFY2(status->text().contains(broken) && !status->text().contains(QLatin1Char('\n')),
             qPrintable(status->text()));
    QCOMPARE(readAll(broken), QByteArrayLiteral("{\"customer_fragments\": [ {\"id\": "));

    m_page->openFile(m_file);
    const QByteArray before = readAll(m_file);
    // An entry of another type has no KEK to rotate.
    select(m_standard.id());
    QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("rotateKek"))->isEnabled());
    m_page->rotateKek();
    QVERIFY2(status->text().contains(QStringLiteral("only hsm_wrap_encrypt")),
             qPrintable(status->text()));
    QVERIFY(!m_page->findChild<RotateKekDialog *>());
    QCOMPARE(readAll(m_file), before);

    // The new KEK equal to the old one: one line in the dialog, nothing written.
    select(m_encrypted.id());
    QPointer<RotateKekDialog> dialog = openRotateDialog();
    QVERIFY(dialog);
    auto *kek = dialog->findChild<QComboBox *>(QStringLiteral("newKek"));
    auto *algorithm = dialog->findChild<QComboBox *>(QStringLiteral("newWrapAlgorithm"));
    QTRY_VERIFY_WITH_TIMEOUT(kek->findData(m_encrypted.keyLabel()) >= 0, kTimeout);
    kek->setCurrentIndex(kek->findData(m_encrypted.keyLabel()));
    QTRY_VERIFY_WITH_TIMEOUT(algorithm->count() > 0, kTimeout);
    auto *rotate = dialog->findChild<QPushButton *>(QStringLiteral("rotateButton"));
    QTRY_VERIFY(rotate->isEnabled());
    QTest::keyClick(rotate, Qt::Key_Space);
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("rotateMessage"));
    QTRY_VERIFY(message->text().contains(QStringLiteral("already encrypted")));
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("fingerprintAfter"))->text().isEmpty());
    QCOMPARE(readAll(m_file), before);

    // The file changed on disk into something that does not parse: nothing written over it.
    const QByteArray garbage = QByteArrayLiteral("not json at all\n");
    writeAll(m_file, garbage);
    const QString other = m_encrypted.keyLabel() == QLatin1String("PAGE_KEK_A")
                              ? QStringLiteral("PAGE_KEK_B")
                              : QStringLiteral("PAGE_KEK_A");
    kek->setCurrentIndex(kek->findData(other));
    QTRY_VERIFY_WITH_TIMEOUT(rotate->isEnabled() && algorithm->count() > 0, kTimeout);
    QTest::keyClick(rotate, Qt::Key_Space);
    QTRY_VERIFY(message->text().startsWith(QStringLiteral("Nothing was changed")));
    QCOMPARE(readAll(m_file), garbage);
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
}

void TestFragmentsPage::cleanupTestCase() {
    m_window.reset(); // before the client they refer to
    m_client.reset();
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    if (!home.isValid() || !home.setHome())
        return 1;
    QApplication app(argc, argv);
    setApplicationIdentity();
    TestFragmentsPage test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "TestFragmentsPage.moc"
