// SPDX-License-Identifier: Apache-2.0
#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "core/fragment/FragmentFile.h"
#include "core/token/DemoHsm.h"
#include "tests/ui/DemoWindow.h"
#include "tests/ui/UiTestHome.h"
#include "ui/fragments/FragmentTableModel.h"
#include "ui/fragments/FragmentsPage.h"
#include "ui/fragments/RotateKekDialog.h"
#include "ui/objects/CreateKekDialog.h"
#include "ui/objects/CreateKeyDialog.h"
#include "ui/token/PinDialog.h"
#include "ui/wizard/FragmentWizard.h"
#include "ui/wizard/GatewayImportDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace hsm;
using namespace hsm::ui;

namespace {

// Loading SoftHSM and checking keys take a moment on a busy machine.
constexpr int kTimeout = 60000;

QString describe(const QWidget *w) {
    QString name = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        name += QLatin1Char(' ') + w->objectName();
    const QString text = w->property("text").toString();
    if (!text.isEmpty())
        name += QStringLiteral(" '%1'").arg(text);
    return name;
}

// What Tab can reach in `root`'s window, as QWidget::focusNextPrevChild decides it.
bool reachableByTab(const QWidget *w, const QWidget *root) {
    return (w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && !w->focusProxy() &&
           w->isVisibleTo(root) && w->isVisible() && w->isEnabled() &&
           !qobject_cast<const QAbstractItemView *>(w->parentWidget()); // a view's own parts
}

// The control a screen reader announces for `w`: the spin box or combo box, not its line
// edit.
const QWidget *announced(const QWidget *w) {
    QWidget *parent = w->parentWidget();
    const bool part = qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent);
    return part && parent->focusProxy() == w ? parent : w;
}

// Every control Tab reaches whose accessible name (its own, or its buddy label's) is empty.
QStringList unnamedControls(QWidget *root) {
    QStringList unnamed;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (!reachableByTab(w, root))
            continue;
        QAccessibleInterface *a =
            QAccessible::queryAccessibleInterface(const_cast<QWidget *>(announced(w)));
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << describe(w);
    }
    return unnamed;
}

// The controls Tab reaches in `root`, in the order Tab visits them, starting from the first
// one in reading order.
QList<QWidget *> tabOrder(QWidget *root) {
    QList<QWidget *> reachable;
    QWidget *start = nullptr;
    QPoint startPos;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!reachableByTab(w, root))
            continue;
        const QPoint pos = w->mapTo(root, QPoint(0, 0));
        if (!start || pos.y() < startPos.y() || (pos.y() == startPos.y() && pos.x() < startPos.x()))
            start = w, startPos = pos;
    }
    if (!start)
        return reachable;
    QWidget *w = start;
    do {
        if (root->isAncestorOf(w) && reachableByTab(w, root))
            reachable << w;
        w = w->nextInFocusChain();
    } while (w != start && reachable.size() < 1000);
    return reachable;
}

// Tab goes through the controls top to bottom, and left to right within a row (controls
// whose vertical extents overlap the other's middle are on one row); it visits each once,
// and every control Tab can reach.
QStringList tabOrderProblems(QWidget *root) {
    QStringList problems;
    const QList<QWidget *> order = tabOrder(root);
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (reachableByTab(w, root) && order.count(w) != 1)
            problems
                << QStringLiteral("%1 is visited %2 times").arg(describe(w)).arg(order.count(w));
    }
    for (int i = 1; i < order.size(); ++i) {
        const QRect a(order[i - 1]->mapTo(root, QPoint(0, 0)), order[i - 1]->size());
        const QRect b(order[i]->mapTo(root, QPoint(0, 0)), order[i]->size());
        const bool sameRow = (b.center().y() >= a.top() && b.center().y() <= a.bottom()) ||
                             (a.center().y() >= b.top() && a.center().y() <= b.bottom());
        const bool inOrder = sameRow ? b.left() >= a.left() : b.top() > a.top();
        if (!inOrder)
            problems << QStringLiteral("%1 at (%2,%3) follows %4 at (%5,%6)")
                            .arg(describe(order[i]))
                            .arg(b.x())
                            .arg(b.y())
                            .arg(describe(order[i - 1]))
                            .arg(a.x())
                            .arg(a.y());
    }
    return problems;
}

// Alt+letter shortcuts shown at once in `window` that share their letter: Alt then picks
// neither. Buttons, labels with a buddy, group boxes, tabs and the menu bar's menus.
QStringList mnemonicClashes(QWidget *window) {
    QMultiMap<QString, QString> byKey;
    const auto add = [&byKey](const QString &text, const QString &what) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            byKey.insert(key.toString(), what);
    };
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *w : widgets) {
        if (!w->isVisible() || w->window() != window)
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text(), describe(w));
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            add(label->text(), describe(w));
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            add(box->title(), describe(w));
        else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i), QStringLiteral("tab '%1'").arg(tabs->tabText(i)));
        } else if (auto *menus = qobject_cast<QMenuBar *>(w)) {
            for (const QAction *menu : menus->actions())
                add(menu->text(), QStringLiteral("menu '%1'").arg(menu->text()));
        }
    }
    QStringList clashes;
    for (const QString &key : byKey.uniqueKeys()) {
        const QStringList users = byKey.values(key);
        if (users.size() > 1)
            clashes << QStringLiteral("%1: %2").arg(key, users.join(QStringLiteral(" / ")));
    }
    return clashes;
}

// Names, tab order and mnemonics of what `window` shows now, as one message per problem.
QStringList problemsIn(QWidget *window, const QString &where) {
    QStringList problems;
    const QStringList unnamed = unnamedControls(window);
    if (!unnamed.isEmpty())
        problems << QStringLiteral("%1: no accessible name: %2")
                        .arg(where, unnamed.join(QStringLiteral(", ")));
    const QStringList order = tabOrderProblems(window);
    if (!order.isEmpty())
        problems
            << QStringLiteral("%1: tab order: %2").arg(where, order.join(QStringLiteral("; ")));
    const QStringList clashes = mnemonicClashes(window);
    if (!clashes.isEmpty())
        problems << QStringLiteral("%1: mnemonic clash: %2")
                        .arg(where, clashes.join(QStringLiteral("; ")));
    return problems;
}

// The text of the label whose Alt+letter focuses `w`.
QString buddyLabelText(const QWidget *w) {
    for (const QLabel *label : w->window()->findChildren<QLabel *>()) {
        if (label->buddy() == w)
            return label->text();
    }
    return QString();
}

// Typing, as a keyboard does it: to whatever has the focus.
QWidget *focused() {
    return QApplication::focusWidget();
}

void key(int k, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWidget *target = focused() ? focused() : QApplication::activeWindow();
    QVERIFY2(target, "nothing has the keyboard focus");
    QTest::keyClick(target, Qt::Key(k), modifiers);
}

// Presses the Alt+letter that reaches `w`: its own (a button's) or its label's.
void pressMnemonicOf(const QWidget *w) {
    const auto *button = qobject_cast<const QAbstractButton *>(w);
    const QString text = button ? button->text() : buddyLabelText(w);
    const QKeySequence mnemonic = QKeySequence::mnemonic(text);
    QVERIFY2(!mnemonic.isEmpty(), qPrintable(describe(w) + QStringLiteral(" has no Alt+letter")));
    key(mnemonic[0].key(), mnemonic[0].keyboardModifiers());
}

void type(const QString &text) {
    QVERIFY2(focused(), "nothing has the keyboard focus");
    QTest::keyClicks(focused(), text);
}

} // namespace

// Every screen for keyboard and screen-reader users: each control Tab reaches has an
// accessible name, Tab follows the reading order, no two Alt+letters clash, and the
// customer fragment wizard is completed with the keyboard alone.
class TestAccessibility : public QObject {
    Q_OBJECT
public:
    explicit TestAccessibility(QString home)
        : m_home(std::move(home)) {}

private Q_SLOTS:
    void initTestCase();
    void mainWindowTabs();
    void openLibraryDialog();
    void pinDialog();
    void createKeyDialog();
    void checkKeyDialog();
    void probeWindow();
    void wizardWithKeyboardAlone();
    void gatewayImportDialog();
    void customerFragmentsWindow();
    void createKekDialog();
    void cleanupTestCase();

private:
    template <typename T> T *waitForVisible(QWidget *parent) const {
        T *found = nullptr;
        (void)QTest::qWaitFor( // the caller checks what was found
            [&] {
                for (T *candidate : parent->findChildren<T *>()) {
                    if (candidate->isVisible())
                        found = candidate;
                }
                return found != nullptr;
            },
            kTimeout);
        return found;
    }
    // Names, tab order and mnemonics of an open dialog; then Escape closes it.
    void checkDialog(QDialog *dialog, const QString &where) {
        QVERIFY2(dialog, qPrintable(where));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QStringList problems = problemsIn(dialog, where);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QPointer<QDialog> closing = dialog;
        QTest::keyClick(focused() ? focused() : dialog, Qt::Key_Escape);
        QTRY_VERIFY(closing.isNull() || !closing->isVisible());
    }

    QString m_home;
    std::unique_ptr<DemoWindow> m_demo;
};

void TestAccessibility::initTestCase() {
    m_demo = std::make_unique<DemoWindow>();
    const QString failed = m_demo->open(kTimeout);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QVERIFY(QTest::qWaitForWindowActive(m_demo->window()));
}

void TestAccessibility::mainWindowTabs() {
    auto *tabs = m_demo->child<QTabWidget>("detailTabs");
    auto *tree = m_demo->child<QAbstractItemView>("moduleTree");
    QVERIFY(tree->currentIndex().isValid()); // the demo token
    // Each tab, then each again beside the docked panels (the call log), if any.
    const QList<QDockWidget *> docks = m_demo->window()->findChildren<QDockWidget *>();
    QStringList problems;
    for (const bool withDocks : {false, true}) {
        if (withDocks && docks.isEmpty())
            break;
        for (QDockWidget *dock : docks) {
            dock->setVisible(withDocks);
            if (withDocks)
                QVERIFY(QTest::qWaitForWindowExposed(dock->window()));
        }
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            if (tabs->widget(i) == m_demo->child<QWidget>("objectsPage"))
                QTRY_VERIFY_WITH_TIMEOUT(!m_demo->child<QWidget>("cancelObjects")->isVisible(),
                                         kTimeout);
            QString where = tabs->tabText(i).remove(QLatin1Char('&'));
            if (withDocks)
                where += QStringLiteral(" with the docked panels");
            problems << problemsIn(m_demo->window(), where);
        }
    }
    for (QDockWidget *dock : docks)
        dock->hide();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // Each tab from the keyboard: Alt and its letter.
    for (int i = tabs->count() - 1; i >= 0; --i) {
        const QKeySequence mnemonic = QKeySequence::mnemonic(tabs->tabText(i));
        QVERIFY2(!mnemonic.isEmpty(), qPrintable(tabs->tabText(i)));
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key(mnemonic[0].key()), mnemonic[0].keyboardModifiers());
        QCOMPARE(tabs->currentIndex(), i);
    }
}

void TestAccessibility::openLibraryDialog() {
    m_demo->window()->openLibraryDialog();
    checkDialog(waitForVisible<QDialog>(m_demo->window()), QStringLiteral("Open Library"));
}

void TestAccessibility::pinDialog() {
    QAction *logIn = m_demo->window()->findChild<QAction *>(QStringLiteral("logInAction"));
    QTRY_VERIFY_WITH_TIMEOUT(logIn->isEnabled(), kTimeout);
    logIn->trigger();
    checkDialog(waitForVisible<PinDialog>(m_demo->window()), QStringLiteral("PIN"));
}

void TestAccessibility::createKeyDialog() {
    m_demo->window()->findChild<QAction *>(QStringLiteral("createKeyAction"))->trigger();
    auto *dialog = waitForVisible<CreateKeyDialog>(m_demo->window());
    QVERIFY(dialog);
    auto *kind = dialog->findChild<QWidget *>(QStringLiteral("keyKind"));
    QTRY_VERIFY_WITH_TIMEOUT(kind->isEnabled(), kTimeout); // the kinds the token can make
    checkDialog(dialog, QStringLiteral("Create Key"));
}

void TestAccessibility::checkKeyDialog() {
    m_demo->window()->findChild<QAction *>(QStringLiteral("checkKeyAction"))->trigger();
    checkDialog(waitForVisible<QInputDialog>(m_demo->window()), QStringLiteral("Check Key"));
}

void TestAccessibility::probeWindow() {
    m_demo->window()->probeGateway();
    checkDialog(m_demo->child<QDialog>("probeDialog"), QStringLiteral("Probe Gateway"));
}

// From the main window's menu shortcut to the saved file, with key presses alone: Ctrl+N,
// Alt+letters, typing, Return. Each page is also checked as the others are.
void TestAccessibility::wizardWithKeyboardAlone() {
    MainWindow *window = m_demo->window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    m_demo->child<QWidget>("moduleTree")->setFocus();
    QTRY_COMPARE(focused(), m_demo->child<QWidget>("moduleTree"));

    // Ctrl+N, File > New Customer Fragment: the wizard starts with the window's demo HSM.
    key(Qt::Key_N, Qt::ControlModifier);
    QPointer<FragmentWizard> wizard = window->findChild<FragmentWizard *>();
    QVERIFY(wizard && wizard->isVisible());
    QVERIFY(QTest::qWaitForWindowActive(wizard));
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(FragmentWizard::HsmPageId));

    // 1. HSM: Log In (its Alt+letter), the PIN typed into the dialog, Return.
    auto *logIn = wizard->currentPage()->findChild<QPushButton *>(QStringLiteral("logIn"));
    QTRY_VERIFY_WITH_TIMEOUT(logIn->isEnabled(), kTimeout);
    QStringList problems = problemsIn(wizard, QStringLiteral("HSM page"));
    pressMnemonicOf(logIn);
    QPointer<PinDialog> pinDialog = waitForVisible<PinDialog>(wizard);
    QVERIFY(pinDialog);
    QVERIFY(QTest::qWaitForWindowActive(pinDialog));
    QTRY_COMPARE(focused() ? focused()->objectName() : QString(), QStringLiteral("pinEdit"));
    type(QString::fromLatin1(demoHsm::kUserPin));
    key(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(pinDialog.isNull() || !pinDialog->isVisible(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), kTimeout);
    // A window manager gives the focus back to the wizard; the offscreen platform has none.
    wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(wizard));
    pressMnemonicOf(next); // clicks Next in a moment, as a mnemonic does

    // 2. Key: the list from its label's Alt+K, the demo key with the arrow keys.
    QTRY_COMPARE(wizard->currentId(), int(FragmentWizard::KeyPageId));
    auto *keys = wizard->currentPage()->findChild<QTreeWidget *>(QStringLiteral("keyList"));
    const QString label = QString::fromLatin1(demoHsm::kKeyLabel);
    QTreeWidgetItem *demoKey = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((demoKey = keys->findItems(label, Qt::MatchExactly).value(0)) &&
                                 demoKey->text(4).startsWith(QStringLiteral("Passed")),
                             kTimeout);
    problems << problemsIn(wizard, QStringLiteral("Key page"));
    pressMnemonicOf(keys);
    QCOMPARE(focused(), keys);
    key(Qt::Key_Home);
    for (int i = 0; i < keys->topLevelItemCount() && keys->currentItem() != demoKey; ++i)
        key(Qt::Key_Down);
    QCOMPARE(keys->currentItem(), demoKey);
    QTRY_VERIFY(next->isEnabled());
    pressMnemonicOf(next);

    // 3. Fragment: the name and the description typed after their labels' Alt+letters.
    QTRY_COMPARE(wizard->currentId(), int(FragmentWizard::FragmentPageId));
    problems << problemsIn(wizard, QStringLiteral("Fragment page"));
    auto *name = wizard->currentPage()->findChild<QLineEdit *>(QStringLiteral("fragmentName"));
    pressMnemonicOf(name);
    QCOMPARE(focused(), name);
    type(QStringLiteral("KEYBOARD_CF"));
    auto *description =
        wizard->currentPage()->findChild<QLineEdit *>(QStringLiteral("fragmentDescription"));
    pressMnemonicOf(description);
    QCOMPARE(focused(), description);
    type(QStringLiteral("made with the keyboard alone"));
    // hsm_secured, by its Alt+letter.
    auto *secured =
        wizard->currentPage()->findChild<QAbstractButton *>(QStringLiteral("typeSecured"));
    pressMnemonicOf(secured);
    QTRY_VERIFY(secured->isChecked());
    QVERIFY(next->isEnabled());
    pressMnemonicOf(next);

    // 4. Verify: generated and derived on the worker; its fingerprint is noted.
    QTRY_COMPARE(wizard->currentId(), int(FragmentWizard::VerifyPageId));
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), kTimeout);
    problems << problemsIn(wizard, QStringLiteral("Verify page"));
    const QString fingerprint =
        wizard->currentPage()->findChild<QLineEdit *>(QStringLiteral("fingerprint"))->text();
    QVERIFY(!fingerprint.isEmpty());
    pressMnemonicOf(next);

    // 5. Save: the file's path typed over the default one, then Finish by its Alt+letter.
    QTRY_COMPARE(wizard->currentId(), int(FragmentWizard::SavePageId));
    const QString file = QDir(m_home).filePath(QStringLiteral("keyboard/customer_fragments.json"));
    QVERIFY(QDir().mkpath(QFileInfo(file).path()));
    auto *path = wizard->currentPage()->findChild<QLineEdit *>(QStringLiteral("fragmentsPath"));
    pressMnemonicOf(path);
    QCOMPARE(focused(), path);
    key(Qt::Key_A, Qt::ControlModifier);
    type(file);
    QCOMPARE(path->text(), file);
    QAbstractButton *finish = wizard->button(QWizard::FinishButton);
    QTRY_VERIFY_WITH_TIMEOUT(finish->isEnabled(), kTimeout); // read once the typing pauses
    problems << problemsIn(wizard, QStringLiteral("Save page"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    pressMnemonicOf(finish);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.isNull() || !wizard->isVisible(), kTimeout);

    // The file, read by the core: the fragment as typed, and the same derived value.
    const Result<FragmentFile> written = FragmentFile::load(file);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().toString()));
    QCOMPARE(written->fragments().size(), 1);
    const CustomerFragment &fragment = written->fragments().first();
    QCOMPARE(fragment.name(), QStringLiteral("KEYBOARD_CF"));
    QCOMPARE(fragment.description(), QStringLiteral("made with the keyboard alone"));
    QCOMPARE(fragment.type(), FragmentType::HsmSecured);
    QCOMPARE(fragment.keyLabel(), label);
    std::optional<CK_SLOT_ID> slot;
    const Result<QList<SlotInfo>> slots = await(m_demo->client().slotList());
    for (const SlotInfo &s : slots.value()) {
        if (s.token && s.token->label == QLatin1String(demoHsm::kTokenLabel))
            slot = s.id;
    }
    QVERIFY(slot);
    const Result<HsmClient::Derived> derived =
        await(m_demo->client().deriveFragment(slot, fragment, false));
    QVERIFY2(derived.ok(), qPrintable(derived ? QString() : derived.error().toString()));
    QCOMPARE(derived->fingerprint, fingerprint);
}

void TestAccessibility::gatewayImportDialog() {
    m_demo->window()->newCustomerFragment();
    QPointer<FragmentWizard> wizard = m_demo->window()->findChild<FragmentWizard *>();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    auto *import =
        wizard->currentPage()->findChild<QPushButton *>(QStringLiteral("importSettings"));
    QTRY_VERIFY_WITH_TIMEOUT(import->isEnabled(), kTimeout);
    import->click();
    checkDialog(waitForVisible<GatewayImportDialog>(wizard),
                QStringLiteral("Import Gateway Settings"));
    wizard->reject();
    QTRY_VERIFY(wizard.isNull());
}

// File > Customer Fragments (Ctrl+Shift+F) with an hsm_wrap_encrypt entry listed, and its
// Rotate KEK dialog.
void TestAccessibility::customerFragmentsWindow() {
    HsmClient &client = m_demo->client();
    std::optional<CK_SLOT_ID> slot;
    const Result<QList<SlotInfo>> slots = await(client.slotList());
    for (const SlotInfo &s : slots.value()) {
        if (s.token && s.token->label == QLatin1String(demoHsm::kTokenLabel))
            slot = s.id;
    }
    QVERIFY(slot);
    KekSpec spec;
    spec.label = QStringLiteral("A11Y_KEK");
    QVERIFY(await(client.createKek(*slot, spec)).ok());
    FragmentRequest request;
    request.name = QStringLiteral("A11Y_ENC");
    request.type = FragmentType::HsmWrapEncrypt;
    request.keyLabel = spec.label;
    request.wrapAlgorithm = WrapAlgorithm::AesGcm;
    const Result<CustomerFragment> fragment = await(client.generateFragment(slot, request, {}));
    QVERIFY(fragment.ok());
    const QString path = QDir(m_home).filePath(QStringLiteral("a11y_fragments.json"));
    FragmentFile file(path);
    QVERIFY(file.add(fragment.value(), false).ok());
    QVERIFY(file.save().ok());

    MainWindow *window = m_demo->window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    m_demo->child<QWidget>("moduleTree")->setFocus();
    key(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    auto *page = window->findChild<FragmentsPage *>();
    QVERIFY(page);
    QTRY_VERIFY(page->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(page));
    page->openFile(path);
    QCOMPARE(page->model()->rowCount(), 1);
    const QStringList problems = problemsIn(page, QStringLiteral("Customer Fragments"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    auto *rotate = page->findChild<QPushButton *>(QStringLiteral("rotateKek"));
    QTRY_VERIFY_WITH_TIMEOUT(rotate->isEnabled(), kTimeout);
    rotate->click();
    auto *dialog = waitForVisible<RotateKekDialog>(page);
    QVERIFY(dialog);
    auto *newKek = dialog->findChild<QWidget *>(QStringLiteral("newWrapAlgorithm"));
    QTRY_VERIFY_WITH_TIMEOUT(newKek->isEnabled(), kTimeout); // the KEK checked
    checkDialog(dialog, QStringLiteral("Rotate KEK"));
    page->close();
}

// The wizard's Key page for a KEK, and its Create KEK dialog.
void TestAccessibility::createKekDialog() {
    m_demo->window()->newCustomerFragment();
    QPointer<FragmentWizard> wizard = m_demo->window()->findChild<FragmentWizard *>();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), kTimeout);
    next->click();
    QTRY_COMPARE(wizard->currentId(), int(FragmentWizard::KeyPageId));
    auto *kekMode = wizard->currentPage()->findChild<QAbstractButton *>(QStringLiteral("kekMode"));
    pressMnemonicOf(kekMode);
    QTRY_VERIFY(kekMode->isChecked());
    auto *create = wizard->currentPage()->findChild<QPushButton *>(QStringLiteral("createKey"));
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), kTimeout);
    auto *algorithm =
        wizard->currentPage()->findChild<QComboBox *>(QStringLiteral("wrapAlgorithm"));
    QTRY_VERIFY_WITH_TIMEOUT(algorithm->count() > 0, kTimeout); // a KEK passed and is chosen
    const QStringList problems = problemsIn(wizard, QStringLiteral("Key page for a KEK"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    pressMnemonicOf(create);
    checkDialog(waitForVisible<CreateKekDialog>(wizard), QStringLiteral("Create KEK"));
    wizard->reject();
    QTRY_VERIFY(wizard.isNull());
}

void TestAccessibility::cleanupTestCase() {
    m_demo.reset();
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    // The default fragments file is in the documents folder: keep it in the test's home too.
    if (!home.isValid() || !home.setHome())
        return 1;
    QApplication app(argc, argv);
    setApplicationIdentity();
    TestAccessibility test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "TestAccessibility.moc"
