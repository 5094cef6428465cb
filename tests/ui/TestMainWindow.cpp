// SPDX-License-Identifier: Apache-2.0
#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "core/gateway/GatewayConfig.h"
#include "core/token/DemoHsm.h"
#include "tests/support/SoftHsmFixture.h"
#include "tests/ui/UiTestHome.h"
#include "ui/LibraryHistory.h"
#include "ui/MainWindow.h"
#include "ui/OpenLibraryDialog.h"
#include "ui/browser/MechanismTableModel.h"
#include "ui/token/TokenSelectorWidget.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <sys/stat.h>

using namespace hsm;
using namespace hsm::ui;

namespace {

// Loading SoftHSM and creating the demo token takes a moment on a busy machine.
constexpr int kTimeout = 30000;

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
public:
    explicit TestMainWindow(QString home)
        : m_home(std::move(home)) {}

private Q_SLOTS:
    void initTestCase();
    void showsDemoInventory();
    void listsAndFiltersMechanisms();
    void refreshKeepsSelection();
    void gatewayTabExportsTheSelectedToken();
    void reportsBadLibrary();
    void dialogStaysOpenUntilLoaded();
    void userSoftHsmKeepsItsTokensAcrossRestart();
    void settingsAndDataLocations();
    void cleanupTestCase();

private:
    template <typename T> T *child(const char *name) const {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    QModelIndex demoToken() const;
    // The initialized tokens the tree shows, "label (#serial)" each.
    QStringList shownTokens() const;
    bool load(const std::function<void()> &start);
    QString writeTextFile() const;

    QString m_home;
    // SOFTHSM2_CONF: the user's own SoftHSM, with a token of its own.
    std::unique_ptr<test::SoftHsmFixture> m_userSoftHsm;
    std::unique_ptr<HsmClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase() {
    m_userSoftHsm = std::make_unique<test::SoftHsmFixture>();
    QVERIFY(m_userSoftHsm->initTokens({QStringLiteral("operator")}));
    m_client = std::make_unique<HsmClient>();
    m_window = std::make_unique<MainWindow>(*m_client);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::showsDemoInventory() {
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    m_window->loadDemo();
    QVERIFY2(loaded.wait(kTimeout),
             qPrintable(failed.isEmpty() ? QStringLiteral("no signal")
                                         : failed.first().first().toString()));

    QVERIFY(demoToken().isValid());
    QVERIFY(child<QLabel>("demoBanner")->isVisible());
    QVERIFY(child<QLabel>("demoBanner")->text().contains(QStringLiteral("not for production")));
    QVERIFY(!child<QLabel>("errorBanner")->isVisible());
    QVERIFY(child<QLabel>("modulePath")->text().contains(QStringLiteral("softhsm2")));
}

void TestMainWindow::listsAndFiltersMechanisms() {
    auto *tree = child<QTreeView>("moduleTree");
    QAbstractItemModel *mechanisms = child<QTableView>("mechanismTable")->model();
    QVERIFY(tree && mechanisms);

    // The module item has no mechanisms; selecting the token asks for its slot's.
    tree->selectionModel()->setCurrentIndex(tree->model()->index(0, 0),
                                            QItemSelectionModel::ClearAndSelect);
    QCOMPARE(mechanisms->rowCount(), 0);
    tree->selectionModel()->setCurrentIndex(demoToken(), QItemSelectionModel::ClearAndSelect);
    QTRY_VERIFY_WITH_TIMEOUT(mechanisms->rowCount() > 0, kTimeout);
    const int total = mechanisms->rowCount();
    QVERIFY(!mechanisms
                 ->match(mechanisms->index(0, MechanismTableModel::NameColumn), Qt::DisplayRole,
                         QStringLiteral("CKM_SHA256_HMAC"), 1, Qt::MatchExactly)
                 .isEmpty());

    auto *filter = child<QLineEdit>("mechanismFilter");
    QTest::keyClicks(filter, QStringLiteral("sha256_hmac"));
    QVERIFY(mechanisms->rowCount() >= 1);
    QVERIFY(mechanisms->rowCount() <= 3);
    for (int row = 0; row < mechanisms->rowCount(); ++row) {
        const QString name =
            mechanisms->index(row, MechanismTableModel::NameColumn).data().toString();
        const QString flags =
            mechanisms->index(row, MechanismTableModel::FlagsColumn).data().toString();
        QVERIFY2(name.contains(QStringLiteral("SHA256_HMAC"), Qt::CaseInsensitive) ||
                     flags.contains(QStringLiteral("SHA256_HMAC"), Qt::CaseInsensitive),
                 qPrintable(name));
    }

    filter->clear();
    QCOMPARE(mechanisms->rowCount(), total);
}

void TestMainWindow::refreshKeepsSelection() {
    auto *tree = child<QTreeView>("moduleTree");
    tree->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    QTest::keyClick(tree, Qt::Key_F5);
    QVERIFY(loaded.wait(kTimeout));
    QCOMPARE(tree->currentIndex(), demoToken());
    QTRY_VERIFY_WITH_TIMEOUT(child<QTableView>("mechanismTable")->model()->rowCount() > 0,
                             kTimeout);
}

// The Gateway tab's deployment settings for the token selected in the tree, in every format,
// with and without a fragments file, saved to a file through the dialog.
void TestMainWindow::gatewayTabExportsTheSelectedToken() {
    auto *tree = child<QTreeView>("moduleTree");
    tree->setCurrentIndex(demoToken());
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_W, Qt::AltModifier); // Gate&way
    QCOMPARE(child<QTabWidget>("detailTabs")->currentWidget(), child<QWidget>("gatewayPage"));
    const std::optional<SlotInfo> slot = child<TokenSelectorWidget>("tokenSelector")->currentSlot();
    QVERIFY(slot && slot->token);
    const QString serial = slot->token->serial;

    auto *format = child<QComboBox>("exportFormat");
    auto *text = child<QPlainTextEdit>("exportText");
    auto *message = child<QLabel>("exportMessage");
    auto *fragments = child<QLineEdit>("gatewayFragmentsPath");
    QVERIFY(format && text && message && fragments);
    QVERIFY(fragments->text().isEmpty());
    // The demo opens on the one format it can be exported in.
    QCOMPARE(format->currentData().toInt(), int(GatewayConfig::Format::Env));
    QVERIFY(!text->toPlainText().isEmpty());
    // Every format: the demo HSM is for this machine only, so only the env file is written.
    for (int i = 0; i < format->count(); ++i) {
        format->setCurrentIndex(i);
        const bool env = format->currentData().toInt() == int(GatewayConfig::Format::Env);
        QCOMPARE(text->toPlainText().isEmpty(), !env);
        if (!env)
            QVERIFY2(message->text().contains(
                         QStringLiteral("demo HSM is not deployable into a container")),
                     qPrintable(message->text()));
    }
    format->setCurrentIndex(format->findData(int(GatewayConfig::Format::Env)));
    QString env = text->toPlainText();
    QVERIFY2(env.contains(QStringLiteral("\nHSM_TOKEN_SERIAL=") + serial + QLatin1Char('\n')),
             qPrintable(env));
    QVERIFY2(env.contains(QStringLiteral("\nSOFTHSM2_CONF=") + demoHsm::configPath() +
                          QLatin1Char('\n')),
             qPrintable(env));
    QVERIFY2(env.contains(QStringLiteral("\nHSM_PIN=<HSM PIN>\n")), qPrintable(env));
    QVERIFY(!env.contains(QStringLiteral("fragments file")));

    // With a fragments file, named for the gateway's folder.
    const QString fragmentsFile = m_home + QStringLiteral("/customer_fragments.json");
    fragments->setFocus();
    QTest::keyClicks(fragments, fragmentsFile);
    env = text->toPlainText();
    QVERIFY2(
        env.contains(QStringLiteral("# Not in this file: the fragments file ") + fragmentsFile),
        qPrintable(env));

    // Saved through the dialog, as shown, owner-only.
    const QString saved = m_home + QStringLiteral("/gateway.env");
    QTest::mouseClick(child<QPushButton>("saveExport"), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = child<QFileDialog>("exportSaveDialog")) && dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    dialog->selectFile(saved);
    QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")), Qt::Key_Return);
    QTRY_VERIFY(QFile::exists(saved));
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), env);
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(saved).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    QVERIFY2(message->text().contains(saved), qPrintable(message->text()));

    fragments->clear();
    QVERIFY(!text->toPlainText().contains(QStringLiteral("fragments file")));
}

void TestMainWindow::reportsBadLibrary() {
    const QString path = writeTextFile();
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    m_window->loadLibrary(path); // what the Open dialog calls
    QVERIFY(failed.wait(kTimeout));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("text file")), qPrintable(message));

    QVERIFY(child<QLabel>("errorBanner")->isVisible());
    QVERIFY(child<QLabel>("errorBanner")->text().contains(QStringLiteral("text file")));
    QVERIFY(!child<QLabel>("demoBanner")->isVisible());
    QCOMPARE(child<QTreeView>("moduleTree")->model()->rowCount(), 0);
    QVERIFY(!libraryHistory::recent().contains(path));
}

void TestMainWindow::dialogStaysOpenUntilLoaded() {
    m_window->openLibraryDialog();
    QPointer<OpenLibraryDialog> dialog = m_window->findChild<OpenLibraryDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    auto *path = dialog->findChild<QLineEdit *>(QStringLiteral("libraryPath"));
    QPushButton *open = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
    QVERIFY(path && open);

    // A failure is shown in the dialog, which stays open for another try.
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    path->setText(writeTextFile());
    QTest::mouseClick(open, Qt::LeftButton);
    QVERIFY(failed.wait(kTimeout));
    QVERIFY(dialog->isVisible());
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("loadError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("text file")), qPrintable(error->text()));

    // A success closes it and remembers the library. The SoftHSM library the demo runs on,
    // opened by the user after the demo: the user's configuration and tokens, not the demo's.
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    path->setText(demoHsm::modulePath());
    QTest::mouseClick(open, Qt::LeftButton);
    QVERIFY(loaded.wait(kTimeout));
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(libraryHistory::recent().value(0), demoHsm::modulePath());
    QCOMPARE(libraryHistory::last(), demoHsm::modulePath());
    QVERIFY(!demoToken().isValid());
    QVERIFY(!child<QLabel>("demoBanner")->isVisible());
    QCOMPARE(shownTokens(),
             QStringList{QStringLiteral("operator (#%1)")
                             .arg(m_userSoftHsm->token(QStringLiteral("operator")).serial)});
}

// The library opened last, on the next start (as main() picks it from the settings): the
// same tokens as in the session that opened it after the demo; and the demo and the user's
// library, opened in turn, each keep their own.
void TestMainWindow::userSoftHsmKeepsItsTokensAcrossRestart() {
    const QStringList before = shownTokens();
    QVERIFY(!before.isEmpty());
    m_window.reset();
    m_client.reset();
    QVERIFY(QFile::exists(QSettings().fileName()));
    QCOMPARE(libraryHistory::last(), demoHsm::modulePath());

    m_client = std::make_unique<HsmClient>();
    m_window = std::make_unique<MainWindow>(*m_client);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(load([this] { m_window->loadLibrary(libraryHistory::last()); }));
    QCOMPARE(shownTokens(), before);

    QVERIFY(load([this] { m_window->loadDemo(); }));
    QVERIFY(demoToken().isValid());
    QCOMPARE(shownTokens().size(), 1);
    QVERIFY(load([this] { m_window->loadLibrary(demoHsm::modulePath()); }));
    QCOMPARE(shownTokens(), before);
    QCOMPARE(qgetenv("SOFTHSM2_CONF"), QFile::encodeName(m_userSoftHsm->configPath()));

    // The Gateway tab for the user's token, by its label: an ordinary library, no
    // SOFTHSM2_CONF; its system folder cannot be mounted, the env file and Kubernetes work.
    auto *tree = child<QTreeView>("moduleTree");
    QAbstractItemModel *model = tree->model();
    tree->setCurrentIndex(model
                              ->match(model->index(0, 0), Qt::DisplayRole,
                                      QStringLiteral("operator (#"), 1,
                                      Qt::MatchStartsWith | Qt::MatchRecursive)
                              .value(0));
    child<TokenSelectorWidget>("tokenSelector")->setMode(GatewayTokenMode::Label);
    auto *format = child<QComboBox>("exportFormat");
    auto *text = child<QPlainTextEdit>("exportText");
    format->setCurrentIndex(format->findData(int(GatewayConfig::Format::Env)));
    QVERIFY2(text->toPlainText().contains(QStringLiteral("\nHSM_TOKEN_LABEL=operator\n")),
             qPrintable(text->toPlainText()));
    QVERIFY(!text->toPlainText().contains(QStringLiteral("SOFTHSM2_CONF")));
    format->setCurrentIndex(format->findData(int(GatewayConfig::Format::Kubernetes)));
    QVERIFY(!text->toPlainText().isEmpty());
    format->setCurrentIndex(format->findData(int(GatewayConfig::Format::Docker)));
    QVERIFY(text->toPlainText().isEmpty());
    QVERIFY(child<QLabel>("exportMessage")
                ->text()
                .contains(QStringLiteral("copy the vendor's folder under /opt")));
}

// Settings under the application's own folder (not "Unknown Organization"), and the data
// (the demo HSM) where the README says.
void TestMainWindow::settingsAndDataLocations() {
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QCOMPARE(QSettings().fileName(), config + QStringLiteral("/hsm-admin/hsm-admin.conf"));
    QVERIFY(QSettings().fileName().startsWith(m_home));
    QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
             QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                 QStringLiteral("/hsm-admin"));
}

void TestMainWindow::cleanupTestCase() {
    m_window.reset(); // before the client it refers to
    m_client.reset();
    m_userSoftHsm.reset();
}

bool TestMainWindow::load(const std::function<void()> &start) {
    QSignalSpy loaded(m_window.get(), &MainWindow::inventoryLoaded);
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    start();
    if (loaded.wait(kTimeout))
        return true;
    qWarning("%s", qPrintable(failed.isEmpty() ? QStringLiteral("no signal")
                                               : failed.first().first().toString()));
    return false;
}

QStringList TestMainWindow::shownTokens() const {
    QAbstractItemModel *model = child<QTreeView>("moduleTree")->model();
    QStringList tokens;
    for (const QModelIndex &index :
         model->match(model->index(0, 0), Qt::DisplayRole, QStringLiteral(" (#"), -1,
                      Qt::MatchContains | Qt::MatchRecursive))
        tokens << index.data().toString();
    return tokens;
}

QModelIndex TestMainWindow::demoToken() const {
    QAbstractItemModel *model = child<QTreeView>("moduleTree")->model();
    const QModelIndexList found =
        model->match(model->index(0, 0), Qt::DisplayRole, QStringLiteral("demo (#"), 1,
                     Qt::MatchStartsWith | Qt::MatchRecursive);
    return found.value(0);
}

QString TestMainWindow::writeTextFile() const {
    const QString path = m_home + QStringLiteral("/not-a-library.so");
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write("This is a text file, not a PKCS#11 library.\n");
    return path;
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    if (!home.isValid() || !home.setHome())
        return 1;
    QApplication app(argc, argv);
    setApplicationIdentity();
    TestMainWindow test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "TestMainWindow.moc"
