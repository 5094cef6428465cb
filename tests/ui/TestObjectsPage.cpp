// SPDX-License-Identifier: Apache-2.0
#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "core/pkcs11/Session.h"
#include "core/token/DemoHsm.h"
#include "tests/ui/DemoWindow.h"
#include "tests/ui/UiTestHome.h"
#include "ui/MainWindow.h"
#include "ui/browser/ModuleTreeModel.h"
#include "ui/objects/CreateKeyDialog.h"
#include "ui/objects/ObjectTableModel.h"
#include "ui/objects/ObjectsPage.h"
#include "ui/token/PinDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace hsm;
using namespace hsm::ui;

namespace {

// Loading SoftHSM and creating the demo token takes a moment on a busy machine.
constexpr int kTimeout = 30000;
// Enough keys for the listing to arrive in more than one chunk.
constexpr int kManyKeys = 600;

template <typename T> bool finishes(const QFuture<T> &future, int timeout = kTimeout) {
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeout);
}

} // namespace

// The Objects tab and the login, key creation and key check around it, driven through the
// main window against the demo HSM. The test functions build on each other, in order.
class TestObjectsPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsNoPrivateObjectBeforeLogin();
    void wrongPinKeepsDialogOpen();
    void logsInThroughPinDialog();
    void showsAttributesOfSelectedObject();
    void createsKeyThroughDialog();
    void filterNarrowsRows();
    void checksKey();
    void logsOut();
    void fillsManyObjectsInBatches();
    void cancelStopsListing();
    void cleanupTestCase();

private:
    template <typename T> T *child(const char *name) const { return m_demo->child<T>(name); }
    template <typename T> T *visibleDialog() const {
        for (T *dialog : m_demo->window()->findChildren<T *>()) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }
    ObjectsPage *page() const { return child<ObjectsPage>("objectsPage"); }
    QAbstractItemModel *table() const { return child<QTableView>("objectTable")->model(); }
    ObjectTableModel *source() const { return page()->findChild<ObjectTableModel *>(); }
    QAction *action(const char *name) const { return child<QAction>(name); }
    // The row of the table (as filtered and sorted) whose label is `label`, or -1.
    int rowLabelled(const QString &label) const;
    QString cell(int row, int column) const;
    bool waitListed() const;
    CK_SLOT_ID demoSlot() const;

    std::unique_ptr<DemoWindow> m_demo;
};

void TestObjectsPage::initTestCase() {
    m_demo = std::make_unique<DemoWindow>();
    const QString why = m_demo->open(kTimeout);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // The demo token is preferred in the tree, so its objects are already being read.
    auto *tree = child<QTreeView>("moduleTree");
    QVERIFY(tree->currentIndex().data().toString().startsWith(QStringLiteral("demo (#")));
    auto *tabs = child<QTabWidget>("detailTabs");
    tabs->setCurrentWidget(page());
    QVERIFY(page()->isVisible());
}

void TestObjectsPage::showsNoPrivateObjectBeforeLogin() {
    QVERIFY(waitListed());
    QVERIFY(!page()->listing().isCanceled());
    QCOMPARE(child<QLabel>("loginState")->text(), QStringLiteral("Not logged in to demo"));
    for (int row = 0; row < table()->rowCount(); ++row) {
        QVERIFY2(!cell(row, ObjectTableModel::FlagsColumn).contains(QStringLiteral("private")),
                 qPrintable(cell(row, ObjectTableModel::LabelColumn)));
        QVERIFY(cell(row, ObjectTableModel::ClassColumn) != QStringLiteral("private_key"));
    }
    QCOMPARE(rowLabelled(QString::fromLatin1(demoHsm::kKeyLabel)), -1);
    QVERIFY(!child<QProgressBar>("objectProgress")->isVisible());
    QVERIFY(!child<QPushButton>("cancelObjects")->isVisible());
}

void TestObjectsPage::wrongPinKeepsDialogOpen() {
    QVERIFY(action("logInAction")->isEnabled());
    action("logInAction")->trigger();
    PinDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleDialog<PinDialog>()), kTimeout);
    auto *pin = dialog->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("loginMessage"));
    QVERIFY(pin && message);
    QCOMPARE(pin->echoMode(), QLineEdit::Password);
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("pinState"))->text().isEmpty());

    QTest::keyClicks(pin, QStringLiteral("0000"));
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("CKR_PIN_INCORRECT")),
                             kTimeout);
    QVERIFY(dialog->isVisible());
    QVERIFY(pin->text().isEmpty()); // handed over, and wiped from the widget
    QVERIFY(pin->isEnabled());
    // SoftHSM now reports a failed attempt; the dialog says so and highlights it.
    auto *state = dialog->findChild<QLabel *>(QStringLiteral("pinState"));
    QTRY_VERIFY_WITH_TIMEOUT(state->property("warning").toBool(), kTimeout);
    QVERIFY(state->text().contains(QStringLiteral("CKF_USER_PIN_COUNT_LOW")));
    QCOMPARE(child<QLabel>("loginState")->text(), QStringLiteral("Not logged in to demo"));

    // Show/hide toggles the echo mode, from the keyboard too.
    auto *show = dialog->findChild<QCheckBox *>(QStringLiteral("showPin"));
    QVERIFY(show && show->focusPolicy() & Qt::TabFocus);
    QTest::keyClick(show, Qt::Key_Space);
    QCOMPARE(pin->echoMode(), QLineEdit::Normal);
    QTest::keyClick(show, Qt::Key_Space);
    QCOMPARE(pin->echoMode(), QLineEdit::Password);

    QPointer<PinDialog> closing = dialog;
    QTest::keyClick(pin, Qt::Key_Escape);
    QTRY_VERIFY(closing.isNull());
}

void TestObjectsPage::logsInThroughPinDialog() {
    m_demo->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_demo->window()));
    QTest::keyClick(m_demo->window(), Qt::Key_L, Qt::ControlModifier);
    PinDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = visibleDialog<PinDialog>()), kTimeout);
    // The failed attempt above is shown before anything is typed.
    auto *state = dialog->findChild<QLabel *>(QStringLiteral("pinState"));
    QVERIFY(state->property("warning").toBool());
    QVERIFY2(state->text().contains(QStringLiteral("wrong user PIN")), qPrintable(state->text()));

    QPointer<PinDialog> closing = dialog;
    auto *pin = dialog->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
    QTest::keyClicks(pin, QString::fromLatin1(demoHsm::kUserPin));
    QTest::keyClick(pin, Qt::Key_Enter);
    QTRY_VERIFY_WITH_TIMEOUT(closing.isNull(), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("loginState")->text(),
                              QStringLiteral("Logged in to demo"), kTimeout);
    QVERIFY(!action("logInAction")->isEnabled());
    QVERIFY(action("logOutAction")->isEnabled());

    // The login re-reads the objects: the demo key is there now.
    QTRY_VERIFY_WITH_TIMEOUT(rowLabelled(QString::fromLatin1(demoHsm::kKeyLabel)) >= 0, kTimeout);
    QVERIFY(waitListed());
    const int row = rowLabelled(QString::fromLatin1(demoHsm::kKeyLabel));
    QCOMPARE(cell(row, ObjectTableModel::ClassColumn), QStringLiteral("secret_key"));
    QCOMPARE(cell(row, ObjectTableModel::KeyTypeColumn), QStringLiteral("generic_secret"));
    QCOMPARE(cell(row, ObjectTableModel::SizeColumn), QStringLiteral("256"));
    const QString flags = cell(row, ObjectTableModel::FlagsColumn);
    QVERIFY2(flags.contains(QStringLiteral("private")) && flags.contains(QStringLiteral("sign")),
             qPrintable(flags));
    QVERIFY(!cell(row, ObjectTableModel::IdColumn).isEmpty());
}

void TestObjectsPage::showsAttributesOfSelectedObject() {
    auto *view = child<QTableView>("objectTable");
    const int row = rowLabelled(QString::fromLatin1(demoHsm::kKeyLabel));
    QVERIFY(row >= 0);
    const QModelIndex index = table()->index(row, ObjectTableModel::LabelColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QCOMPARE(view->currentIndex().row(), row);

    auto *details = child<QTreeWidget>("objectDetails");
    const auto value = [details](const char *name) -> QString {
        const QList<QTreeWidgetItem *> items =
            details->findItems(QString::fromLatin1(name), Qt::MatchExactly, 0);
        return items.isEmpty() ? QStringLiteral("<missing>") : items.first()->text(1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(value("CKA_LABEL"), QString::fromLatin1(demoHsm::kKeyLabel),
                              kTimeout);
    QCOMPARE(value("CKA_VALUE"), QStringLiteral("sensitive"));
    QCOMPARE(value("CKA_CLASS"), QStringLiteral("secret_key"));
    QCOMPARE(value("CKA_VALUE_LEN"), QStringLiteral("32"));
    QCOMPARE(value("CKA_SIGN"), QStringLiteral("true"));
    QCOMPARE(value("CKA_EXTRACTABLE"), QStringLiteral("false"));
    QVERIFY(details->topLevelItemCount() > 10);
}

void TestObjectsPage::createsKeyThroughDialog() {
    action("createKeyAction")->trigger();
    CreateKeyDialog *dialog = visibleDialog<CreateKeyDialog>();
    QVERIFY(dialog);
    QPointer<CreateKeyDialog> closing = dialog;
    auto *label = dialog->findChild<QLineEdit *>(QStringLiteral("keyLabel"));
    auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("keyKind"));
    auto *bytes = dialog->findChild<QSpinBox *>(QStringLiteral("keyBytes"));
    auto *id = dialog->findChild<QLineEdit *>(QStringLiteral("keyId"));
    auto *create = dialog->findChild<QPushButton *>(QStringLiteral("createKeyButton"));
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("createKeyMessage"));
    QVERIFY(label && kind && bytes && id && create && message);
    QCOMPARE(label->text(), QString::fromLatin1(demoHsm::kKeyLabel));
    QCOMPARE(bytes->value(), 32);
    QTRY_VERIFY_WITH_TIMEOUT(kind->isEnabled(), kTimeout);
    // Only what SoftHSM can generate: generic secrets and AES (no CKM_SHA256_KEY_GEN).
    QStringList offered;
    for (int i = 0; i < kind->count(); ++i)
        offered << kind->itemText(i);
    QVERIFY2(offered.join(QLatin1Char(',')).contains(QStringLiteral("generic")),
             qPrintable(offered.join(QLatin1Char(','))));

    // The default label is taken: the dialog says so and stays open.
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("already exists")), kTimeout);
    QVERIFY(dialog->isVisible());

    label->selectAll();
    QTest::keyClicks(label, QStringLiteral("gui-key"));
    QTest::keyClicks(id, QStringLiteral("c0ffee"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(closing.isNull(), kTimeout);

    QTRY_VERIFY_WITH_TIMEOUT(rowLabelled(QStringLiteral("gui-key")) >= 0, kTimeout);
    QVERIFY(waitListed());
    const int row = rowLabelled(QStringLiteral("gui-key"));
    QCOMPARE(cell(row, ObjectTableModel::IdColumn), QStringLiteral("c0ffee"));
    QCOMPARE(cell(row, ObjectTableModel::SizeColumn), QStringLiteral("256"));
    QVERIFY(rowLabelled(QString::fromLatin1(demoHsm::kKeyLabel)) >= 0);
}

void TestObjectsPage::filterNarrowsRows() {
    auto *filter = child<QLineEdit>("objectFilter");
    const int total = table()->rowCount();
    QVERIFY(total >= 2);

    QTest::keyClicks(filter, QStringLiteral("GUI"));
    QCOMPARE(table()->rowCount(), 1);
    QCOMPARE(cell(0, ObjectTableModel::LabelColumn), QStringLiteral("gui-key"));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("c0ff")); // the id
    QCOMPARE(table()->rowCount(), 1);

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("Generic_Secret")); // the key type
    QCOMPARE(table()->rowCount(), 2);

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("no object is called this"));
    QCOMPARE(table()->rowCount(), 0);
    QVERIFY(child<QLabel>("objectStatus")->text().contains(QStringLiteral("shows 0 of")));

    filter->clear();
    QCOMPARE(table()->rowCount(), total);
}

void TestObjectsPage::checksKey() {
    auto *result = child<QLabel>("keyCheckResult");
    const auto check = [this](const QString &label) {
        action("checkKeyAction")->trigger();
        QInputDialog *dialog = visibleDialog<QInputDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), QStringLiteral("checkKeyDialog"));
        auto *edit = dialog->findChild<QLineEdit *>();
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, label);
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(!dialog->isVisible());
    };

    check(QString::fromLatin1(demoHsm::kKeyLabel));
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("HMAC-SHA256")), kTimeout);
    QVERIFY2(result->text().contains(QStringLiteral("exists exactly once")),
             qPrintable(result->text()));
    QVERIFY(result->isVisible());

    check(QStringLiteral("no-such-key"));
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("failed")), kTimeout);
    QVERIFY2(result->text().contains(QStringLiteral("No secret key is labelled 'no-such-key'")),
             qPrintable(result->text()));
}

void TestObjectsPage::logsOut() {
    QVERIFY(action("logOutAction")->isEnabled());
    action("logOutAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("loginState")->text(),
                              QStringLiteral("Not logged in to demo"), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(rowLabelled(QStringLiteral("gui-key")) < 0 && !page()->isLoading(),
                             kTimeout);
    QCOMPARE(rowLabelled(QString::fromLatin1(demoHsm::kKeyLabel)), -1);
    QVERIFY(action("logInAction")->isEnabled());
}

void TestObjectsPage::fillsManyObjectsInBatches() {
    const CK_SLOT_ID slot = demoSlot();
    QFuture<Result<LoginReport>> login = m_demo->client().login(
        slot, SecretBytes::fromString(QString::fromLatin1(demoHsm::kUserPin)));
    QVERIFY(finishes(login));
    QVERIFY2(login.result().ok(), qPrintable(login.result().error().toString()));

    // One request creates them all, as the worker would for any other job.
    QFuture<Result<int>> created = m_demo->client().submit<int>(
        [slot](Module &module, RequestContext &context) -> Result<int> {
            Result<Session> session = Session::shared(module, slot);
            if (!session)
                return session.error();
            for (int i = 0; i < kManyKeys; ++i) {
                if (context.isCancelled())
                    return Error::make(Error::Kind::Cancelled, QStringLiteral("Cancelled."));
                SecretKeySpec spec;
                spec.label = QStringLiteral("bulk-%1").arg(i, 4, 10, QLatin1Char('0'));
                Result<ObjectInfo> key = secretKeys::create(session.value(), spec);
                if (!key)
                    return key.error();
            }
            return kManyKeys;
        });
    QVERIFY(finishes(created, 10 * kTimeout));
    QVERIFY2(created.result().ok(), qPrintable(created.result().error().toString()));

    // What the token holds now, read without the GUI.
    QFuture<Result<QList<ObjectInfo>>> all = m_demo->client().objects(slot);
    QVERIFY(finishes(all));
    const Result<QList<ObjectInfo>> expected = awaitAll(all);
    QVERIFY(expected.ok());
    const int total = static_cast<int>(expected->size());
    QVERIFY(total >= kManyKeys + 2);

    QSignalSpy inserted(source(), &QAbstractItemModel::rowsInserted);
    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    QVERIFY(page()->isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading(), kTimeout);
    QVERIFY(!page()->listing().isCanceled());
    QCOMPARE(source()->rowCount(), total);
    QCOMPARE(table()->rowCount(), total);
    QVERIFY2(inserted.size() > 1, qPrintable(QString::number(inserted.size())));
    QVERIFY(rowLabelled(QStringLiteral("bulk-0599")) >= 0);
    QVERIFY(child<QLabel>("objectStatus")->text().contains(QString::number(total)));
}

void TestObjectsPage::cancelStopsListing() {
    const int total = source()->rowCount();
    QVERIFY(total > kManyKeys);
    QSignalSpy finished(page(), &ObjectsPage::loadingFinished);

    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    QVERIFY(page()->isLoading());
    auto *cancel = child<QPushButton>("cancelObjects");
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QVERIFY(child<QProgressBar>("objectProgress")->isVisible());
    const QFuture<Result<QList<ObjectInfo>>> listing = page()->listing();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeout);
    QVERIFY(!page()->isLoading());
    QVERIFY(!cancel->isVisible());
    if (!listing.isCanceled())
        QSKIP("The listing finished before Cancel was handled; nothing was left to stop.");
    qInfo("Cancelled with %d of %d rows read.", source()->rowCount(), total);
    QVERIFY(source()->rowCount() < total);
    QVERIFY2(child<QLabel>("objectStatus")->text().contains(QStringLiteral("Stopped")),
             qPrintable(child<QLabel>("objectStatus")->text()));

    // The worker is free again: a new listing reads everything.
    QTest::mouseClick(child<QPushButton>("reloadObjects"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isLoading(), kTimeout);
    QCOMPARE(source()->rowCount(), total);
}

void TestObjectsPage::cleanupTestCase() {
    m_demo.reset();
}

int TestObjectsPage::rowLabelled(const QString &label) const {
    QAbstractItemModel *model = table();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (cell(row, ObjectTableModel::LabelColumn) == label)
            return row;
    }
    return -1;
}

QString TestObjectsPage::cell(int row, int column) const {
    return table()->index(row, column).data().toString();
}

bool TestObjectsPage::waitListed() const {
    return QTest::qWaitFor([this] { return !page()->isLoading(); }, kTimeout);
}

CK_SLOT_ID TestObjectsPage::demoSlot() const {
    const QModelIndex current = child<QTreeView>("moduleTree")->currentIndex();
    return static_cast<CK_SLOT_ID>(current.data(ModuleTreeModel::SlotIdRole).toULongLong());
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    if (!home.isValid())
        return 1;
    QApplication app(argc, argv);
    setApplicationIdentity();
    TestObjectsPage test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestObjectsPage.moc"
