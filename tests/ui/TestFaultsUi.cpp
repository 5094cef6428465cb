// SPDX-License-Identifier: Apache-2.0
// The GUI against a misbehaving HSM: the main window (and the wizard it opens) over the
// fault-injecting module (tests/faults) in front of a fresh SoftHSM token. A call that
// hangs leaves the window responsive and is named when it times out; Cancel and Stop
// return to idle at once; a failing C_Sign leaves the fragments file untouched; a token
// logged out behind our back asks for the PIN again and goes on; a removed token is
// explained; and neither the PIN nor a derived value is left anywhere on disk or in the
// call trace.
#include "core/base/ReturnValues.h"
#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "core/fragment/FragmentFile.h"
#include "core/pkcs11/CallTrace.h"
#include "tests/support/SoftHsmFixture.h"
#include "tests/ui/UiTestHome.h"
#include "ui/MainWindow.h"
#include "ui/entropy/EntropyPage.h"
#include "ui/objects/CreateKeyDialog.h"
#include "ui/objects/ObjectTableModel.h"
#include "ui/objects/ObjectsPage.h"
#include "ui/token/PinDialog.h"
#include "ui/wizard/FragmentWizard.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <cstring>
#include <memory>

using namespace hsm;
using namespace hsm::test;
using namespace hsm::ui;
using namespace std::chrono_literals;

namespace {

// Loading SoftHSM, checking keys and deriving take a moment on a busy machine.
constexpr int kTimeout = 60000;
constexpr char kToken[] = "faults";
constexpr char kKey[] = "akeyless_hsm";
constexpr char kPublicObject[] = "public-note";
// The token's user PIN: distinctive, so that finding it anywhere means it leaked.
constexpr char kPin[] = "Zq7-kelp-PIN-4x9w";

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

// The function of the PKCS#11 call the worker is in right now, or empty.
QString inFlight(const HsmClient &client) {
    const std::optional<CallTrace::InFlight> call = client.trace()->inFlight();
    return call ? QString::fromLatin1(call->function) : QString();
}

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

} // namespace

class TestFaultsUi : public QObject {
    Q_OBJECT
public:
    explicit TestFaultsUi(QString home)
        : m_home(std::move(home)) {}

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void hungCallTimesOutWhileWindowStaysResponsive();
    void cancelReturnsToIdleWhileCallHangs();
    void stopOnVerifyPageWhileCallHangs();
    void moduleIsNotReplacedUnderHungCall();
    void signFailureInWizardWritesNothing();
    void droppedSessionsAskForPinAndWizardFinishes();
    void droppedSessionsAskForPinOnObjectsPage();
    void droppedSessionsAskForPinForKeyActions();
    void removedTokenIsExplained();
    void noPinOrDerivedValueLeaks();
    void cleanupTestCase();

private:
    QString rulesPath() const { return QDir(m_home).filePath(QStringLiteral("faults.rules")); }
    void setFaults(const QByteArray &rules) { QVERIFY(writeFile(rulesPath(), rules)); }
    void clearFaults() { setFaults(QByteArray()); }
    // Waits until no PKCS#11 call is in flight (a hung one has returned).
    bool waitForQuietWorker() const {
        return QTest::qWaitFor([this] { return inFlight(*m_client).isEmpty(); }, kTimeout);
    }

    template <typename T> T *child(const char *name) const {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    // A visible window of type T anywhere (dialogs open over the window or the wizard).
    template <typename T> static T *visibleWindow() {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *found = qobject_cast<T *>(widget); found && found->isVisible())
                return found;
        }
        return nullptr;
    }
    ObjectsPage *objectsPage() const { return child<ObjectsPage>("objectsPage"); }
    QString objectStatus() const { return child<QLabel>("objectStatus")->text(); }
    int objectRows() const { return objectsPage()->findChild<ObjectTableModel *>()->rowCount(); }
    bool listsObject(const QString &label) const;
    // Reload on the Objects tab, then waits for the listing to end.
    bool reloadObjects();
    // Types the PIN into the PIN dialog now showing and logs in; checks the line edit is
    // emptied as the PIN is taken.
    void typePin(PinDialog *dialog);
    void logInFromWindow();

    FragmentWizard *openWizard();
    void logInOnHsmPage(FragmentWizard *wizard);
    // From the HSM page (logged in) to the Fragment page with `name` typed.
    void driveToFragmentPage(FragmentWizard *wizard, const QString &name);
    // Opens the wizard from the window into m_wizard, logs in on its HSM page through the
    // PIN dialog and goes on to the Fragment page with `name` typed; false if that failed.
    bool openWizardAtFragmentPage(const QString &name);
    static bool next(FragmentWizard *wizard);
    // On the Key page: the row of kKey once its check has passed; nullptr if it does not.
    static QTreeWidgetItem *waitForPassedKey(FragmentWizard *wizard);
    static void typeInto(QLineEdit *edit, const QString &text);
    template <typename T> static T *onPage(FragmentWizard *wizard, const char *name) {
        return wizard->currentPage()->findChild<T *>(QString::fromLatin1(name));
    }

    QString m_home;
    std::unique_ptr<SoftHsmFixture> m_fixture;
    std::unique_ptr<HsmClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    QPointer<FragmentWizard> m_wizard;
    CK_SLOT_ID m_slot = 0;
};

void TestFaultsUi::initTestCase() {
    // The token: a private HMAC key, one public object, and a user PIN of our own. All of it
    // made through PKCS#11 directly, before the client loads SoftHSM.
    m_fixture = std::make_unique<SoftHsmFixture>();
    QString error;
    QVERIFY2(m_fixture->initTokens({QString::fromLatin1(kToken)}, &error), qPrintable(error));
    m_slot = m_fixture->token(QString::fromLatin1(kToken)).slot;
    QByteArray key(32, '\0');
    for (int i = 0; i < key.size(); ++i)
        key[i] = static_cast<char>(0x31 + 7 * i);
    QVERIFY2(m_fixture->importSecret(QString::fromLatin1(kToken), QString::fromLatin1(kKey), key,
                                     true, true, &error),
             qPrintable(error));
    const CK_RV rv = m_fixture->withSession(
        QString::fromLatin1(kToken),
        [](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session) {
            CK_OBJECT_CLASS cls = CKO_DATA;
            CK_BBOOL yes = CK_TRUE;
            CK_BBOOL no = CK_FALSE;
            QByteArray label(kPublicObject);
            QByteArray value("nothing secret");
            CK_ATTRIBUTE data[] = {{CKA_CLASS, &cls, sizeof cls},
                                   {CKA_TOKEN, &yes, sizeof yes},
                                   {CKA_PRIVATE, &no, sizeof no},
                                   {CKA_LABEL, label.data(), static_cast<CK_ULONG>(label.size())},
                                   {CKA_VALUE, value.data(), static_cast<CK_ULONG>(value.size())}};
            CK_OBJECT_HANDLE object = 0;
            CK_RV r = f->C_CreateObject(session, data, 5, &object);
            if (r != CKR_OK)
                return r;
            QByteArray oldPin(SoftHsmFixture::kUserPin);
            QByteArray newPin(kPin);
            return f->C_SetPIN(session, reinterpret_cast<CK_UTF8CHAR_PTR>(oldPin.data()),
                               static_cast<CK_ULONG>(oldPin.size()),
                               reinterpret_cast<CK_UTF8CHAR_PTR>(newPin.data()),
                               static_cast<CK_ULONG>(newPin.size()));
        },
        &error);
    QVERIFY2(rv == CKR_OK, qPrintable(error));
    qputenv("HSM_FAULTS_FILE", QFile::encodeName(rulesPath()));
    QVERIFY(QDir().mkpath(QDir(m_home).filePath(QStringLiteral("out"))));
}

void TestFaultsUi::init() {
    // Each test on a fresh client: the module loaded anew, nobody logged in.
    clearFaults();
    m_client = std::make_unique<HsmClient>();
    m_window = std::make_unique<MainWindow>(*m_client);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    m_window->loadLibrary(QStringLiteral(HSM_TEST_FAULTS));
    QVERIFY2(loaded.wait(kTimeout),
             qPrintable(failed.isEmpty() ? QStringLiteral("no signal")
                                         : failed.first().first().toString()));
    // The only initialized token is selected, and its objects are being read.
    auto *tree = child<QTreeView>("moduleTree");
    QVERIFY(tree->currentIndex().data().toString().startsWith(QLatin1String(kToken)));
    child<QTabWidget>("detailTabs")->setCurrentWidget(objectsPage());
    QTRY_VERIFY_WITH_TIMEOUT(!objectsPage()->isLoading(), kTimeout);
}

void TestFaultsUi::cleanup() {
    clearFaults();
    // Whatever a test left hanging returns before its client goes: a client destroyed
    // under a hung call leaves the library loaded for the rest of the process.
    QVERIFY(waitForQuietWorker());
    m_window.reset();
    m_client.reset();
}

void TestFaultsUi::cleanupTestCase() {
    qunsetenv("HSM_FAULTS_FILE");
    m_fixture.reset();
}

bool TestFaultsUi::listsObject(const QString &label) const {
    const QAbstractItemModel *model = objectsPage()->findChild<ObjectTableModel *>();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ObjectTableModel::LabelColumn).data().toString() == label)
            return true;
    }
    return false;
}

bool TestFaultsUi::reloadObjects() {
    QSignalSpy finished(objectsPage(), &ObjectsPage::loadingFinished);
    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    return QTest::qWaitFor([&] { return !finished.isEmpty() && !objectsPage()->isLoading(); },
                           kTimeout);
}

void TestFaultsUi::typePin(PinDialog *dialog) {
    QPointer<PinDialog> closing = dialog;
    auto *pin = dialog->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
    QVERIFY(pin);
    QCOMPARE(pin->echoMode(), QLineEdit::Password);
    QTest::keyClicks(pin, QString::fromLatin1(kPin));
    QCOMPARE(pin->text(), QString::fromLatin1(kPin));
    QTest::keyClick(pin, Qt::Key_Return);
    // Taken out of the line edit as the login starts, undo history included.
    QVERIFY(pin->text().isEmpty());
    QVERIFY(!pin->isUndoAvailable());
    QTRY_VERIFY_WITH_TIMEOUT(closing.isNull() || !closing->isVisible(), kTimeout);
    if (closing) {
        QVERIFY(closing->findChild<QLineEdit *>(QStringLiteral("pinEdit"))->text().isEmpty());
    }
}

void TestFaultsUi::logInFromWindow() {
    auto *logIn = child<QAction>("logInAction");
    QTRY_VERIFY_WITH_TIMEOUT(logIn->isEnabled(), kTimeout);
    logIn->trigger();
    PinDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleWindow<PinDialog>()), kTimeout);
    typePin(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("loginState")->text(),
                              QStringLiteral("Logged in to %1").arg(QLatin1String(kToken)),
                              kTimeout);
    // The login lists the private objects too.
    QTRY_VERIFY_WITH_TIMEOUT(!objectsPage()->isLoading() && listsObject(QLatin1String(kKey)),
                             kTimeout);
}

FragmentWizard *TestFaultsUi::openWizard() {
    m_window->newCustomerFragment();
    auto *wizard = m_window->findChild<FragmentWizard *>();
    if (wizard && !QTest::qWaitForWindowExposed(wizard))
        return nullptr;
    return wizard;
}

bool TestFaultsUi::next(FragmentWizard *wizard) {
    const int before = wizard->currentId();
    QAbstractButton *b = wizard->button(QWizard::NextButton);
    if (!QTest::qWaitFor([b] { return b->isVisible() && b->isEnabled(); }, kTimeout))
        return false;
    QTest::keyClick(b, Qt::Key_Space);
    return wizard->currentId() != before;
}

QTreeWidgetItem *TestFaultsUi::waitForPassedKey(FragmentWizard *wizard) {
    auto *keys = onPage<QTreeWidget>(wizard, "keyList");
    QTreeWidgetItem *key = nullptr;
    const bool passed = QTest::qWaitFor(
        [&] {
            key = keys->findItems(QString::fromLatin1(kKey), Qt::MatchExactly).value(0);
            return key && key->text(4).startsWith(QStringLiteral("Passed"));
        },
        kTimeout);
    return passed ? key : nullptr;
}

void TestFaultsUi::typeInto(QLineEdit *edit, const QString &text) {
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void TestFaultsUi::logInOnHsmPage(FragmentWizard *wizard) {
    QCOMPARE(wizard->currentId(), int(FragmentWizard::HsmPageId));
    auto *state = onPage<QLabel>(wizard, "loginState");
    QTRY_COMPARE_WITH_TIMEOUT(
        state->text(), QStringLiteral("Not logged in to %1").arg(QLatin1String(kToken)), kTimeout);
    auto *logIn = onPage<QPushButton>(wizard, "logIn");
    QTRY_VERIFY_WITH_TIMEOUT(logIn->isEnabled(), kTimeout);
    QTest::keyClick(logIn, Qt::Key_Space);
    PinDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleWindow<PinDialog>()), kTimeout);
    typePin(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(
        state->text(), QStringLiteral("Logged in to %1").arg(QLatin1String(kToken)), kTimeout);
}

void TestFaultsUi::driveToFragmentPage(FragmentWizard *wizard, const QString &name) {
    QVERIFY(next(wizard));
    QCOMPARE(wizard->currentId(), int(FragmentWizard::KeyPageId));
    QTreeWidgetItem *key = waitForPassedKey(wizard);
    QVERIFY(key);
    key->treeWidget()->setCurrentItem(key);
    QVERIFY(next(wizard));
    QCOMPARE(wizard->currentId(), int(FragmentWizard::FragmentPageId));
    typeInto(onPage<QLineEdit>(wizard, "fragmentName"), name);
}

bool TestFaultsUi::openWizardAtFragmentPage(const QString &name) {
    m_wizard = openWizard();
    if (!m_wizard)
        return false;
    logInOnHsmPage(m_wizard);
    if (!QTest::currentTestFailed())
        driveToFragmentPage(m_wizard, name);
    return !QTest::currentTestFailed();
}

void TestFaultsUi::hungCallTimesOutWhileWindowStaysResponsive() {
    logInFromWindow();
    const int rows = objectRows();
    m_client->setCallTimeout(500ms);
    setFaults("C_FindObjects hang call=1");

    // A heartbeat on the GUI thread, counting the ticks it gets while the call hangs.
    int pendingTicks = 0;
    QTimer heartbeat;
    connect(&heartbeat, &QTimer::timeout, this, [&] {
        if (inFlight(*m_client) == QLatin1String("C_FindObjects") && objectsPage()->isLoading())
            ++pendingTicks;
    });
    heartbeat.start(10);
    QSignalSpy finished(objectsPage(), &ObjectsPage::loadingFinished);
    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeout);
    heartbeat.stop();
    QVERIFY2(pendingTicks > 0, "the GUI thread did not run while the call hung");

    // The request was given up, and the status says which call did not answer.
    const QString status = objectStatus();
    QVERIFY2(status.contains(QStringLiteral("C_FindObjects has not answered")), qPrintable(status));
    QVERIFY(!objectsPage()->isLoading());
    QVERIFY(!child<QPushButton>("cancelObjects")->isVisible());
    QVERIFY(child<QPushButton>("reloadObjects")->isEnabled());
    // The window names the call everything waits for while it still hangs.
    if (inFlight(*m_client) == QLatin1String("C_FindObjects")) {
        auto *waiting = child<QLabel>("waitingCall");
        QTRY_VERIFY_WITH_TIMEOUT(waiting->isVisible() || inFlight(*m_client).isEmpty(), kTimeout);
        if (waiting->isVisible())
            QVERIFY2(waiting->text().contains(QStringLiteral("C_FindObjects")),
                     qPrintable(waiting->text()));
    }

    // Cleared, the next action works: queued until the library answers, then in full.
    clearFaults();
    QVERIFY(reloadObjects());
    QVERIFY2(objectStatus().startsWith(QStringLiteral("Objects: %1").arg(rows)),
             qPrintable(objectStatus()));
    QVERIFY(listsObject(QLatin1String(kKey)));
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>("waitingCall")->isVisible(), kTimeout);
}

void TestFaultsUi::cancelReturnsToIdleWhileCallHangs() {
    m_client->setCallTimeout(0ms); // wait for ever: only Cancel ends the wait
    const int rows = objectRows();
    QVERIFY(listsObject(QLatin1String(kPublicObject)));

    // The objects listing.
    setFaults("C_FindObjects hang call=1");
    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(inFlight(*m_client), QStringLiteral("C_FindObjects"), kTimeout);
    QVERIFY(objectsPage()->isLoading());
    QSignalSpy finished(objectsPage(), &ObjectsPage::loadingFinished);
    QTest::mouseClick(child<QPushButton>("cancelObjects"), Qt::LeftButton);
    // Idle at once, while the library still holds the worker.
    QCOMPARE(finished.size(), 1);
    QVERIFY(!objectsPage()->isLoading());
    QVERIFY(!child<QPushButton>("cancelObjects")->isVisible());
    QVERIFY(child<QPushButton>("reloadObjects")->isEnabled());
    QVERIFY2(objectStatus().startsWith(QStringLiteral("Stopped")), qPrintable(objectStatus()));
    QCOMPARE(inFlight(*m_client), QStringLiteral("C_FindObjects"));

    // The entropy check.
    auto *entropy = child<EntropyPage>("entropyPage");
    child<QTabWidget>("detailTabs")->setCurrentWidget(entropy);
    clearFaults();
    QVERIFY(waitForQuietWorker());
    setFaults("C_GenerateRandom hang call=1");
    QTest::mouseClick(child<QPushButton>("runEntropyCheck"), Qt::LeftButton);
    QVERIFY(entropy->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(inFlight(*m_client), QStringLiteral("C_GenerateRandom"), kTimeout);
    QSignalSpy checked(entropy, &EntropyPage::checkFinished);
    QTest::mouseClick(child<QPushButton>("cancelEntropyCheck"), Qt::LeftButton);
    QCOMPARE(checked.size(), 1);
    QVERIFY(!entropy->isRunning());
    QVERIFY(child<QPushButton>("runEntropyCheck")->isEnabled());
    QVERIFY(!child<QPushButton>("cancelEntropyCheck")->isVisible());
    const QString result = child<QLabel>("entropyResult")->text();
    QVERIFY2(result.contains(QStringLiteral("Cancelled")), qPrintable(result));
    QCOMPARE(inFlight(*m_client), QStringLiteral("C_GenerateRandom"));

    // Cleared, the next request runs once the library answers.
    clearFaults();
    child<QTabWidget>("detailTabs")->setCurrentWidget(objectsPage());
    QVERIFY(reloadObjects());
    QCOMPARE(objectRows(), rows);
    QVERIFY2(objectStatus().startsWith(QStringLiteral("Objects:")), qPrintable(objectStatus()));
}

void TestFaultsUi::stopOnVerifyPageWhileCallHangs() {
    m_client->setCallTimeout(0ms);
    QVERIFY(openWizardAtFragmentPage(QStringLiteral("WIZ_STOP")));
    FragmentWizard *wizard = m_wizard;
    setFaults("C_Sign hang call=1");
    QVERIFY(next(wizard));
    QCOMPARE(wizard->currentId(), int(FragmentWizard::VerifyPageId));
    QTRY_COMPARE_WITH_TIMEOUT(inFlight(*m_client), QStringLiteral("C_Sign"), kTimeout);
    auto *stop = onPage<QPushButton>(wizard, "stopVerify");
    auto *retry = onPage<QPushButton>(wizard, "retryVerify");
    QVERIFY(stop->isVisible() && !retry->isVisible());
    QTest::keyClick(stop, Qt::Key_Space);
    // Idle at once: Retry offered, nothing to go on with, the call still hanging.
    QVERIFY(!stop->isVisible());
    QVERIFY(retry->isVisible());
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    const QString status = onPage<QLabel>(wizard, "verifyError")->text();
    QVERIFY2(status.startsWith(QStringLiteral("Stopped")), qPrintable(status));
    QCOMPARE(inFlight(*m_client), QStringLiteral("C_Sign"));

    clearFaults();
    QTest::keyClick(retry, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), kTimeout);
    QVERIFY(!onPage<QLineEdit>(wizard, "fingerprint")->text().isEmpty());
    QTest::keyClick(wizard->button(QWizard::CancelButton), Qt::Key_Space);
}

void TestFaultsUi::moduleIsNotReplacedUnderHungCall() {
    m_client->setCallTimeout(0ms);
    setFaults("C_FindObjects hang call=1");
    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(inFlight(*m_client), QStringLiteral("C_FindObjects"), kTimeout);
    const quint64 hungAt = m_client->trace()->totalRecorded();

    // Loading the library again waits for the call in the client's queue; the window runs.
    int pendingTicks = 0;
    QTimer heartbeat;
    connect(&heartbeat, &QTimer::timeout, this, [&] {
        if (inFlight(*m_client) == QLatin1String("C_FindObjects") && ++pendingTicks == 20)
            clearFaults(); // the library answers now
    });
    heartbeat.start(10);
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    m_window->loadLibrary(QStringLiteral(HSM_TEST_FAULTS));
    QVERIFY(loaded.wait(kTimeout));
    heartbeat.stop();
    QVERIFY2(pendingTicks > 0, "the GUI thread did not run while the call hung");
    // C_Finalize of the old module came only after the hung C_FindObjects returned.
    const QList<CallRecord> calls = m_client->trace()->since(hungAt);
    int found = -1;
    int finalize = -1;
    for (int i = 0; i < calls.size(); ++i) {
        const QLatin1String function(calls[i].function);
        if (function == QLatin1String("C_FindObjects") && found < 0)
            found = i;
        if (function == QLatin1String("C_Finalize") && finalize < 0)
            finalize = i;
    }
    QVERIFY(found >= 0);
    QVERIFY(finalize > found);

    // Closing the window does not wait for a hung call either.
    clearFaults();
    QTRY_VERIFY_WITH_TIMEOUT(!objectsPage()->isLoading(), kTimeout);
    QVERIFY(waitForQuietWorker());
    setFaults("C_FindObjects hang call=1");
    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(inFlight(*m_client), QStringLiteral("C_FindObjects"), kTimeout);
    m_window->close();
    m_window.reset();
    QCOMPARE(inFlight(*m_client), QStringLiteral("C_FindObjects"));
}

void TestFaultsUi::signFailureInWizardWritesNothing() {
    // An existing fragments file, chosen on the Save page.
    const QString path = QDir(m_home).filePath(QStringLiteral("out/customer_fragments.json"));
    {
        FragmentFile seeded = FragmentFile::loadOrCreate(path).value();
        QVERIFY(
            seeded.add(CustomerFragment::make(QStringLiteral("cf-existing000000000000"),
                                              QByteArray(32, '\x5a'), QStringLiteral("EXISTING"),
                                              QString(), FragmentType::Standard, QString()),
                       false));
        QVERIFY(seeded.save());
        QFile::remove(path + QStringLiteral(".bak"));
    }
    const QByteArray before = readAll(path);
    QVERIFY(!before.isEmpty());

    QVERIFY(openWizardAtFragmentPage(QStringLiteral("WIZ_SIGN")));
    FragmentWizard *wizard = m_wizard;
    QVERIFY(next(wizard));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), kTimeout);
    QVERIFY(next(wizard));
    QCOMPARE(wizard->currentId(), int(FragmentWizard::SavePageId));
    typeInto(onPage<QLineEdit>(wizard, "fragmentsPath"), path);
    QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    // Back to the Fragment page (the fragment made so far is dropped unwritten) and on again
    // with C_Sign failing.
    QTest::keyClick(wizard->button(QWizard::BackButton), Qt::Key_Space);
    QTest::keyClick(wizard->button(QWizard::BackButton), Qt::Key_Space);
    QCOMPARE(wizard->currentId(), int(FragmentWizard::FragmentPageId));
    setFaults("C_Sign rv=CKR_DEVICE_ERROR");
    QVERIFY(next(wizard));
    QCOMPARE(wizard->currentId(), int(FragmentWizard::VerifyPageId));
    auto *retry = onPage<QPushButton>(wizard, "retryVerify");
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), kTimeout);
    const QString reason = onPage<QLabel>(wizard, "verifyError")->text();
    QVERIFY2(reason.contains(QStringLiteral("C_Sign")) &&
                 reason.contains(QStringLiteral("CKR_DEVICE_ERROR")),
             qPrintable(reason));
    // It cannot finish, not even from the keyboard.
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(!wizard->button(QWizard::FinishButton)->isVisible() ||
            !wizard->button(QWizard::FinishButton)->isEnabled());
    QTest::keyClick(wizard, Qt::Key_Return);
    QCOMPARE(wizard->currentId(), int(FragmentWizard::VerifyPageId));
    QVERIFY(onPage<QLineEdit>(wizard, "fingerprint")->text().isEmpty());
    QCOMPARE(readAll(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".bak")));

    // Cleared, Retry verifies and Finish writes the file chosen before.
    clearFaults();
    QTest::keyClick(retry, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), kTimeout);
    QVERIFY(next(wizard));
    QCOMPARE(onPage<QLineEdit>(wizard, "fragmentsPath")->text(), path);
    QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    QTest::keyClick(wizard->button(QWizard::FinishButton), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->isVisible(), kTimeout);
    const FragmentFile after = FragmentFile::loadOrCreate(path).value();
    QVERIFY(after.findByName(QStringLiteral("WIZ_SIGN")));
    QVERIFY(after.findByName(QStringLiteral("EXISTING")));
}

void TestFaultsUi::droppedSessionsAskForPinAndWizardFinishes() {
    QVERIFY(openWizardAtFragmentPage(QStringLiteral("WIZ_DROP")));
    FragmentWizard *wizard = m_wizard;
    // As after an HSM restart: every session, and the login with them, gone.
    setFaults("sessions drop");
    QVERIFY(next(wizard));
    QCOMPARE(wizard->currentId(), int(FragmentWizard::VerifyPageId));
    PinDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleWindow<PinDialog>()), kTimeout);
    const QString note = dialog->findChild<QLabel *>(QStringLiteral("loginMessage"))->text();
    QVERIFY2(note.contains(QStringLiteral("Log in again")), qPrintable(note));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    // The wizard shows the token logged out where it logs in.
    QCOMPARE(wizard->page(FragmentWizard::HsmPageId)
                 ->findChild<QLabel *>(QStringLiteral("loginState"))
                 ->text(),
             QStringLiteral("Not logged in to %1").arg(QLatin1String(kToken)));

    typePin(dialog);
    // Logged in again, the fragment is generated and verified without another click.
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), kTimeout);
    QVERIFY(!onPage<QLineEdit>(wizard, "fingerprint")->text().isEmpty());
    QVERIFY(!onPage<QPushButton>(wizard, "retryVerify")->isVisible());
    QVERIFY(next(wizard));
    const QString path = QDir(m_home).filePath(QStringLiteral("out/dropped.json"));
    typeInto(onPage<QLineEdit>(wizard, "fragmentsPath"), path);
    QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    QTest::keyClick(wizard->button(QWizard::FinishButton), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->isVisible(), kTimeout);
    QVERIFY(FragmentFile::loadOrCreate(path).value().findByName(QStringLiteral("WIZ_DROP")));
}

void TestFaultsUi::droppedSessionsAskForPinOnObjectsPage() {
    logInFromWindow();
    const int rows = objectRows();
    auto *loginState = child<QLabel>("loginState");

    // Dropped; the PIN dialog is cancelled: logged out, said so, nothing half done.
    setFaults("sessions drop");
    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    PinDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleWindow<PinDialog>()), kTimeout);
    QCOMPARE(loginState->text(), QStringLiteral("Not logged in to %1").arg(QLatin1String(kToken)));
    QVERIFY2(objectStatus().contains(QStringLiteral("after the login")),
             qPrintable(objectStatus()));
    QVERIFY(!objectsPage()->isLoading());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!visibleWindow<PinDialog>());
    QVERIFY2(objectStatus().contains(QStringLiteral("closed without logging in")),
             qPrintable(objectStatus()));
    QVERIFY(!objectsPage()->isLoading());
    QVERIFY(child<QAction>("logInAction")->isEnabled());
    QVERIFY(!child<QAction>("logOutAction")->isEnabled());

    // Logged in again from the menu: the objects are all back.
    logInFromWindow();
    QCOMPARE(objectRows(), rows);

    // Dropped again; this time the PIN is given and the list is read again by itself.
    setFaults("sessions drop\n# again");
    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleWindow<PinDialog>()), kTimeout);
    typePin(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!objectsPage()->isLoading() && objectRows() == rows, kTimeout);
    QVERIFY(listsObject(QLatin1String(kKey)));
    QCOMPARE(loginState->text(), QStringLiteral("Logged in to %1").arg(QLatin1String(kToken)));
}

void TestFaultsUi::droppedSessionsAskForPinForKeyActions() {
    logInFromWindow();
    const QString loggedIn = QStringLiteral("Logged in to %1").arg(QLatin1String(kToken));
    auto *loginState = child<QLabel>("loginState");

    // Check Key: the PIN again, then the check runs again and passes.
    setFaults("sessions drop\n# check");
    objectsPage()->checkKeyLabelled(QString::fromLatin1(kKey));
    PinDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleWindow<PinDialog>()), kTimeout);
    auto *check = child<QLabel>("keyCheckResult");
    QVERIFY2(check->text().contains(QStringLiteral("checked again after the login")),
             qPrintable(check->text()));
    typePin(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(check->text().contains(QStringLiteral("exists exactly once")),
                             kTimeout);
    QCOMPARE(loginState->text(), loggedIn);

    // Create Key: the PIN dialog over the Create Key dialog, then the key is created.
    QTRY_VERIFY_WITH_TIMEOUT(!objectsPage()->isLoading(), kTimeout);
    setFaults("sessions drop\n# create");
    QTest::mouseClick(child<QPushButton>("createKey"), Qt::LeftButton);
    CreateKeyDialog *create = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (create = m_window->findChild<CreateKeyDialog *>()) && create->isVisible(), kTimeout);
    QPointer<CreateKeyDialog> creating = create;
    typeInto(create->findChild<QLineEdit *>(QStringLiteral("keyLabel")),
             QStringLiteral("after-drop"));
    auto *createButton = create->findChild<QPushButton *>(QStringLiteral("createKeyButton"));
    QTRY_VERIFY_WITH_TIMEOUT(createButton->isEnabled(), kTimeout);
    QTest::mouseClick(createButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleWindow<PinDialog>()), kTimeout);
    QCOMPARE(dialog->parentWidget(), create); // on top of the dialog waiting for it
    typePin(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(creating.isNull() || !creating->isVisible(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        !objectsPage()->isLoading() && listsObject(QStringLiteral("after-drop")), kTimeout);

    // The wizard's key checks: the PIN again, then every key is checked.
    FragmentWizard *wizard = openWizard();
    QVERIFY(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), kTimeout);
    setFaults("sessions drop\n# wizard");
    QVERIFY(next(wizard));
    QCOMPARE(wizard->currentId(), int(FragmentWizard::KeyPageId));
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleWindow<PinDialog>()), kTimeout);
    typePin(dialog);
    QVERIFY(waitForPassedKey(wizard));
    QTest::keyClick(wizard->button(QWizard::CancelButton), Qt::Key_Space);
}

void TestFaultsUi::removedTokenIsExplained() {
    logInFromWindow();
    const int rows = objectRows();
    const auto namesRemoval = [](const QString &text) {
        return text.contains(QStringLiteral("CKR_DEVICE_REMOVED")) ||
               text.contains(QStringLiteral("CKR_TOKEN_NOT_PRESENT"));
    };

    setFaults("token removed");
    QVERIFY(reloadObjects());
    QVERIFY2(namesRemoval(objectStatus()), qPrintable(objectStatus()));
    QVERIFY(!visibleWindow<PinDialog>()); // not a login problem
    // The key check says the same.
    objectsPage()->checkKeyLabelled(QString::fromLatin1(kKey));
    auto *check = child<QLabel>("keyCheckResult");
    QTRY_VERIFY_WITH_TIMEOUT(check->text().startsWith(QStringLiteral("The check failed")),
                             kTimeout);
    QVERIFY2(namesRemoval(check->text()), qPrintable(check->text()));

    // Cleared, Reload shows the objects again.
    clearFaults();
    QVERIFY(reloadObjects());
    QCOMPARE(objectRows(), rows);
    QVERIFY(listsObject(QLatin1String(kKey)));

    // Removed, Refresh re-initializes the library and finds no token.
    setFaults("token removed");
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    m_window->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() || !failed.isEmpty(), kTimeout);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY2(objectStatus().contains(QStringLiteral("Select an initialized token")),
             qPrintable(objectStatus()));
    QCOMPARE(objectRows(), 0);

    // Cleared, Refresh finds it again, with its objects (the public ones: re-initializing
    // the library logged it out).
    clearFaults();
    loaded.clear();
    m_window->refresh();
    QVERIFY(loaded.wait(kTimeout));
    qInfo("Selected after the token came back: %s",
          qPrintable(child<QTreeView>("moduleTree")->currentIndex().data().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("loginState")->text(),
                              QStringLiteral("Not logged in to %1").arg(QLatin1String(kToken)),
                              kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!objectsPage()->isLoading() && objectRows() > 0, kTimeout);
    QVERIFY(listsObject(QLatin1String(kPublicObject)));
    QVERIFY2(objectStatus().startsWith(QStringLiteral("Objects:")), qPrintable(objectStatus()));
}

void TestFaultsUi::noPinOrDerivedValueLeaks() {
    // End to end with the PIN typed into the PIN dialog and the fragment written to a file.
    QVERIFY(openWizardAtFragmentPage(QStringLiteral("WIZ_SECRET")));
    FragmentWizard *wizard = m_wizard;
    QVERIFY(next(wizard));
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), kTimeout);
    QVERIFY(next(wizard));
    const QString path = QDir(m_home).filePath(QStringLiteral("out/secret.json"));
    typeInto(onPage<QLineEdit>(wizard, "fragmentsPath"), path);
    QTRY_VERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    QTest::keyClick(wizard->button(QWizard::FinishButton), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->isVisible(), kTimeout);

    // The fragment's derived value, as the gateway would compute it.
    const Result<FragmentFile> file = FragmentFile::loadOrCreate(path);
    QVERIFY2(file, qPrintable(file.error().toString()));
    const CustomerFragment *fragment = file->findByName(QStringLiteral("WIZ_SECRET"));
    QVERIFY(fragment);
    const Result<HsmClient::Derived> derived =
        await(m_client->deriveFragment(m_slot, *fragment, true));
    QVERIFY2(derived, qPrintable(derived.error().toString()));
    QVERIFY(derived->value && derived->value->size() >= 16);
    const QByteArray value(reinterpret_cast<const char *>(derived->value->data()),
                           static_cast<qsizetype>(derived->value->size()));

    QList<QPair<QString, QByteArray>> secrets;
    for (const QByteArray &form : encodings(QByteArray(kPin)))
        secrets.append({QStringLiteral("the PIN"), form});
    for (const QByteArray &form : encodings(value))
        secrets.append({QStringLiteral("the derived value"), form});

    // The settings, and every file under the test's home, XDG folders, temporary folder and
    // the token's own folder.
    QSettings().sync();
    QStringList files{QSettings().fileName()};
    for (const QString &root : {m_home, QDir::tempPath(), m_fixture->directory()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    QVERIFY(files.contains(path));
    QVERIFY(QFileInfo::exists(QSettings().fileName()));
    QStringList found;
    for (const QString &name : files) {
        const QByteArray bytes = readAll(name);
        for (const auto &[what, form] : secrets) {
            if (bytes.contains(form))
                found << QStringLiteral("%1 in %2").arg(what, name);
        }
    }
    // The call trace: every function, return value and handle.
    QByteArray trace;
    for (const CallRecord &call : m_client->trace()->snapshot()) {
        trace += QByteArray(call.function) + ' ' + returnValueName(call.rv).toLatin1() + ' ' +
                 describeHandle(call).toLatin1() + ' ' + QByteArray::number(quint64(call.handle)) +
                 '\n';
    }
    QVERIFY(trace.contains("C_Login"));
    for (const auto &[what, form] : secrets) {
        if (trace.contains(form))
            found << QStringLiteral("%1 in the call trace").arg(what);
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
    qInfo("Searched %lld files and %lld trace records.", static_cast<long long>(files.size()),
          static_cast<long long>(m_client->trace()->snapshot().size()));
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    if (!home.isValid() || !home.setHome())
        return 1;
    // The temporary folder inside the test's home too, so that every file the run writes
    // can be searched.
    const QDir root(home.path());
    root.mkpath(QStringLiteral("tmp"));
    qputenv("TMPDIR", QFile::encodeName(root.filePath(QStringLiteral("tmp"))));
    QApplication app(argc, argv);
    setApplicationIdentity();
    TestFaultsUi test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "TestFaultsUi.moc"
