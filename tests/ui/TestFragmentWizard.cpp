// SPDX-License-Identifier: Apache-2.0
#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "core/entropy/RandomSource.h"
#include "core/gateway/GatewayConfig.h"
#include "core/token/DemoHsm.h"
#include "tests/ui/UiTestHome.h"
#include "ui/MainWindow.h"
#include "ui/objects/CreateKekDialog.h"
#include "ui/token/PinDialog.h"
#include "ui/wizard/FragmentWizard.h"
#include "ui/wizard/GatewayImportDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <sys/stat.h>

using namespace hsm;
using namespace hsm::ui;

namespace {

// Loading SoftHSM, creating the demo token and checking keys take a moment on a busy machine.
constexpr int kTimeout = 60000;

const QRegularExpression kFingerprint(QStringLiteral("^[0-9a-f]{16}$"));

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// The customer fragment wizard, driven page by page with the keyboard and the mouse against
// the demo HSM, and checked against the real CLI. The test functions build on each other,
// in order: the first one loads the demo HSM and logs in, the others start from there.
class TestFragmentWizard : public QObject {
    Q_OBJECT
public:
    explicit TestFragmentWizard(QString home)
        : m_home(std::move(home)) {}

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void completesEveryPage();
    void derivesTheSameFingerprintWithTheCli();
    void encryptsUnderAnAesKekMadeInTheWizard();
    void writesTheOlderNameWhenAsked();
    void startsWithLoadedModuleAndCancelAtSaveWritesNothing();
    void backThenCancelWritesNothing();
    void refusesDuplicateNameOnFragmentPage();
    void refusesDuplicateNameOnSavePage();
    void exportsFollowTokenMode();
    void verifyFailureShowsReasonAndRetries();
    void writeFailureKeepsWizardOpen();
    void everyControlHasAnAccessibleName();
    void importsDockerRunSettings();
    void opensFromMainWindowAndSharesItsClient();
    void cleanupTestCase();

private:
    // On the current page (pages share some names), else anywhere in the wizard.
    template <typename T> T *child(const char *name) const {
        const QString objectName = QString::fromLatin1(name);
        T *found = m_wizard->currentPage()->findChild<T *>(objectName);
        if (!found)
            found = m_wizard->findChild<T *>(objectName);
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    template <typename T> T *visibleDialog() const {
        for (T *dialog : m_wizard->findChildren<T *>()) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }
    QAbstractButton *button(QWizard::WizardButton which) const { return m_wizard->button(which); }
    // Presses a button from the keyboard, as someone without a mouse would.
    static void press(QAbstractButton *b) { QTest::keyClick(b, Qt::Key_Space); }
    void openWizard();
    // Next, from the keyboard, once it is enabled; waits for the page to change.
    bool next();
    void screenshot(int page, QWidget *widget = nullptr) const;
    // From the HSM page (already logged in) to the Save page, with the fragment `name`.
    void driveToSavePage(const QString &name);
    void waitForHsmPageReady();
    void chooseDemoKey();
    void typeInto(QLineEdit *edit, const QString &text);
    QString demoSerial() const;
    // `hsm-admin-cli derive` of `name` in `file` against the demo HSM.
    bool cliDerive(const QString &file, const QString &name, QString *out, QString *err) const;

    QString m_home;
    std::unique_ptr<HsmClient> m_client;
    std::unique_ptr<FragmentWizard> m_wizard;
    QString m_file;        // written by completesEveryPage
    QString m_fingerprint; // shown by its Verify page
};

void TestFragmentWizard::initTestCase() {
    m_client = std::make_unique<HsmClient>();
    m_file = QDir(m_home).filePath(QStringLiteral("out/customer_fragments.json"));
    QVERIFY(QDir().mkpath(QFileInfo(m_file).path()));
}

void TestFragmentWizard::init() {
    openWizard();
}

void TestFragmentWizard::cleanup() {
    m_wizard.reset();
}

void TestFragmentWizard::openWizard() {
    m_wizard = std::make_unique<FragmentWizard>(*m_client);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::HsmPageId));
}

bool TestFragmentWizard::next() {
    const int before = m_wizard->currentId();
    QAbstractButton *b = button(QWizard::NextButton);
    if (!QTest::qWaitFor([b] { return b->isVisible() && b->isEnabled(); }, kTimeout))
        return false;
    press(b);
    return m_wizard->currentId() != before;
}

// With HSM_ADMIN_UI_SCREENSHOTS set to a folder, saves what the user sees there.
void TestFragmentWizard::screenshot(int page, QWidget *widget) const {
    const QString folder = qEnvironmentVariable("HSM_ADMIN_UI_SCREENSHOTS");
    if (!folder.isEmpty())
        (widget ? widget : m_wizard.get())
            ->grab()
            .save(QDir(folder).filePath(QStringLiteral("wizard-%1.png").arg(page)));
}

void TestFragmentWizard::typeInto(QLineEdit *edit, const QString &text) {
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

QString TestFragmentWizard::demoSerial() const {
    return m_wizard->state().slot ? m_wizard->state().slot->token->serial : QString();
}

void TestFragmentWizard::waitForHsmPageReady() {
    QTRY_VERIFY_WITH_TIMEOUT(button(QWizard::NextButton)->isEnabled(), kTimeout);
    QCOMPARE(child<QLabel>("loginState")->text(), QStringLiteral("Logged in to demo"));
    QCOMPARE(child<QLineEdit>("libraryPath")->text(), demoHsm::modulePath());
}

void TestFragmentWizard::chooseDemoKey() {
    auto *keys = child<QTreeWidget>("keyList");
    const QString label = QString::fromLatin1(demoHsm::kKeyLabel);
    QTreeWidgetItem *key = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((key = keys->findItems(label, Qt::MatchExactly).value(0)) &&
                                 key->text(4).startsWith(QStringLiteral("Passed")),
                             kTimeout);
    // With the keyboard: from the top of the list down to the key.
    keys->setFocus();
    QTest::keyClick(keys, Qt::Key_Home);
    for (int i = 0; i < keys->topLevelItemCount() && keys->currentItem() != key; ++i)
        QTest::keyClick(keys, Qt::Key_Down);
    QCOMPARE(keys->currentItem(), key);
    QTRY_VERIFY(button(QWizard::NextButton)->isEnabled());
    const QString verdict = child<QLabel>("keyVerdict")->text();
    QVERIFY2(verdict.contains(QStringLiteral("passed")), qPrintable(verdict));
}

void TestFragmentWizard::driveToSavePage(const QString &name) {
    waitForHsmPageReady();
    QVERIFY(next());
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::KeyPageId));
    chooseDemoKey();
    QVERIFY(next());
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::FragmentPageId));
    typeInto(child<QLineEdit>("fragmentName"), name);
    QVERIFY(next());
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::VerifyPageId));
    QTRY_VERIFY_WITH_TIMEOUT(kFingerprint.match(child<QLineEdit>("fingerprint")->text()).hasMatch(),
                             kTimeout);
    QVERIFY(next());
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::SavePageId));
}

void TestFragmentWizard::completesEveryPage() {
    // 1. HSM: nothing loaded yet; the demo HSM from the keyboard, then the PIN dialog.
    auto *status = child<QLabel>("hsmStatus");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("No PKCS#11 library")),
                             kTimeout);
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
    press(child<QPushButton>("useDemo"));
    auto *tokens = child<QListWidget>("tokenList");
    QTRY_VERIFY_WITH_TIMEOUT(tokens->currentItem() && tokens->currentItem()->text().startsWith(
                                                          QStringLiteral("demo (#")),
                             kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("loginState")->text(),
                              QStringLiteral("Not logged in to demo"), kTimeout);
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
    auto *mode = child<QComboBox>("selectorMode");
    QCOMPARE(mode->currentData().toInt(), int(GatewayTokenMode::Serial));

    auto *logIn = child<QPushButton>("logIn");
    QTRY_VERIFY_WITH_TIMEOUT(logIn->isEnabled(), kTimeout);
    press(logIn);
    PinDialog *pinDialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((pinDialog = visibleDialog<PinDialog>()), kTimeout);
    QPointer<PinDialog> closing = pinDialog;
    auto *pin = pinDialog->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
    QTest::keyClicks(pin, QString::fromLatin1(demoHsm::kUserPin));
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(closing.isNull(), kTimeout);
    waitForHsmPageReady();
    QVERIFY(!logIn->isEnabled());
    screenshot(1);
    QVERIFY(next());

    // 2. Key: the demo key, once its check has passed.
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::KeyPageId));
    chooseDemoKey();
    screenshot(2);
    QVERIFY(next());

    // 3. Fragment: a name is required; hsm_wrapped; the token has an RNG.
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::FragmentPageId));
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
    typeInto(child<QLineEdit>("fragmentName"), QStringLiteral("WIZ_CF"));
    typeInto(child<QLineEdit>("fragmentDescription"), QStringLiteral("made by the wizard test"));
    press(child<QRadioButton>("typeStandard"));
    QVERIFY(child<QRadioButton>("typeStandard")->isChecked());
    press(child<QRadioButton>("typeWrapped"));
    QVERIFY(child<QRadioButton>("typeWrapped")->isChecked());
    auto *entropy = child<QComboBox>("entropySource");
    auto *useRand = child<QCheckBox>("hsmUseRand");
    auto *entropyModel = qobject_cast<QStandardItemModel *>(entropy->model());
    const int osRow = entropy->findData(int(EntropySource::Os));
    QVERIFY(useRand->isChecked()); // the demo token has CKF_RNG
    QVERIFY(!entropyModel->item(osRow)->isEnabled());
    press(useRand);
    QVERIFY(!useRand->isChecked());
    QVERIFY(entropyModel->item(osRow)->isEnabled());
    press(useRand);
    QCOMPARE(entropy->currentData().toInt(), int(EntropySource::Mixed));
    QVERIFY(button(QWizard::NextButton)->isEnabled());
    screenshot(3);
    QVERIFY(next());

    // 4. Verify: generated and derived twice on the worker.
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::VerifyPageId));
    auto *fingerprint = child<QLineEdit>("fingerprint");
    QTRY_VERIFY_WITH_TIMEOUT(button(QWizard::NextButton)->isEnabled(), kTimeout);
    m_fingerprint = fingerprint->text();
    QVERIFY2(kFingerprint.match(m_fingerprint).hasMatch(), qPrintable(m_fingerprint));
    QVERIFY(!child<QPushButton>("retryVerify")->isVisible());
    // The page claims what the fingerprint proves, and no more.
    const QString explanation = child<QLabel>("fingerprintExplanation")->text();
    QVERIFY2(explanation.contains(QStringLiteral("this file, this key and HSM Admin's scheme")) &&
                 explanation.contains(QStringLiteral("not the gateway's internal value")),
             qPrintable(explanation));
    QVERIFY(m_wizard->currentPage()->subTitle().contains(QStringLiteral("documented scheme")));
    screenshot(4);
    QVERIFY(next());

    // 5. Save: a new file. The demo HSM goes into no container: docker is refused with the
    // reason; the env file, for a gateway on this machine, names the token
    // by its serial and the demo's SOFTHSM2_CONF, without the PIN.
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::SavePageId));
    typeInto(child<QLineEdit>("fragmentsPath"), m_file);
    QTRY_VERIFY(button(QWizard::FinishButton)->isEnabled()); // read once the typing pauses
    QCOMPARE(child<QTreeWidget>("existingFragments")->topLevelItemCount(), 0);
    QVERIFY(!child<QCheckBox>("replaceExisting")->isVisible());
    auto *format = child<QComboBox>("exportFormat");
    // The demo opens on the env file, the one format it can be exported in.
    QCOMPARE(format->currentData().toInt(), int(GatewayConfig::Format::Env));
    QVERIFY(!child<QPlainTextEdit>("exportText")->toPlainText().isEmpty());
    format->setCurrentIndex(format->findData(int(GatewayConfig::Format::Docker)));
    QVERIFY(child<QPlainTextEdit>("exportText")->toPlainText().isEmpty());
    QVERIFY2(child<QLabel>("exportMessage")
                 ->text()
                 .contains(QStringLiteral("demo HSM is not deployable into a container")),
             qPrintable(child<QLabel>("exportMessage")->text()));
    format->setCurrentIndex(format->findData(int(GatewayConfig::Format::Env)));
    const QString env = child<QPlainTextEdit>("exportText")->toPlainText();
    QVERIFY2(env.contains(QStringLiteral("HSM_TOKEN_SERIAL=") + demoSerial()), qPrintable(env));
    QVERIFY2(env.contains(demoHsm::modulePath()), qPrintable(env));
    QVERIFY2(env.contains(QStringLiteral("\nSOFTHSM2_CONF=") + demoHsm::configPath() +
                          QLatin1Char('\n')),
             qPrintable(env));
    QVERIFY2(env.contains(m_file), qPrintable(env)); // named for the gateway's folder
    QVERIFY2(env.contains(QStringLiteral("HSM_USE_RAND=true")), qPrintable(env));
    // No PIN: not as a variable, and not the demo's digits anywhere but inside known values.
    QVERIFY(!env.contains(QStringLiteral("HSM_PIN=") + QLatin1String(demoHsm::kUserPin)));
    QString scrubbed = env;
    scrubbed.remove(demoSerial()).remove(m_file).remove(demoHsm::modulePath());
    scrubbed.remove(demoHsm::configPath());
    QVERIFY2(!scrubbed.contains(QLatin1String(demoHsm::kUserPin)), qPrintable(env));
    // Every format, from the keyboard: settings without the PIN, or (for a container) the
    // reason and nothing to copy.
    format->setFocus();
    QTest::keyClick(format, Qt::Key_Home);
    for (int i = 1; i < format->count(); ++i) {
        QTest::keyClick(format, Qt::Key_Down);
        QCOMPARE(format->currentIndex(), i);
        QString text = child<QPlainTextEdit>("exportText")->toPlainText();
        const auto f = static_cast<GatewayConfig::Format>(format->currentData().toInt());
        const bool container = f != GatewayConfig::Format::Env;
        QVERIFY2(text.isEmpty() == container, qPrintable(format->currentText()));
        QCOMPARE(child<QPushButton>("copyExport")->isEnabled(), !container);
        text.remove(demoSerial()).remove(m_file).remove(demoHsm::modulePath());
        text.remove(demoHsm::configPath());
        QVERIFY2(!text.contains(QLatin1String(demoHsm::kUserPin)), qPrintable(text));
    }
    QTest::keyClick(format, Qt::Key_Home);
    screenshot(5);

    press(button(QWizard::FinishButton));
    QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isVisible(), kTimeout);
    QCOMPARE(m_wizard->result(), int(QDialog::Accepted));

    // The file: the one fragment, mode 0600, remembered for next time.
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(m_file).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    const QJsonArray entries = QJsonDocument::fromJson(readAll(m_file))
                                   .object()
                                   .value(QStringLiteral("customer_fragments"))
                                   .toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("name")).toString(), QStringLiteral("WIZ_CF"));
    QCOMPARE(entry.value(QStringLiteral("fragment_type")).toString(),
             QStringLiteral("hsm_wrap_hmac"));
    QCOMPARE(entry.value(QStringLiteral("key_label")).toString(),
             QString::fromLatin1(demoHsm::kKeyLabel));
    QCOMPARE(entry.value(QStringLiteral("description")).toString(),
             QStringLiteral("made by the wizard test"));
    QCOMPARE(QSettings().value(QLatin1String(FragmentWizard::kLastFragmentsFileKey)).toString(),
             m_file);
}

void TestFragmentWizard::derivesTheSameFingerprintWithTheCli() {
    QVERIFY(!m_fingerprint.isEmpty());
    QString out;
    QString err;
    QVERIFY2(cliDerive(m_file, QStringLiteral("WIZ_CF"), &out, &err), qPrintable(err));
    QCOMPARE(out, QStringLiteral("fingerprint: %1\n").arg(m_fingerprint));
}

bool TestFragmentWizard::cliDerive(const QString &file, const QString &name, QString *out,
                                   QString *err) const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(m_home).filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HSM_PIN"), QString::fromLatin1(demoHsm::kUserPin));
    for (const char *variable :
         {"PKCS11_LIB_PATH", "HSM_SLOT", "HSM_TOKEN_LABEL", "HSM_TOKEN_SERIAL"})
        env.remove(QLatin1String(variable));
    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(HSM_ADMIN_CLI_PATH),
              {QStringLiteral("derive"), QStringLiteral("--fragments"), file,
               QStringLiteral("--name"), name});
    cli.closeWriteChannel();
    if (!cli.waitForFinished(120000)) {
        *err = QStringLiteral("the CLI did not finish");
        return false;
    }
    *out = QString::fromUtf8(cli.readAllStandardOutput());
    *err = QString::fromUtf8(cli.readAllStandardError());
    return cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0;
}

// hsm_wrap_encrypt from start to end: the KEK created from the Key page (a label that exists
// refused), AES-GCM chosen from what worked, and the entry written as the CLI writes it,
// which the CLI decrypts to the fingerprint the Verify page showed.
void TestFragmentWizard::encryptsUnderAnAesKekMadeInTheWizard() {
    waitForHsmPageReady();
    QVERIFY(next());
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::KeyPageId));
    QVERIFY(!child<QComboBox>("wrapAlgorithm")->isVisible());
    press(child<QRadioButton>("kekMode"));
    QVERIFY(child<QComboBox>("wrapAlgorithm")->isVisible());
    auto *keys = child<QTreeWidget>("keyList");
    // The demo's HMAC key is no KEK: it is not listed.
    auto *create = child<QPushButton>("createKey");
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), kTimeout);
    QVERIFY(keys->findItems(QString::fromLatin1(demoHsm::kKeyLabel), Qt::MatchExactly).isEmpty());
    QCOMPARE(create->text(), QStringLiteral("&Create KEK…"));

    const QString kek = QStringLiteral("WIZ_KEK");
    for (const bool again : {false, true}) {
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), kTimeout); // the list read again
        press(create);
        CreateKekDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleDialog<CreateKekDialog>()), kTimeout);
        QPointer<CreateKekDialog> closing = dialog;
        auto *label = dialog->findChild<QLineEdit *>(QStringLiteral("kekLabel"));
        typeInto(label, kek);
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kekKind"));
        QCOMPARE(kind->currentData().toInt(), 0); // AES-256 first
        QCOMPARE(kind->count(), 4);               // and RSA 2048, 3072, 4096
        if (!again)
            screenshot(21, dialog);
        press(dialog->findChild<QPushButton *>(QStringLiteral("createKekButton")));
        if (!again) {
            QTRY_VERIFY_WITH_TIMEOUT(closing.isNull() || !closing->isVisible(), kTimeout);
            continue;
        }
        // The label is taken now: one line, and the dialog stays open.
        auto *message = dialog->findChild<QLabel *>(QStringLiteral("createKekMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(kek) &&
                                     !message->text().startsWith(QStringLiteral("Creating")),
                                 kTimeout);
        QVERIFY(dialog->isVisible());
        dialog->reject();
        QTRY_VERIFY(closing.isNull() || !closing->isVisible());
    }
    QTreeWidgetItem *item = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((item = keys->findItems(kek, Qt::MatchExactly).value(0)) &&
                                 item->text(4).startsWith(QStringLiteral("Passed")),
                             kTimeout);
    QTRY_COMPARE(keys->currentItem(), item); // the new KEK is chosen
    // Only what worked on this module, with the algorithm of an AES key.
    auto *algorithm = child<QComboBox>("wrapAlgorithm");
    QTRY_VERIFY(algorithm->count() > 0);
    QStringList offered;
    for (int i = 0; i < algorithm->count(); ++i)
        offered << algorithm->itemData(i).toString();
    QVERIFY2(offered.contains(QStringLiteral("aes-gcm")), qPrintable(offered.join(u',')));
    QVERIFY(!offered.contains(QStringLiteral("rsa-oaep-sha256")));
    algorithm->setFocus();
    QTest::keyClick(algorithm, Qt::Key_Home);
    algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("aes-gcm")));
    screenshot(22);
    QVERIFY(next());

    // Fragment page: the KEK decides the type; the HMAC types wait for an HMAC key.
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::FragmentPageId));
    QVERIFY(child<QRadioButton>("typeEncrypt")->isChecked());
    QVERIFY(!child<QRadioButton>("typeWrapped")->isEnabled());
    QVERIFY(!child<QRadioButton>("typeSecured")->isEnabled());
    QVERIFY(child<QRadioButton>("typeStandard")->isEnabled());
    QVERIFY(!child<QCheckBox>("legacyTypeName")->isEnabled());
    typeInto(child<QLineEdit>("fragmentName"), QStringLiteral("WIZ_ENC"));
    QVERIFY(next());

    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::VerifyPageId));
    QTRY_VERIFY_WITH_TIMEOUT(button(QWizard::NextButton)->isEnabled(), kTimeout);
    const QString fingerprint = child<QLineEdit>("fingerprint")->text();
    QVERIFY2(kFingerprint.match(fingerprint).hasMatch(), qPrintable(fingerprint));
    QVERIFY2(child<QLabel>("fragmentSummary")->text().contains(kek),
             qPrintable(child<QLabel>("fragmentSummary")->text()));
    QVERIFY(next());

    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::SavePageId));
    const QString file = QDir(m_home).filePath(QStringLiteral("enc/customer_fragments.json"));
    QVERIFY(QDir().mkpath(QFileInfo(file).path()));
    typeInto(child<QLineEdit>("fragmentsPath"), file);
    QTRY_VERIFY(button(QWizard::FinishButton)->isEnabled());
    press(button(QWizard::FinishButton));
    QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isVisible(), kTimeout);

    // The entry as the CLI writes it: the ciphertext, the IV and the tag apart, the KEK.
    const QJsonObject entry = QJsonDocument::fromJson(readAll(file))
                                  .object()
                                  .value(QStringLiteral("customer_fragments"))
                                  .toArray()
                                  .first()
                                  .toObject();
    QCOMPARE(entry.value(QStringLiteral("name")).toString(), QStringLiteral("WIZ_ENC"));
    QCOMPARE(entry.value(QStringLiteral("fragment_type")).toString(),
             QStringLiteral("hsm_wrap_encrypt"));
    QCOMPARE(entry.value(QStringLiteral("key_label")).toString(), kek);
    QCOMPARE(entry.value(QStringLiteral("wrap_alg")).toString(), QStringLiteral("aes-gcm"));
    const auto decoded = [&entry](const char *key) {
        return QByteArray::fromBase64(entry.value(QLatin1String(key)).toString().toLatin1(),
                                      QByteArray::AbortOnBase64DecodingErrors);
    };
    QCOMPARE(decoded("value").size(), 64);
    QCOMPARE(decoded("wrap_iv").size(), 12);
    QCOMPARE(decoded("wrap_tag").size(), 16);

    // Decrypted by the CLI in the HSM: the fingerprint the Verify page showed.
    QString out;
    QString err;
    QVERIFY2(cliDerive(file, QStringLiteral("WIZ_ENC"), &out, &err), qPrintable(err));
    QCOMPARE(out, QStringLiteral("fingerprint: %1\n").arg(fingerprint));
    // The tests after this one start from the file completesEveryPage wrote.
    QSettings().setValue(QLatin1String(FragmentWizard::kLastFragmentsFileKey), m_file);
}

// hsm_wrap_hmac under its older name, for older gateways; the box applies to that type only.
void TestFragmentWizard::writesTheOlderNameWhenAsked() {
    waitForHsmPageReady();
    QVERIFY(next());
    chooseDemoKey();
    QVERIFY(next());
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::FragmentPageId));
    QVERIFY(!child<QRadioButton>("typeEncrypt")->isEnabled()); // an HMAC key was chosen
    typeInto(child<QLineEdit>("fragmentName"), QStringLiteral("WIZ_OLD"));
    auto *legacy = child<QCheckBox>("legacyTypeName");
    press(child<QRadioButton>("typeSecured"));
    QVERIFY(!legacy->isEnabled());
    press(child<QRadioButton>("typeWrapped"));
    QVERIFY(legacy->isEnabled());
    press(legacy);
    QVERIFY(legacy->isChecked());
    QVERIFY(next());
    QTRY_VERIFY_WITH_TIMEOUT(button(QWizard::NextButton)->isEnabled(), kTimeout);
    const QString fingerprint = child<QLineEdit>("fingerprint")->text();
    QVERIFY(next());
    const QString file = QDir(m_home).filePath(QStringLiteral("old/customer_fragments.json"));
    QVERIFY(QDir().mkpath(QFileInfo(file).path()));
    typeInto(child<QLineEdit>("fragmentsPath"), file);
    QTRY_VERIFY(button(QWizard::FinishButton)->isEnabled());
    press(button(QWizard::FinishButton));
    QTRY_VERIFY_WITH_TIMEOUT(!m_wizard->isVisible(), kTimeout);

    const QJsonObject entry = QJsonDocument::fromJson(readAll(file))
                                  .object()
                                  .value(QStringLiteral("customer_fragments"))
                                  .toArray()
                                  .first()
                                  .toObject();
    QCOMPARE(entry.value(QStringLiteral("fragment_type")).toString(),
             QStringLiteral("hsm_wrapped"));
    QVERIFY(!entry.contains(QStringLiteral("wrap_alg")));
    QString out;
    QString err;
    QVERIFY2(cliDerive(file, QStringLiteral("WIZ_OLD"), &out, &err), qPrintable(err));
    QCOMPARE(out, QStringLiteral("fingerprint: %1\n").arg(fingerprint));
    // The tests after this one start from the file completesEveryPage wrote.
    QSettings().setValue(QLatin1String(FragmentWizard::kLastFragmentsFileKey), m_file);
}

void TestFragmentWizard::startsWithLoadedModuleAndCancelAtSaveWritesNothing() {
    // The client has the demo loaded and the token logged in: the HSM page starts complete.
    const QByteArray before = readAll(m_file);
    driveToSavePage(QStringLiteral("WIZ_CANCEL"));
    const QString path = QDir(m_home).filePath(QStringLiteral("cancelled.json"));
    typeInto(child<QLineEdit>("fragmentsPath"), path);
    QTRY_VERIFY(button(QWizard::FinishButton)->isEnabled());
    press(button(QWizard::CancelButton));
    QTRY_VERIFY(!m_wizard->isVisible());
    QCOMPARE(m_wizard->result(), int(QDialog::Rejected));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(readAll(m_file), before);
}

void TestFragmentWizard::backThenCancelWritesNothing() {
    const QByteArray before = readAll(m_file);
    driveToSavePage(QStringLiteral("WIZ_BACK"));
    const QString path = QDir(m_home).filePath(QStringLiteral("back.json"));
    typeInto(child<QLineEdit>("fragmentsPath"), path);
    press(button(QWizard::BackButton));
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::VerifyPageId));
    press(button(QWizard::BackButton));
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::FragmentPageId));
    QVERIFY(!m_wizard->state().fragment); // dropped, never written
    // The file chosen on the Save page is the one the name is now checked against.
    QVERIFY2(child<QLabel>("targetFile")->text().contains(path),
             qPrintable(child<QLabel>("targetFile")->text()));
    press(button(QWizard::CancelButton));
    QTRY_VERIFY(!m_wizard->isVisible());
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(readAll(m_file), before);
}

void TestFragmentWizard::refusesDuplicateNameOnFragmentPage() {
    // The file written first is the default now; its WIZ_CF is taken.
    const QByteArray before = readAll(m_file);
    waitForHsmPageReady();
    QVERIFY(next());
    chooseDemoKey();
    QVERIFY(next());
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::FragmentPageId));
    QVERIFY2(child<QLabel>("targetFile")->text().contains(m_file),
             qPrintable(child<QLabel>("targetFile")->text()));
    auto *name = child<QLineEdit>("fragmentName");
    typeInto(name, QStringLiteral("WIZ_CF"));
    auto *error = child<QLabel>("fragmentError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("already has a fragment named 'WIZ_CF'")),
             qPrintable(error->text()));
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QCheckBox>("replaceExisting")->isVisible());
    screenshot(6);
    // Enter does not get past it either.
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::FragmentPageId));
    // Another name is fine.
    QTest::keyClick(name, Qt::Key_2);
    QVERIFY(button(QWizard::NextButton)->isEnabled());
    QVERIFY(!child<QCheckBox>("replaceExisting")->isVisible());
    press(button(QWizard::CancelButton));
    QTRY_VERIFY(!m_wizard->isVisible());
    QCOMPARE(readAll(m_file), before);
}

void TestFragmentWizard::refusesDuplicateNameOnSavePage() {
    // Another file already has a WIZ_DUP; the default file does not.
    const QString other = QDir(m_home).filePath(QStringLiteral("other.json"));
    const QString value = QString::fromLatin1(QByteArray(16, '\x5a').toBase64());
    {
        QFile file(other);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QJsonDocument(
                QJsonObject{{QStringLiteral("customer_fragments"),
                             QJsonArray{QJsonObject{
                                 {QStringLiteral("id"), QStringLiteral("cf-aaaaaaaaaaaaaaaaaaaa")},
                                 {QStringLiteral("value"), value},
                                 {QStringLiteral("name"), QStringLiteral("WIZ_DUP")},
                                 {QStringLiteral("fragment_type"), QStringLiteral("standard")}}}}})
                .toJson());
    }
    const QByteArray before = readAll(other);
    driveToSavePage(QStringLiteral("WIZ_DUP"));
    QVERIFY(button(QWizard::FinishButton)->isEnabled()); // the default file has no WIZ_DUP
    typeInto(child<QLineEdit>("fragmentsPath"), other);
    auto *merge = child<QLabel>("mergeStatus");
    QTRY_VERIFY2(merge->text().contains(QStringLiteral("already has a fragment named 'WIZ_DUP'")),
                 qPrintable(merge->text()));
    QVERIFY(!button(QWizard::FinishButton)->isEnabled());
    // The entry is listed by name, type and id, never by value.
    auto *entries = child<QTreeWidget>("existingFragments");
    QCOMPARE(entries->topLevelItemCount(), 1);
    QTreeWidgetItem *entry = entries->topLevelItem(0);
    QCOMPARE(entry->text(0), QStringLiteral("WIZ_DUP"));
    QCOMPARE(entry->text(1), QStringLiteral("standard"));
    QCOMPARE(entry->text(2), QStringLiteral("cf-aaaaaaaaaaaaaaaaaaaa"));
    for (int column = 0; column < entries->columnCount(); ++column)
        QVERIFY(!entry->text(column).contains(value));
    for (const QLabel *label : m_wizard->findChildren<QLabel *>())
        QVERIFY(!label->text().contains(value));
    screenshot(7);

    // Replacing is allowed, explicitly; Finish would do it. Not this time.
    auto *replace = child<QCheckBox>("replaceExisting");
    QVERIFY(replace->isVisible());
    press(replace);
    QVERIFY(button(QWizard::FinishButton)->isEnabled());
    press(replace);
    QVERIFY(!button(QWizard::FinishButton)->isEnabled());
    // Finish from the keyboard does nothing while it is disabled.
    QTest::keyClick(child<QLineEdit>("fragmentsPath"), Qt::Key_Return);
    QVERIFY(m_wizard->isVisible());
    press(button(QWizard::CancelButton));
    QTRY_VERIFY(!m_wizard->isVisible());
    QCOMPARE(readAll(other), before);
}

void TestFragmentWizard::exportsFollowTokenMode() {
    waitForHsmPageReady();
    // The label, chosen with the keyboard, is what the exports name the token by.
    auto *mode = child<QComboBox>("selectorMode");
    mode->setFocus();
    while (mode->currentData().toInt() != int(GatewayTokenMode::Label))
        QTest::keyClick(mode, Qt::Key_Down);
    driveToSavePage(QStringLiteral("WIZ_LABEL"));
    // The env file: the demo HSM goes into no container.
    auto *format = child<QComboBox>("exportFormat");
    format->setCurrentIndex(format->findData(int(GatewayConfig::Format::Env)));
    const QString env = child<QPlainTextEdit>("exportText")->toPlainText();
    QVERIFY2(env.contains(QStringLiteral("HSM_TOKEN_LABEL=demo")), qPrintable(env));
    QVERIFY2(!env.contains(QStringLiteral("HSM_TOKEN_SERIAL=")), qPrintable(env));
    press(button(QWizard::CancelButton));
}

void TestFragmentWizard::verifyFailureShowsReasonAndRetries() {
    waitForHsmPageReady();
    QVERIFY(next());
    chooseDemoKey();
    QVERIFY(next());
    typeInto(child<QLineEdit>("fragmentName"), QStringLiteral("WIZ_RETRY"));
    // Logged out behind the wizard's back: the key is private, so generating fails, and the
    // PIN is asked for again. Cancelled, the failure stays with a Retry.
    const CK_SLOT_ID slot = m_wizard->state().slot->id;
    QVERIFY(await(m_client->logout(slot)).ok());
    QVERIFY(next());
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::VerifyPageId));
    PinDialog *pinDialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((pinDialog = visibleDialog<PinDialog>()), kTimeout);
    press(pinDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel));
    auto *retry = child<QPushButton>("retryVerify");
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), kTimeout);
    const QString reason = child<QLabel>("verifyError")->text();
    QVERIFY2(reason.contains(QStringLiteral("Could not generate")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("closed without logging in")), qPrintable(reason));
    QVERIFY(!button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QLineEdit>("fingerprint")->text().isEmpty());
    screenshot(8);

    QVERIFY(await(m_client->login(slot,
                                  SecretBytes::fromString(QString::fromLatin1(demoHsm::kUserPin))))
                .ok());
    press(retry);
    QTRY_VERIFY_WITH_TIMEOUT(button(QWizard::NextButton)->isEnabled(), kTimeout);
    QVERIFY(kFingerprint.match(child<QLineEdit>("fingerprint")->text()).hasMatch());
    QVERIFY(!retry->isVisible());
    press(button(QWizard::CancelButton));
}

void TestFragmentWizard::writeFailureKeepsWizardOpen() {
    driveToSavePage(QStringLiteral("WIZ_UNWRITABLE"));
    // A folder that does not exist: the file reads as new, but cannot be written.
    const QString path = QDir(m_home).filePath(QStringLiteral("no-such-folder/fragments.json"));
    typeInto(child<QLineEdit>("fragmentsPath"), path);
    QTRY_VERIFY(button(QWizard::FinishButton)->isEnabled());
    press(button(QWizard::FinishButton));
    QVERIFY(m_wizard->isVisible());
    QCOMPARE(m_wizard->currentId(), int(FragmentWizard::SavePageId));
    const QString reason = child<QLabel>("saveError")->text();
    QVERIFY2(reason.contains(QStringLiteral("not written")) && reason.contains(path),
             qPrintable(reason));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(QSettings().value(QLatin1String(FragmentWizard::kLastFragmentsFileKey)).toString(),
             m_file);
    // Another path, and Finish goes through.
    const QString fixed = QDir(m_home).filePath(QStringLiteral("fixed.json"));
    typeInto(child<QLineEdit>("fragmentsPath"), fixed);
    QVERIFY(child<QLabel>("saveError")->text().isEmpty());
    QTRY_VERIFY(button(QWizard::FinishButton)->isEnabled());
    press(button(QWizard::FinishButton));
    QTRY_VERIFY(!m_wizard->isVisible());
    QVERIFY(QFileInfo::exists(fixed));
    QSettings().setValue(QLatin1String(FragmentWizard::kLastFragmentsFileKey), m_file);
}

void TestFragmentWizard::everyControlHasAnAccessibleName() {
    // Everything Tab reaches on every page, the wizard's own buttons included.
    QStringList unnamed;
    for (QWidget *widget : m_wizard->findChildren<QWidget *>()) {
        if (!(widget->focusPolicy() & Qt::TabFocus) || !widget->accessibleName().isEmpty())
            continue;
        if (qobject_cast<QAbstractItemView *>(widget->parentWidget()))
            continue; // a view's own parts (its viewport, header) are named through the view
        unnamed << QStringLiteral("%1 %2").arg(
            QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestFragmentWizard::importsDockerRunSettings() {
    waitForHsmPageReady();
    const QString fragments = QDir(m_home).filePath(QStringLiteral("imported.json"));
    press(child<QPushButton>("importSettings"));
    GatewayImportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = visibleDialog<GatewayImportDialog>()));
    auto *command = dialog->findChild<QPlainTextEdit *>(QStringLiteral("dockerRunCommand"));
    command->setFocus();
    // Line by line: QTest types no newline, but Return in the editor makes one.
    const QStringList lines = {QStringLiteral("docker run -d -p 8000:8000 --name gw \\"),
                               QStringLiteral("  -e PKCS11_LIB_PATH=%1 -e HSM_TOKEN_LABEL=demo \\")
                                   .arg(demoHsm::modulePath()),
                               QStringLiteral("  -e HSM_USE_RAND=false -e HSM_PIN=%1 \\")
                                   .arg(QLatin1String(demoHsm::kUserPin)),
                               QStringLiteral("  -v %1:%2 akeyless/base")
                                   .arg(fragments, QLatin1String(GatewayConfig::kFragmentsMount))};
    for (const QString &line : lines) {
        QTest::keyClicks(command, line);
        QTest::keyClick(command, Qt::Key_Return);
    }
    screenshot(10, dialog);
    QPointer<GatewayImportDialog> closing = dialog;
    press(dialog->findChild<QPushButton *>(QStringLiteral("importCommand")));
    QTRY_VERIFY(closing.isNull());

    // What was not used is shown; the PIN is not.
    auto *note = child<QLabel>("importNote");
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("-p 8000:8000")), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QStringLiteral("--name gw")), qPrintable(note->text()));
    QVERIFY2(!note->text().contains(QStringLiteral("HSM_PIN=") + QLatin1String(demoHsm::kUserPin)),
             qPrintable(note->text()));
    // The token is selected by the imported variable.
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>("hsmStatus")->text().contains(QStringLiteral("Selected")), kTimeout);
    QCOMPARE(child<QComboBox>("selectorMode")->currentData().toInt(), int(GatewayTokenMode::Label));
    QCOMPARE(child<QLineEdit>("gatewayLine")->text(), QStringLiteral("HSM_TOKEN_LABEL=demo"));
    screenshot(9);

    waitForHsmPageReady();
    QVERIFY(next());
    chooseDemoKey();
    QVERIFY(next());
    QVERIFY(!child<QCheckBox>("hsmUseRand")->isChecked()); // HSM_USE_RAND=false
    QVERIFY(child<QLabel>("targetFile")->text().contains(fragments));
    typeInto(child<QLineEdit>("fragmentName"), QStringLiteral("WIZ_IMPORT"));
    QVERIFY(next());
    QTRY_VERIFY_WITH_TIMEOUT(button(QWizard::NextButton)->isEnabled(), kTimeout);
    QVERIFY(next());
    QCOMPARE(child<QLineEdit>("fragmentsPath")->text(), fragments);
    auto *format = child<QComboBox>("exportFormat");
    format->setCurrentIndex(format->findData(int(GatewayConfig::Format::Env)));
    const QString env = child<QPlainTextEdit>("exportText")->toPlainText();
    QVERIFY2(env.contains(QStringLiteral("HSM_TOKEN_LABEL=demo")), qPrintable(env));
    QVERIFY2(env.contains(QStringLiteral("HSM_USE_RAND=false")), qPrintable(env));
    press(button(QWizard::CancelButton));
    QVERIFY(!QFileInfo::exists(fragments));
}

void TestFragmentWizard::opensFromMainWindowAndSharesItsClient() {
    m_wizard.reset();
    MainWindow window(*m_client);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // Ctrl+N opens the wizard on the window's client: the module loaded there and the login.
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QPointer<FragmentWizard> wizard = window.findChild<FragmentWizard *>();
    QVERIFY(wizard && wizard->isVisible());
    QVERIFY(wizard->isModal() || wizard->windowModality() != Qt::NonModal);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), kTimeout);

    // A library loaded in the wizard replaces the window's; the window follows.
    QSignalSpy loaded(&window, &MainWindow::inventoryLoaded);
    press(wizard->currentPage()->findChild<QPushButton *>(QStringLiteral("useDemo")));
    QVERIFY(loaded.wait(kTimeout));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("demoBanner"))->isVisible());

    press(wizard->button(QWizard::CancelButton));
    QTRY_VERIFY(wizard.isNull()); // deleted on close
}

void TestFragmentWizard::cleanupTestCase() {
    m_wizard.reset(); // before the client it refers to
    m_client.reset();
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    // The default fragments file is in the documents folder: keep it in the test's home too.
    if (!home.isValid() || !home.setHome())
        return 1;
    QApplication app(argc, argv);
    setApplicationIdentity();
    TestFragmentWizard test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "TestFragmentWizard.moc"
