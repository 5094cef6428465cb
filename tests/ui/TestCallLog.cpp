// SPDX-License-Identifier: Apache-2.0
// The call log dock over the demo HSM: hidden until asked for and remembered, filled live
// while the window works, filtered by function and to failures, copied and saved as the
// CLI's --trace lines; and its model and note on their own: the cap, dropped calls, and
// staying at the newest call unless scrolled up.
#include "core/base/ReturnValues.h"
#include "core/client/Application.h"
#include "core/pkcs11/CallTrace.h"
#include "tests/ui/DemoWindow.h"
#include "tests/ui/UiTestHome.h"
#include "ui/calllog/CallLogDock.h"
#include "ui/calllog/CallLogFilterModel.h"
#include "ui/calllog/CallLogModel.h"
#include "ui/objects/ObjectsPage.h"
#include "ui/token/PinDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace hsm;
using namespace hsm::ui;

namespace {

// Loading SoftHSM and creating the demo token takes a moment on a busy machine.
constexpr int kTimeout = 30000;

QStringList linesOf(const QList<CallRecord> &records) {
    QStringList lines;
    for (const CallRecord &record : records)
        lines << formatCallRecord(record);
    return lines;
}

// The functions of the rows the dock shows, in order.
QStringList shownFunctions(const CallLogDock *dock) {
    QStringList functions;
    const QAbstractItemModel *shown = dock->view()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        functions << shown->index(row, CallLogModel::FunctionColumn).data().toString();
    return functions;
}

// A record as the call wrapper makes it, for the model and dock tests without a module.
void recordCalls(CallTrace &trace, int count, CK_RV rv = CKR_OK) {
    for (int i = 0; i < count; ++i)
        trace.record("C_GetAttributeValue", rv, CallTrace::nowNs(), 15000, true, 7);
}

} // namespace

class TestCallLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hiddenUntilAskedForAndRemembered();
    void fillsWhileTheWindowWorks();
    void pausesWhileHidden();
    void filtersByFunctionAndFailures();
    void copiesSelectedCalls();
    void savesTheShownCallsAsTraceLines();
    void clearStartsAfresh();
    void modelKeepsItsCap();
    void notesDroppedCalls();
    void followsNewestUnlessScrolledUp();
    void largeBatchesStayQuick();
    void cleanupTestCase();

private:
    template <typename T> T *child(const char *name) const { return m_demo->child<T>(name); }
    CallLogDock *dock() const { return m_demo->window()->callLog(); }
    std::shared_ptr<CallTrace> trace() const { return m_demo->client().trace(); }
    // Waits until the dock has read every call recorded so far.
    bool caughtUp() const;
    // Whether `lines` are the trace's first calls as formatCallRecord() writes them (the
    // window may have made more calls since).
    bool isTracePrefix(const QStringList &lines) const;
    void showDock();

    std::unique_ptr<DemoWindow> m_demo;
};

bool TestCallLog::caughtUp() const {
    return QTest::qWaitFor(
        [this] {
            const QList<CallRecord> all = trace()->snapshot();
            const CallLogModel *model = dock()->model();
            return !all.isEmpty() && model->rowCount() > 0 &&
                   model->recordAt(model->rowCount() - 1)->sequence == all.constLast().sequence;
        },
        kTimeout);
}

bool TestCallLog::isTracePrefix(const QStringList &lines) const {
    const QStringList all = linesOf(trace()->snapshot());
    if (lines.isEmpty() || lines != all.mid(0, lines.size())) {
        qWarning("%lld lines, not the first of the trace's %lld", qlonglong(lines.size()),
                 qlonglong(all.size()));
        return false;
    }
    return true;
}

void TestCallLog::showDock() {
    QAction *toggle = child<QAction>("callLogAction");
    QVERIFY(toggle);
    if (!toggle->isChecked())
        toggle->trigger();
    QTRY_VERIFY(dock()->isVisible());
}

void TestCallLog::initTestCase() {
    m_demo = std::make_unique<DemoWindow>();
    const QString why = m_demo->open(kTimeout);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestCallLog::hiddenUntilAskedForAndRemembered() {
    // A first start: hidden, and nothing read from the trace.
    QVERIFY(!dock()->isVisible());
    QCOMPARE(dock()->model()->rowCount(), 0);
    QAction *toggle = child<QAction>("callLogAction");
    QVERIFY(!toggle->isChecked());
    QCOMPARE(dock()->windowTitle(), QStringLiteral("Call Log"));
    QCOMPARE(dock()->objectName(), QStringLiteral("callLogDock"));
    for (const char *name : {"callLogFunctionFilter", "callLogFailuresOnly", "callLogView",
                             "callLogCopy", "callLogSave", "callLogClear"})
        QVERIFY2(
            !dock()->findChild<QWidget *>(QString::fromLatin1(name))->accessibleName().isEmpty(),
            name);

    // Shown, then the window closed: the next window opens with the log shown.
    showDock();
    QVERIFY(toggle->isChecked());
    {
        HsmClient client;
        MainWindow second(client);
        QVERIFY(!second.callLog()->isVisibleTo(&second));
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QVERIFY(!second.callLog()->isVisible());
        second.callLog()->show();
        second.close();
        MainWindow third(client);
        QVERIFY(third.callLog()->isVisibleTo(&third));
        third.show();
        QVERIFY(QTest::qWaitForWindowExposed(&third));
        QVERIFY(third.callLog()->isVisible());
        // And hidden again is remembered too.
        third.callLog()->hide();
        third.close();
    }
    HsmClient client;
    MainWindow fourth(client);
    QVERIFY(!fourth.callLog()->isVisibleTo(&fourth));
    QVERIFY(QSettings().contains(QStringLiteral("mainWindow/state")));
}

void TestCallLog::fillsWhileTheWindowWorks() {
    showDock();
    // Loading the demo HSM already made calls; the dock shows them all, oldest first.
    QVERIFY(caughtUp());
    QStringList functions = shownFunctions(dock());
    QVERIFY(functions.contains(QStringLiteral("C_Initialize")));
    QVERIFY(functions.indexOf(QStringLiteral("C_Initialize")) <
            functions.indexOf(QStringLiteral("C_GetSlotList")));
    QVERIFY(functions.contains(QStringLiteral("C_GetTokenInfo")));

    // New work appears without anyone asking: read the objects again.
    const int before = dock()->model()->rowCount();
    child<QTabWidget>("detailTabs")->setCurrentWidget(child<ObjectsPage>("objectsPage"));
    child<ObjectsPage>("objectsPage")->reload();
    QTRY_VERIFY_WITH_TIMEOUT(!child<ObjectsPage>("objectsPage")->isLoading(), kTimeout);
    QVERIFY(caughtUp());
    QVERIFY(dock()->model()->rowCount() > before);
    QVERIFY(shownFunctions(dock()).mid(before).contains(QStringLiteral("C_FindObjectsInit")));

    // Every call of the trace, in order, as the trace holds it; cells as the columns say.
    QVERIFY(isTracePrefix(dock()->shownLines()));
    const QAbstractItemModel *shown = dock()->view()->model();
    const int last = shown->rowCount() - 1;
    const CallRecord *record = dock()->model()->recordAt(last);
    QCOMPARE(shown->index(last, CallLogModel::FunctionColumn).data().toString(),
             QLatin1String(record->function));
    QCOMPARE(shown->index(last, CallLogModel::HandleColumn).data().toString(),
             describeHandle(*record));
    QCOMPARE(shown->index(last, CallLogModel::ReturnValueColumn).data().toString(),
             returnValueName(record->rv));
    QVERIFY(shown->index(last, CallLogModel::DurationColumn)
                .data()
                .toString()
                .endsWith(QStringLiteral(" ms")));
    QVERIFY(formatCallRecord(*record).contains(
        shown->index(last, CallLogModel::TimeColumn).data().toString()));
    QVERIFY(dock()->findChild<QLabel *>(QStringLiteral("callLogDropped"))->isHidden());
    QCOMPARE(dock()->droppedCount(), 0u);
}

void TestCallLog::pausesWhileHidden() {
    showDock();
    QVERIFY(caughtUp());
    child<QAction>("callLogAction")->trigger();
    QVERIFY(!dock()->isVisible());
    const int before = dock()->model()->rowCount();
    m_demo->window()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(child<QAction>("logInAction")->isEnabled(), kTimeout);
    QVERIFY(trace()->totalRecorded() > dock()->model()->recordAt(before - 1)->sequence);
    // Several poll intervals: a hidden log reads nothing.
    QTest::qWait(3 * CallLogDock::kPollIntervalMs);
    QCOMPARE(dock()->model()->rowCount(), before);
    // Shown again, it catches up with what happened meanwhile, C_Finalize included.
    showDock();
    QVERIFY(caughtUp());
    QVERIFY(shownFunctions(dock()).mid(before).contains(QStringLiteral("C_Finalize")));
    QVERIFY(isTracePrefix(dock()->shownLines()));
}

void TestCallLog::filtersByFunctionAndFailures() {
    showDock();
    // A real failure: a wrong PIN in the PIN dialog.
    child<QAction>("logInAction")->trigger();
    PinDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = m_demo->window()->findChild<PinDialog *>()) && dialog->isVisible(), kTimeout);
    auto *pin = dialog->findChild<QLineEdit *>(QStringLiteral("pinEdit"));
    QTest::keyClicks(pin, QStringLiteral("0000"));
    QTest::keyClick(pin, Qt::Key_Return);
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("loginMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("CKR_PIN_INCORRECT")),
                             kTimeout);
    dialog->reject();
    QVERIFY(caughtUp());

    // By function, any case, part of the name.
    auto *function = dock()->findChild<QLineEdit *>(QStringLiteral("callLogFunctionFilter"));
    QTest::keyClicks(function, QStringLiteral("login"));
    QStringList functions = shownFunctions(dock());
    QVERIFY(!functions.isEmpty());
    QCOMPARE(functions, QStringList(functions.size(), QStringLiteral("C_Login")));
    const QAbstractItemModel *shown = dock()->view()->model();
    int failedRow = -1;
    for (int row = 0; row < shown->rowCount(); ++row) {
        if (shown->index(row, CallLogModel::ReturnValueColumn).data().toString() ==
            QLatin1String("CKR_PIN_INCORRECT"))
            failedRow = row;
    }
    QVERIFY(failedRow >= 0);
    // A failure is marked by more than colour: an icon, bold text, and the sentence.
    const QModelIndex failed = shown->index(failedRow, CallLogModel::ReturnValueColumn);
    QVERIFY(!failed.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(failed.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(failed.data(Qt::ToolTipRole).toString(), returnValueSentence(CKR_PIN_INCORRECT));
    QVERIFY(!failed.data(Qt::AccessibleDescriptionRole).toString().isEmpty());
    // A successful call is not marked.
    for (int row = 0; row < shown->rowCount(); ++row) {
        if (!shown->index(row, 0).data(CallLogModel::FailedRole).toBool()) {
            QVERIFY(shown->index(row, CallLogModel::ReturnValueColumn)
                        .data(Qt::DecorationRole)
                        .isNull());
        }
    }
    auto *count = dock()->findChild<QLabel *>(QStringLiteral("callLogCount"));
    QVERIFY2(
        count->text().startsWith(QLocale().toString(functions.size()) + QStringLiteral(" of ")),
        qPrintable(count->text()));

    // Failures only, any function: every shown call failed, the wrong PIN among them.
    function->clear();
    auto *failuresOnly = dock()->findChild<QCheckBox *>(QStringLiteral("callLogFailuresOnly"));
    QTest::keyClick(failuresOnly, Qt::Key_Space);
    QVERIFY(failuresOnly->isChecked());
    QVERIFY(shown->rowCount() > 0);
    QVERIFY(shown->rowCount() < dock()->model()->rowCount());
    bool pinIncorrect = false;
    for (int row = 0; row < shown->rowCount(); ++row) {
        QVERIFY(shown->index(row, 0).data(CallLogModel::FailedRole).toBool());
        QVERIFY(shown->index(row, CallLogModel::ReturnValueColumn).data().toString() !=
                QLatin1String("CKR_OK"));
        pinIncorrect |= shown->index(row, CallLogModel::ReturnValueColumn).data().toString() ==
                        QLatin1String("CKR_PIN_INCORRECT");
    }
    QVERIFY(pinIncorrect);
    // As many as the trace holds up to the last call the dock has read.
    const quint64 lastShown = dock()->model()->recordAt(dock()->model()->rowCount() - 1)->sequence;
    int failures = 0;
    for (const CallRecord &record : trace()->snapshot())
        failures += record.rv != CKR_OK && record.sequence <= lastShown ? 1 : 0;
    QCOMPARE(shown->rowCount(), failures);
    // Both at once.
    QTest::keyClicks(function, QStringLiteral("C_Log"));
    QCOMPARE(shownFunctions(dock()), QStringList(shown->rowCount(), QStringLiteral("C_Login")));
    QVERIFY(shown->rowCount() >= 1);
    function->clear();
    failuresOnly->setChecked(false);
    QCOMPARE(shown->rowCount(), dock()->model()->rowCount());
}

void TestCallLog::copiesSelectedCalls() {
    showDock();
    QVERIFY(caughtUp());
    QTableView *view = dock()->view();
    QVERIFY(view->model()->rowCount() >= 6);
    // Rows 1, 2 and 5, picked as a user would.
    view->setFocus();
    view->clearSelection();
    for (int row : {5, 1, 2}) {
        view->scrollTo(view->model()->index(row, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          view->visualRect(view->model()->index(row, 0)).center());
    }
    const QList<CallRecord> all = trace()->snapshot();
    QStringList expected;
    for (int row : {1, 2, 5})
        expected << formatCallRecord(all.at(row));
    QCOMPARE(dock()->selectedLines(), expected);

    // Ctrl+C on the table.
    QGuiApplication::clipboard()->clear();
    QTest::keySequence(view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             expected.join(QLatin1Char('\n')) + QLatin1Char('\n'));

    // The context menu's Copy, and the button.
    QGuiApplication::clipboard()->clear();
    QAction *copy = nullptr;
    for (QAction *action : view->actions()) {
        if (action->shortcut() == QKeySequence(QKeySequence::Copy))
            copy = action;
    }
    QVERIFY(copy);
    QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
    copy->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             expected.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(dock()->findChild<QPushButton *>(QStringLiteral("callLogCopy")),
                      Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             expected.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    QVERIFY(dock()->findChild<QLabel *>(QStringLiteral("callLogMessage"))->isVisible());
}

void TestCallLog::savesTheShownCallsAsTraceLines() {
    showDock();
    QVERIFY(caughtUp());
    const QString path = QDir::home().filePath(QStringLiteral("calls.txt"));

    // Through the button and the file dialog, as a user saves.
    QTest::mouseClick(dock()->findChild<QPushButton *>(QStringLiteral("callLogSave")),
                      Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = dock()->findChild<QFileDialog *>(QStringLiteral("callLogSaveDialog"))) &&
                dialog->isVisible());
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    dialog->selectFile(path);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    QCOMPARE(name->text(), QFileInfo(path).fileName());
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(QFile::exists(path));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    // The trace as the CLI's --trace writes it: one formatCallRecord() line per call.
    const QString text = QString::fromUtf8(saved.readAll());
    QVERIFY(text.endsWith(QLatin1Char('\n')));
    QVERIFY(isTracePrefix(text.chopped(1).split(QLatin1Char('\n'))));
    QCOMPARE(saved.permissions() &
                 (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                  QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                  QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                 QFileDevice::ReadOther);
    saved.close();

    // Filtered, only the shown calls.
    auto *function = dock()->findChild<QLineEdit *>(QStringLiteral("callLogFunctionFilter"));
    QTest::keyClicks(function, QStringLiteral("C_GetTokenInfo"));
    QVERIFY(dock()->saveTo(path));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QList<CallRecord> tokenInfo;
    for (const CallRecord &record : trace()->snapshot()) {
        if (qstrcmp(record.function, "C_GetTokenInfo") == 0)
            tokenInfo << record;
    }
    QVERIFY(!tokenInfo.isEmpty());
    QCOMPARE(QString::fromUtf8(saved.readAll()),
             linesOf(tokenInfo).join(QLatin1Char('\n')) + QLatin1Char('\n'));
    saved.close();
    function->clear();

    // Never over a device: the error is shown and nothing is written.
    const Status refused = dock()->saveTo(QStringLiteral("/dev/null"));
    QVERIFY(!refused);
    auto *message = dock()->findChild<QLabel *>(QStringLiteral("callLogMessage"));
    QCOMPARE(message->text(), refused.error().message);
}

void TestCallLog::clearStartsAfresh() {
    showDock();
    QVERIFY(caughtUp());
    QTest::mouseClick(dock()->findChild<QPushButton *>(QStringLiteral("callLogClear")),
                      Qt::LeftButton);
    QCOMPARE(dock()->model()->rowCount(), 0);
    const quint64 clearedAt = trace()->totalRecorded();
    m_demo->window()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(child<QAction>("logInAction")->isEnabled(), kTimeout);
    QVERIFY(caughtUp());
    QCOMPARE(dock()->model()->recordAt(0)->sequence, clearedAt + 1);
    QCOMPARE(dock()->droppedCount(), 0u);
    QVERIFY(dock()->findChild<QLabel *>(QStringLiteral("callLogDropped"))->isHidden());
}

void TestCallLog::modelKeepsItsCap() {
    CallTrace trace(60000);
    recordCalls(trace, 50000);
    const QList<CallRecord> all = trace.snapshot();
    CallLogModel model(20000);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    for (int at = 0; at < all.size(); at += 1000)
        model.append(all.mid(at, 1000));
    QCOMPARE(model.rowCount(), 20000);
    QCOMPARE(model.recordAt(0)->sequence, 30001u);
    QCOMPARE(model.recordAt(19999)->sequence, 50000u);
    QCOMPARE(model.trimmed(), 30000u);
    // One insertion per batch, and removals in batches too.
    QCOMPARE(inserted.size(), 50);
    QCOMPARE(removed.size(), 30);
    QCOMPARE(removed.first().at(2).toInt() - removed.first().at(1).toInt() + 1, 1000);

    // A single batch larger than the cap keeps only its newest rows.
    CallLogModel small(100);
    small.append(all.mid(0, 250));
    QCOMPARE(small.rowCount(), 100);
    QCOMPARE(small.recordAt(0)->sequence, 151u);
    QCOMPARE(small.trimmed(), 150u);
    small.clear();
    QCOMPARE(small.rowCount(), 0);
    QCOMPARE(small.trimmed(), 0u);
}

void TestCallLog::notesDroppedCalls() {
    // The trace's ring keeps 1000; 2500 calls were made before the log was first shown.
    auto trace = std::make_shared<CallTrace>(1000);
    recordCalls(*trace, 2500);
    CallLogDock log(trace);
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&log));
    QCOMPARE(log.model()->rowCount(), 1000);
    QCOMPARE(log.model()->recordAt(0)->sequence, 1501u);
    QCOMPARE(log.droppedCount(), 1500u);
    auto *note = log.findChild<QLabel *>(QStringLiteral("callLogDropped"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLocale().toString(1500)), qPrintable(note->text()));
    QVERIFY(note->text().contains(QLocale().toString(1000)));
    // More than the ring holds between two looks: the 200 the ring lost meanwhile, and
    // the 1000 rows the log's own cap let go, are counted too.
    recordCalls(*trace, 1200);
    log.poll();
    QCOMPARE(log.droppedCount(), 2700u);
    QCOMPARE(log.model()->recordAt(999)->sequence, 3700u);
    log.clear();
    QVERIFY(note->isHidden());
}

void TestCallLog::followsNewestUnlessScrolledUp() {
    auto trace = std::make_shared<CallTrace>(5000);
    recordCalls(*trace, 500);
    CallLogDock log(trace);
    log.resize(600, 300);
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&log));
    QScrollBar *bar = log.view()->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());

    // At the bottom: new calls are followed.
    recordCalls(*trace, 50);
    log.poll();
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(log.view()->rect().contains(
        log.view()->visualRect(log.view()->model()->index(549, 0)).center()));

    // Scrolled up to read: the row at the top stays there.
    bar->setValue(bar->maximum() / 2);
    const QModelIndex top = log.view()->indexAt(QPoint(1, 1));
    const quint64 topSequence = log.model()->recordAt(top.row())->sequence;
    recordCalls(*trace, 50, CKR_DEVICE_ERROR);
    log.poll();
    QVERIFY(bar->value() < bar->maximum());
    QCOMPARE(log.model()->recordAt(log.view()->indexAt(QPoint(1, 1)).row())->sequence, topSequence);
}

void TestCallLog::largeBatchesStayQuick() {
    // Listing 10,000 objects makes some 30,000 calls in a few seconds: at five looks a
    // second, batches of a few thousand into a full log. Measured, not asserted.
    auto trace = std::make_shared<CallTrace>();
    CallLogDock log(trace);
    log.resize(900, 400);
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&log));
    log.findChild<QLineEdit *>(QStringLiteral("callLogFunctionFilter"))
        ->setText(QStringLiteral("GetAttribute"));
    QElapsedTimer clock;
    qint64 slowestUs = 0;
    qint64 totalUs = 0;
    constexpr int kBatches = 20;
    constexpr int kBatch = 3000;
    for (int i = 0; i < kBatches; ++i) {
        recordCalls(*trace, kBatch, i % 5 == 0 ? CKR_ATTRIBUTE_SENSITIVE : CKR_OK);
        clock.start();
        log.poll();
        QCoreApplication::processEvents(); // the repaint is part of it
        const qint64 us = clock.nsecsElapsed() / 1000;
        slowestUs = qMax(slowestUs, us);
        totalUs += us;
    }
    QCOMPARE(log.model()->rowCount(), trace->capacity());
    QCOMPARE(log.model()->recordAt(trace->capacity() - 1)->sequence, quint64(kBatches) * kBatch);
    qInfo("%d batches of %d calls into a log capped at %d rows: %.1f ms per batch on average, "
          "%.1f ms at most.",
          kBatches, kBatch, trace->capacity(), totalUs / 1000.0 / kBatches, slowestUs / 1000.0);
}

void TestCallLog::cleanupTestCase() {
    m_demo.reset();
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    if (!home.isValid() || !home.setHome())
        return 1;
    QApplication app(argc, argv);
    hsm::setApplicationIdentity();
    TestCallLog test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestCallLog.moc"
