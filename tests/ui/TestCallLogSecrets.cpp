// SPDX-License-Identifier: Apache-2.0
// The call log keeps no secret: after logging in through the PIN dialog with a distinctive
// PIN, creating a key, drawing random bytes from the token and deriving a fragment's value
// on a SoftHSM fixture token, neither the PIN nor any of those bytes (raw, hex, base64 or
// UTF-16) is in the dock's text, on the clipboard after copying every call, or in the file
// the dock saves.
#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "tests/support/SoftHsmFixture.h"
#include "tests/ui/UiTestHome.h"
#include "ui/MainWindow.h"
#include "ui/calllog/CallLogDock.h"
#include "ui/calllog/CallLogModel.h"
#include "ui/token/PinDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace hsm;
using namespace hsm::test;
using namespace hsm::ui;

namespace {

constexpr int kTimeout = 60000;
constexpr char kToken[] = "calllog";
constexpr char kKey[] = "calllog-hmac";

// Every form a secret could be written in.
QList<QByteArray> encodings(const QByteArray &secret) {
    const QString text = QString::fromLatin1(secret);
    return {secret,
            secret.toHex(),
            secret.toHex().toUpper(),
            secret.toBase64(),
            secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
            QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2)};
}

QByteArray bytesOf(const SecretBytes &secret) {
    return QByteArray(reinterpret_cast<const char *>(secret.data()),
                      static_cast<qsizetype>(secret.size()));
}

} // namespace

class TestCallLogSecrets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noSecretInTextClipboardOrFile();
    void cleanupTestCase();

private:
    template <typename T> T *child(const char *name) const {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }

    std::unique_ptr<SoftHsmFixture> m_fixture;
    std::unique_ptr<HsmClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    CK_SLOT_ID m_slot = 0;
};

void TestCallLogSecrets::initTestCase() {
    // The token before the client loads SoftHSM.
    m_fixture = std::make_unique<SoftHsmFixture>();
    QString error;
    QVERIFY2(m_fixture->initTokens({QString::fromLatin1(kToken)}, &error), qPrintable(error));
    m_slot = m_fixture->token(QString::fromLatin1(kToken)).slot;

    m_client = std::make_unique<HsmClient>();
    m_window = std::make_unique<MainWindow>(*m_client);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    m_window->loadLibrary(SoftHsmFixture::modulePath());
    QVERIFY2(loaded.wait(kTimeout),
             qPrintable(failed.isEmpty() ? QStringLiteral("no signal")
                                         : failed.first().first().toString()));
    child<QAction>("callLogAction")->trigger();
    QVERIFY(m_window->callLog()->isVisible());
}

void TestCallLogSecrets::noSecretInTextClipboardOrFile() {
    // The PIN typed into the PIN dialog, as a user logs in.
    QAction *logIn = child<QAction>("logInAction");
    QTRY_VERIFY_WITH_TIMEOUT(logIn->isEnabled(), kTimeout);
    logIn->trigger();
    PinDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<PinDialog *>()) && dialog->isVisible(),
                             kTimeout);
    auto *pin = dialog->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
    QTest::keyClicks(pin, QString::fromLatin1(SoftHsmFixture::kUserPin));
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(child<QAction>("logOutAction")->isEnabled(), kTimeout);

    // A key, random bytes from the token, and a fragment's derived value.
    SecretKeySpec spec;
    spec.label = QString::fromLatin1(kKey);
    spec.kind = SecretKeyKind::Generic; // as the gateway's HMAC key
    const Result<ObjectInfo> key = await(m_client->createSecretKey(m_slot, spec));
    QVERIFY2(key, qPrintable(key.error().toString()));
    const Result<std::shared_ptr<SecretBytes>> random =
        await(m_client->randomBytes(m_slot, EntropySource::Hsm, 64));
    QVERIFY2(random, qPrintable(random.error().toString()));
    FragmentRequest request;
    request.name = QStringLiteral("LOG_SECRET");
    request.type = FragmentType::HsmWrapHmac;
    request.keyLabel = QString::fromLatin1(kKey);
    const Result<CustomerFragment> fragment =
        await(m_client->generateFragment(m_slot, request, {}));
    QVERIFY2(fragment, qPrintable(fragment.error().toString()));
    const Result<HsmClient::Derived> derived =
        await(m_client->deriveFragment(m_slot, fragment.value(), true));
    QVERIFY2(derived, qPrintable(derived.error().toString()));
    QVERIFY(derived->value && derived->value->size() >= 16);

    QList<QPair<QString, QByteArray>> secrets;
    for (const QByteArray &form : encodings(QByteArray(SoftHsmFixture::kUserPin)))
        secrets.append({QStringLiteral("the PIN"), form});
    for (const QByteArray &form : encodings(bytesOf(*random.value())))
        secrets.append({QStringLiteral("the random bytes"), form});
    for (const QByteArray &form : encodings(QByteArray::fromBase64(fragment->value().toLatin1())))
        secrets.append({QStringLiteral("the fragment's seed"), form});
    for (const QByteArray &form : encodings(bytesOf(*derived->value)))
        secrets.append({QStringLiteral("the derived value"), form});

    // The dock has read every call by now.
    CallLogDock *log = m_window->callLog();
    const quint64 last = m_client->trace()->totalRecorded();
    QTRY_VERIFY_WITH_TIMEOUT(log->model()->rowCount() > 0 &&
                                 log->model()->recordAt(log->model()->rowCount() - 1)->sequence >=
                                     last,
                             kTimeout);

    // Everything the dock shows: every cell in every role a view or a screen reader reads,
    // and its labels.
    QByteArray shown;
    const QAbstractItemModel *model = log->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                             int(Qt::AccessibleDescriptionRole), int(Qt::StatusTipRole)})
                shown += model->index(row, column).data(role).toString().toUtf8() + '\n';
        }
    }
    for (const QLabel *label : log->findChildren<QLabel *>())
        shown += label->text().toUtf8() + '\n';
    for (const char *function : {"C_Login", "C_GenerateKey", "C_GenerateRandom", "C_Sign"})
        QVERIFY2(shown.contains(function), function);

    // Every call copied with the keyboard.
    QTableView *view = log->view();
    view->setFocus();
    QTest::keySequence(view, QKeySequence::SelectAll);
    QTest::keySequence(view, QKeySequence::Copy);
    const QByteArray copied = QGuiApplication::clipboard()->text().toUtf8();
    QCOMPARE(copied.count('\n'), model->rowCount());

    // And saved.
    const QString path = QDir::home().filePath(QStringLiteral("calls.txt"));
    QVERIFY(log->saveTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QCOMPARE(saved, copied);

    QStringList found;
    for (const auto &[where, text] :
         QList<QPair<QString, QByteArray>>{{QStringLiteral("the dock"), shown},
                                           {QStringLiteral("the clipboard"), copied},
                                           {QStringLiteral("the saved file"), saved}}) {
        for (const auto &[what, form] : secrets) {
            if (text.contains(form))
                found << QStringLiteral("%1 in %2").arg(what, where);
        }
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    qInfo("Searched %d calls in the dock, the clipboard and the saved file for %lld forms of "
          "four secrets.",
          model->rowCount(), static_cast<long long>(secrets.size()));
}

void TestCallLogSecrets::cleanupTestCase() {
    m_window.reset();
    m_client.reset();
    m_fixture.reset();
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    if (!home.isValid() || !home.setHome())
        return 1;
    QApplication app(argc, argv);
    hsm::setApplicationIdentity();
    TestCallLogSecrets test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestCallLogSecrets.moc"
