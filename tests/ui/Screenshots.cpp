// SPDX-License-Identifier: Apache-2.0
// hsm-admin-screenshots FOLDER: the screenshots of docs/user-guide.md, taken from the real
// windows on a fresh demo HSM in a temporary home (never the user's settings). Run by
// scripts/screenshots under Xvfb; any platform works, offscreen included.

#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "core/fragment/FragmentFile.h"
#include "core/gateway/GatewayConfig.h"
#include "core/token/DemoHsm.h"
#include "tests/ui/DemoWindow.h"
#include "tests/ui/UiTestHome.h"
#include "ui/fragments/FragmentTableModel.h"
#include "ui/fragments/FragmentsPage.h"
#include "ui/fragments/RotateKekDialog.h"
#include "ui/objects/CreateKeyDialog.h"
#include "ui/token/PinDialog.h"
#include "ui/wizard/FragmentWizard.h"
#include "ui/wizard/GatewayImportDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <cstdio>
#include <stdexcept>

using namespace hsm;
using namespace hsm::ui;

namespace {

constexpr int kTimeout = 60000;

// Waits for `ready`, or stops the run naming what never happened.
template <typename Predicate> void waitFor(Predicate ready, const char *what) {
    if (!QTest::qWaitFor(ready, kTimeout))
        throw std::runtime_error(std::string("timed out waiting for ") + what);
}

template <typename T> T *find(const QWidget *parent, const char *name) {
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        throw std::runtime_error(std::string("no widget ") + name);
    return found;
}

template <typename T> T *visibleChild(const QWidget *parent, const char *what) {
    T *found = nullptr;
    waitFor(
        [&] {
            for (T *candidate : parent->findChildren<T *>()) {
                if (candidate->isVisible())
                    found = candidate;
            }
            return found != nullptr;
        },
        what);
    return found;
}

class Screenshots {
public:
    explicit Screenshots(QString folder)
        : m_folder(std::move(folder)) {}

    void take();

private:
    // Lets the window settle (layouts, repaints), then saves what it shows.
    void save(QWidget *widget, const char *name) {
        QTest::qWait(300);
        hideDemoPin(widget->window());
        QApplication::processEvents();
        const QString path =
            QDir(m_folder).filePath(QString::fromLatin1(name) + QStringLiteral(".png"));
        // Highest PNG compression: the images live in the repository.
        if (!widget->grab().toImage().convertToFormat(QImage::Format_RGB888).save(path, "PNG", 0))
            throw std::runtime_error("cannot write " + path.toStdString());
        std::printf("%s (%lld bytes)\n", qPrintable(path), QFileInfo(path).size());
    }
    // The demo's notes spell out its PIN; no screenshot shows a PIN, so the note ends
    // before it. Anything else showing it stops the run.
    static void hideDemoPin(QWidget *window) {
        const QString pin = QString::fromLatin1(demoHsm::kUserPin);
        const QRegularExpression note(QStringLiteral("[;,]? *user PIN %1$").arg(pin));
        for (QLabel *label : window->findChildren<QLabel *>()) {
            if (label->text().contains(note))
                label->setText(label->text().remove(note));
            if (label->isVisible() && label->text().contains(QStringLiteral("PIN ") + pin))
                throw std::runtime_error("a label shows the PIN");
        }
        for (const QLineEdit *edit : window->findChildren<QLineEdit *>()) {
            if (edit->isVisible() && edit->echoMode() == QLineEdit::Normal && edit->text() == pin)
                throw std::runtime_error("a field shows the PIN");
        }
    }
    void mainWindow();
    void dialogs();
    void wizard();
    void fragments();
    void probe();
    void callLog();

    QString m_folder;
    DemoWindow m_demo;
    CK_SLOT_ID m_slot = 0;
};

void Screenshots::take() {
    const QString failed = m_demo.open(kTimeout);
    if (!failed.isEmpty())
        throw std::runtime_error("the demo HSM did not load: " + failed.toStdString());
    const Result<QList<SlotInfo>> slots = await(m_demo.client().slotList());
    for (const SlotInfo &slot : slots.value()) {
        if (slot.token && slot.token->label == QLatin1String(demoHsm::kTokenLabel))
            m_slot = slot.id;
    }
    dialogs();
    mainWindow();
    wizard();
    fragments();
    probe();
    callLog();
}

// Before logging in: the Open Library and PIN dialogs.
void Screenshots::dialogs() {
    MainWindow *window = m_demo.window();
    window->openLibraryDialog();
    auto *open = visibleChild<QDialog>(window, "the Open Library dialog");
    waitFor(
        [open] {
            return !find<QListWidget>(open, "discoveredLibraries")
                        ->item(0)
                        ->text()
                        .startsWith(QStringLiteral("Searching"));
        },
        "the library search");
    save(open, "open-library");
    open->reject();

    find<QAction>(window, "logInAction")->trigger();
    auto *pin = visibleChild<PinDialog>(window, "the PIN dialog");
    waitFor([pin] { return !find<QLabel>(pin, "pinState")->text().isEmpty(); }, "the PIN state");
    save(pin, "pin-dialog"); // the PIN field empty: no PIN, masked or not
    find<QLineEdit>(pin, "pinEdit")->setText(QString::fromLatin1(demoHsm::kUserPin));
    QPointer<PinDialog> closing = pin;
    find<QDialogButtonBox>(pin, "")->button(QDialogButtonBox::Ok)->click();
    waitFor([&closing] { return closing.isNull() || !closing->isVisible(); }, "the login");
    waitFor([window] { return find<QAction>(window, "logOutAction")->isEnabled(); },
            "the window to show the login");
}

void Screenshots::mainWindow() {
    MainWindow *window = m_demo.window();
    auto *tabs = find<QTabWidget>(window, "detailTabs");

    tabs->setCurrentIndex(1); // Token
    save(window, "main-window");
    tabs->setCurrentIndex(2); // Mechanisms
    find<QLineEdit>(window, "mechanismFilter")->setText(QStringLiteral("hmac"));
    save(window, "mechanisms");
    find<QLineEdit>(window, "mechanismFilter")->clear();

    // Two more keys beside the demo's (logged in by dialogs()), the demo key's attributes
    // shown.
    for (const char *label : {"backup_hmac", "staging_gateway"}) {
        SecretKeySpec spec;
        spec.label = QString::fromLatin1(label);
        const Result<ObjectInfo> created = await(m_demo.client().createSecretKey(m_slot, spec));
        if (!created)
            throw std::runtime_error("cannot create a key: " +
                                     created.error().toString().toStdString());
    }
    find<QPushButton>(window, "reloadObjects")->click();
    tabs->setCurrentWidget(find<QWidget>(window, "objectsPage"));
    auto *objects = find<QAbstractItemView>(window, "objectTable");
    waitFor(
        [window, objects] {
            return objects->model()->rowCount() >= 3 &&
                   !find<QWidget>(window, "cancelObjects")->isVisible();
        },
        "the objects");
    QModelIndex key;
    for (int column = 0; !key.isValid() && column < objects->model()->columnCount(); ++column) {
        const QModelIndexList hits =
            objects->model()->match(objects->model()->index(0, column), Qt::DisplayRole,
                                    QString::fromLatin1(demoHsm::kKeyLabel), 1, Qt::MatchExactly);
        if (!hits.isEmpty())
            key = hits.first();
    }
    if (key.isValid())
        objects->setCurrentIndex(key);
    auto *details = find<QTreeWidget>(window, "objectDetails");
    waitFor([details] { return details->topLevelItemCount() > 3; }, "the key's attributes");
    save(window, "objects");

    find<QAction>(window, "createKeyAction")->trigger();
    auto *create = visibleChild<CreateKeyDialog>(window, "the Create Key dialog");
    waitFor([create] { return find<QComboBox>(create, "keyKind")->isEnabled(); }, "the key kinds");
    find<QLineEdit>(create, "keyLabel")->setText(QStringLiteral("gateway_2026"));
    save(create, "create-key");
    create->reject();

    // The entropy check of 1 MiB, done.
    tabs->setCurrentWidget(find<QWidget>(window, "entropyPage"));
    auto *bytes = find<QComboBox>(window, "entropyBytes");
    bytes->setCurrentIndex(bytes->findData(qint64(1024 * 1024)));
    find<QPushButton>(window, "runEntropyCheck")->click();
    waitFor([window] { return find<QLabel>(window, "entropyVerdict")->isVisible(); },
            "the entropy check");
    save(window, "entropy");

    tabs->setCurrentWidget(find<QWidget>(window, "gatewayPage"));
    save(window, "gateway-tab");
}

// Each page with plausible inputs, then the gateway export in another format.
void Screenshots::wizard() {
    MainWindow *window = m_demo.window();
    window->newCustomerFragment();
    auto *wizard = visibleChild<FragmentWizard>(window, "the wizard");
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    waitFor([next] { return next->isEnabled(); }, "the HSM page");
    save(wizard, "wizard-1-hsm");

    auto *import = find<QPushButton>(wizard, "importSettings");
    import->click();
    auto *importDialog = visibleChild<GatewayImportDialog>(wizard, "the import dialog");
    // A command as the gateway's operator would paste it; its PIN comes from a secret.
    find<QPlainTextEdit>(importDialog, "dockerRunCommand")
        ->setPlainText(
            QStringLiteral(
                "docker run -d -p 8000:8000 -p 8080:8080 --name gateway \\\n"
                "  -e PKCS11_LIB_PATH=%1 \\\n"
                "  -e HSM_TOKEN_LABEL=demo -e HSM_USE_RAND=true \\\n"
                "  -e HSM_PIN_FILE=/run/secrets/hsm_pin \\\n"
                "  -v $PWD/customer_fragments.json:/akeyless/customer_fragments.json \\\n"
                "  akeyless/base")
                .arg(demoHsm::modulePath()));
    save(importDialog, "gateway-import");
    importDialog->reject();

    next->click();
    auto *keys = find<QTreeWidget>(wizard, "keyList");
    waitFor(
        [keys] {
            return keys->currentItem() &&
                   keys->currentItem()->text(4).startsWith(QStringLiteral("Passed")) &&
                   keys->findItems(QStringLiteral("*"), Qt::MatchWildcard).size() >= 3;
        },
        "the key checks");
    waitFor([next] { return next->isEnabled(); }, "the key page");
    save(wizard, "wizard-2-key");

    next->click();
    find<QLineEdit>(wizard, "fragmentName")->setText(QStringLiteral("HSM_CF"));
    find<QLineEdit>(wizard, "fragmentDescription")
        ->setText(QStringLiteral("Customer fragment for the production gateway"));
    save(wizard, "wizard-3-fragment");

    next->click();
    waitFor([next] { return next->isEnabled(); }, "the verification");
    save(wizard, "wizard-4-verify"); // the fingerprint only; the value is never shown

    next->click();
    auto *path = find<QLineEdit>(wizard->currentPage(), "fragmentsPath");
    path->setText(QStringLiteral("/srv/gateway/customer_fragments.json"));
    waitFor([wizard] { return wizard->button(QWizard::FinishButton)->isEnabled(); },
            "the Save page");
    save(wizard, "wizard-5-save");

    // The demo HSM is exported for this machine only: the env file with its SoftHSM folder.
    save(find<QWidget>(wizard, "exportText")->parentWidget(), "gateway-export");
    wizard->reject();
}

// The Customer Fragments window over a file with an hsm_wrap_encrypt entry under an AES KEK
// and a standard one, and the KEK rotated to another AES key.
void Screenshots::fragments() {
    HsmClient &client = m_demo.client();
    for (const char *label : {"akeyless_kek", "akeyless_kek_2026"}) {
        KekSpec spec;
        spec.label = QString::fromLatin1(label);
        if (Result<ObjectInfo> kek = await(client.createKek(m_slot, spec)); !kek)
            throw std::runtime_error("no KEK: " + kek.error().toString().toStdString());
    }
    FragmentRequest request;
    request.name = QStringLiteral("HSM_CF_ENC");
    request.description = QStringLiteral("production, encrypted under the KEK");
    request.type = FragmentType::HsmWrapEncrypt;
    request.keyLabel = QStringLiteral("akeyless_kek");
    request.wrapAlgorithm = WrapAlgorithm::AesGcm;
    const Result<CustomerFragment> encrypted = await(client.generateFragment(m_slot, request, {}));
    request = FragmentRequest{};
    request.name = QStringLiteral("LEGACY_CF");
    request.type = FragmentType::Standard;
    request.entropy = EntropySource::Os;
    const Result<CustomerFragment> standard =
        await(client.generateFragment(std::nullopt, request, {}));
    if (!encrypted || !standard)
        throw std::runtime_error("no fragments for the Customer Fragments window");
    const QString path = QDir(QDir::homePath()).filePath(QStringLiteral("customer_fragments.json"));
    QDir().mkpath(QDir::homePath());
    FragmentFile file(path);
    for (const Status &done :
         {file.add(encrypted.value(), false), file.add(standard.value(), false), file.save()}) {
        if (!done)
            throw std::runtime_error("cannot write the fragments file: " +
                                     done.error().toString().toStdString());
    }

    MainWindow *window = m_demo.window();
    window->showCustomerFragments();
    auto *page = window->findChild<FragmentsPage *>();
    if (!page)
        throw std::runtime_error("no Customer Fragments window");
    page->openFile(path);
    page->resize(1000, 420);
    page->showFingerprint();
    waitFor(
        [page] {
            return !page->model()
                        ->data(page->model()->index(0, FragmentTableModel::FingerprintColumn))
                        .toString()
                        .isEmpty();
        },
        "the fingerprint");
    save(page, "customer-fragments");

    find<QPushButton>(page, "rotateKek")->click();
    auto *dialog = visibleChild<RotateKekDialog>(page, "the Rotate KEK dialog");
    auto *kek = find<QComboBox>(dialog, "newKek");
    auto *algorithm = find<QComboBox>(dialog, "newWrapAlgorithm");
    waitFor([kek] { return kek->findData(QStringLiteral("akeyless_kek_2026")) >= 0; }, "the KEKs");
    kek->setCurrentIndex(kek->findData(QStringLiteral("akeyless_kek_2026")));
    waitFor([algorithm] { return algorithm->findData(QStringLiteral("aes-cbc-pad")) >= 0; },
            "the algorithms");
    algorithm->setCurrentIndex(algorithm->findData(QStringLiteral("aes-cbc-pad")));
    find<QPushButton>(dialog, "rotateButton")->click();
    auto *after = find<QLineEdit>(dialog, "fingerprintAfter");
    waitFor([after] { return !after->text().isEmpty(); }, "the rotation");
    save(dialog, "rotate-kek");
    dialog->reject();
    page->close();
}

void Screenshots::probe() {
    MainWindow *window = m_demo.window();
    window->probeGateway();
    auto *dialog = find<QDialog>(window, "probeDialog");
    find<QLineEdit>(dialog, "probeHost")->setText(QStringLiteral("127.0.0.1"));
    find<QSpinBox>(dialog, "probeTimeout")->setValue(1000);
    find<QPushButton>(dialog, "runProbe")->click();
    waitFor([dialog] { return find<QPushButton>(dialog, "runProbe")->isEnabled(); }, "the probe");
    save(dialog, "probe");
    dialog->close();
}

// The call log, when the window has one (View menu).
void Screenshots::callLog() {
    MainWindow *window = m_demo.window();
    for (QAction *action : window->findChildren<QAction *>()) {
        if (!action->text()
                 .remove(QLatin1Char('&'))
                 .contains(QStringLiteral("Call Log"), Qt::CaseInsensitive))
            continue;
        if (!action->isChecked())
            action->trigger();
        find<QTabWidget>(window, "detailTabs")
            ->setCurrentWidget(find<QWidget>(window, "objectsPage"));
        save(window, "call-log"); // the calls made for the screenshots before
        return;
    }
    std::printf("no call log in this window: call-log.png not taken\n");
}

} // namespace

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication: the demo HSM and settings in a temporary folder
    if (!home.isValid())
        return 1;
    qputenv("HOME", QFile::encodeName(QDir(home.path()).filePath(QStringLiteral("home"))));
    QApplication app(argc, argv);
    setApplicationIdentity();
    // The same look wherever they are taken.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    const QStringList args = QApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: hsm-admin-screenshots FOLDER\n");
        return 2;
    }
    if (!QDir().mkpath(args.at(1))) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(args.at(1)));
        return 1;
    }
    try {
        Screenshots(args.at(1)).take();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "hsm-admin-screenshots: %s\n", e.what());
        return 1;
    }
    return 0;
}
