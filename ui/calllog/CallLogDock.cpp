// SPDX-License-Identifier: Apache-2.0
#include "ui/calllog/CallLogDock.h"

#include "ui/calllog/CallLogFilterModel.h"
#include "ui/calllog/CallLogModel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPersistentModelIndex>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>

namespace hsm::ui {

CallLogDock::CallLogDock(std::shared_ptr<const CallTrace> trace, QWidget *parent)
    : QDockWidget(tr("Call Log"), parent)
    , m_trace(std::move(trace))
    , m_model(new CallLogModel(m_trace->capacity(), this))
    , m_filter(new CallLogFilterModel(this))
    , m_functionFilter(new QLineEdit)
    , m_failuresOnly(new QCheckBox(tr("Faile&d calls only")))
    , m_view(new QTableView)
    , m_dropped(new QLabel)
    , m_count(new QLabel)
    , m_message(new QLabel)
    , m_copy(new QPushButton(tr("Co&py")))
    , m_save(new QPushButton(tr("Save as Te&xt…")))
    , m_clear(new QPushButton(tr("&Clear"))) {
    setObjectName(QStringLiteral("callLogDock"));
    setAccessibleName(tr("Call log"));
    m_filter->setSourceModel(m_model);

    // Alt+letters only where the window has none of its own (menus, tabs, the pages' buttons).
    auto *filterLabel = new QLabel(tr("Function:"));
    filterLabel->setBuddy(m_functionFilter);
    m_functionFilter->setObjectName(QStringLiteral("callLogFunctionFilter"));
    m_functionFilter->setAccessibleName(tr("Filter the call log by function"));
    m_functionFilter->setPlaceholderText(tr("e.g. C_Login"));
    m_functionFilter->setClearButtonEnabled(true);
    m_failuresOnly->setObjectName(QStringLiteral("callLogFailuresOnly"));
    m_failuresOnly->setAccessibleName(tr("Show failed calls only"));
    m_failuresOnly->setToolTip(tr("Only calls that returned something other than CKR_OK"));

    m_view->setObjectName(QStringLiteral("callLogView"));
    m_view->setAccessibleName(tr("PKCS#11 calls"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Fixed, uniform rows and column widths from the font: nothing has to measure tens of
    // thousands of rows.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    const auto width = [this](const QString &sample) {
        return m_view->fontMetrics().horizontalAdvance(sample) + 24;
    };
    m_view->horizontalHeader()->resizeSection(CallLogModel::TimeColumn,
                                              width(QStringLiteral("00:00:00.000")));
    m_view->horizontalHeader()->resizeSection(CallLogModel::FunctionColumn,
                                              width(QStringLiteral("C_GetAttributeValue")));
    // Slot ids can be large (SoftHSM's are hashes): room for any 32-bit one.
    m_view->horizontalHeader()->resizeSection(CallLogModel::HandleColumn,
                                              width(QStringLiteral("session 4294967295")));
    // Room for the warning icon of a failure.
    m_view->horizontalHeader()->resizeSection(CallLogModel::ReturnValueColumn,
                                              width(QStringLiteral("CKR_USER_NOT_LOGGED_IN")) +
                                                  m_view->iconSize().width() + 8);
    // The return value takes the spare room; the duration stays beside it, right-aligned.
    m_view->horizontalHeader()->resizeSection(CallLogModel::DurationColumn,
                                              width(QStringLiteral("99999.999 ms")));
    m_view->horizontalHeader()->setSectionResizeMode(CallLogModel::ReturnValueColumn,
                                                     QHeaderView::Stretch);

    m_dropped->setObjectName(QStringLiteral("callLogDropped"));
    m_dropped->setAccessibleName(tr("Calls no longer in the log"));
    m_dropped->setWordWrap(true);
    m_dropped->hide();
    m_count->setObjectName(QStringLiteral("callLogCount"));
    m_count->setAccessibleName(tr("Number of calls"));
    m_message->setObjectName(QStringLiteral("callLogMessage"));
    m_message->setAccessibleName(tr("Call log message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_copy->setObjectName(QStringLiteral("callLogCopy"));
    m_copy->setAccessibleName(tr("Copy the selected calls"));
    m_save->setObjectName(QStringLiteral("callLogSave"));
    m_save->setAccessibleName(tr("Save the shown calls to a text file"));
    m_clear->setObjectName(QStringLiteral("callLogClear"));
    m_clear->setAccessibleName(tr("Clear the call log"));

    auto *copyAction = new QAction(tr("&Copy"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, &CallLogDock::copySelection);
    auto *selectAllAction = new QAction(tr("Select &All"), m_view);
    selectAllAction->setShortcut(QKeySequence::SelectAll);
    selectAllAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(selectAllAction, &QAction::triggered, m_view, &QAbstractItemView::selectAll);
    auto *separator = new QAction(m_view);
    separator->setSeparator(true);
    auto *saveAction = new QAction(tr("&Save…"), m_view);
    connect(saveAction, &QAction::triggered, this, &CallLogDock::save);
    auto *clearAction = new QAction(tr("C&lear"), m_view);
    connect(clearAction, &QAction::triggered, this, &CallLogDock::clear);
    m_view->addActions({copyAction, selectAllAction, separator, saveAction, clearAction});
    m_view->installEventFilter(this);

    auto *content = new QWidget(this);
    auto *layout = new QGridLayout(content);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_functionFilter, 1);
    filterRow->addWidget(m_failuresOnly);
    layout->addLayout(filterRow, 0, 0);
    layout->addWidget(m_dropped, 1, 0);
    layout->addWidget(m_view, 2, 0);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_count, 1);
    buttonRow->addWidget(m_copy);
    buttonRow->addWidget(m_save);
    buttonRow->addWidget(m_clear);
    layout->addLayout(buttonRow, 3, 0);
    layout->addWidget(m_message, 4, 0);
    layout->setRowStretch(2, 1);
    setWidget(content);
    setTabOrder(m_functionFilter, m_failuresOnly);
    setTabOrder(m_failuresOnly, m_view);
    setTabOrder(m_view, m_copy);
    setTabOrder(m_copy, m_save);
    setTabOrder(m_save, m_clear);

    connect(m_functionFilter, &QLineEdit::textChanged, m_filter,
            &CallLogFilterModel::setFunctionFilter);
    connect(m_failuresOnly, &QCheckBox::toggled, m_filter, &CallLogFilterModel::setFailuresOnly);
    connect(m_copy, &QPushButton::clicked, this, &CallLogDock::copySelection);
    connect(m_save, &QPushButton::clicked, this, &CallLogDock::save);
    connect(m_clear, &QPushButton::clicked, this, &CallLogDock::clear);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &CallLogDock::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &CallLogDock::updateCounts);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &CallLogDock::updateCounts);

    m_poll.setInterval(kPollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &CallLogDock::poll);
    updateCounts();
}

bool CallLogDock::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        copySelection();
        return true;
    }
    return QDockWidget::eventFilter(watched, event);
}

void CallLogDock::showEvent(QShowEvent *event) {
    QDockWidget::showEvent(event);
    poll();
    m_poll.start();
}

void CallLogDock::hideEvent(QHideEvent *event) {
    QDockWidget::hideEvent(event);
    m_poll.stop();
}

void CallLogDock::poll() {
    QList<CallRecord> fresh = m_trace->since(m_lastSequence);
    if (fresh.isEmpty())
        return;
    m_lastSequence = fresh.constLast().sequence;

    // Follow the newest call unless the user has scrolled up to read; then keep the row
    // they are reading in place while old rows leave at the top.
    const QScrollBar *bar = m_view->verticalScrollBar();
    const bool following = bar->value() >= bar->maximum();
    const QPersistentModelIndex topRow = m_view->indexAt(QPoint(0, 0));
    m_model->append(std::move(fresh));
    if (following)
        m_view->scrollToBottom();
    else if (topRow.isValid())
        m_view->scrollTo(topRow, QAbstractItemView::PositionAtTop);
    updateCounts();
}

void CallLogDock::clear() {
    m_model->clear();
    m_lastSequence = m_baseline = m_trace->totalRecorded();
    m_message->hide();
    updateCounts();
}

quint64 CallLogDock::droppedCount() const {
    return m_lastSequence - m_baseline - static_cast<quint64>(m_model->rowCount());
}

void CallLogDock::updateCounts() {
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    m_count->setText(
        shown == total
            ? tr("%Ln call(s)", nullptr, total)
            : tr("%1 of %Ln call(s) shown", nullptr, total).arg(QLocale().toString(shown)));
    const quint64 dropped = droppedCount();
    if (dropped > 0)
        m_dropped->setText(
            tr("Earlier calls no longer in the log: %1 (it keeps the last %2).")
                .arg(QLocale().toString(dropped), QLocale().toString(m_model->capacity())));
    m_dropped->setVisible(dropped > 0);
    m_copy->setEnabled(shown > 0);
    m_save->setEnabled(shown > 0);
    m_clear->setEnabled(total > 0);
}

QList<CallRecord> CallLogDock::recordsAt(const QModelIndexList &proxyRows) const {
    QList<int> rows;
    rows.reserve(proxyRows.size());
    for (const QModelIndex &index : proxyRows)
        rows << m_filter->mapToSource(index).row();
    std::sort(rows.begin(), rows.end());
    QList<CallRecord> records;
    records.reserve(rows.size());
    for (int row : rows) {
        if (const CallRecord *record = m_model->recordAt(row))
            records << *record;
    }
    return records;
}

QList<CallRecord> CallLogDock::shownRecords() const {
    QModelIndexList rows;
    rows.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        rows << m_filter->index(row, 0);
    return recordsAt(rows);
}

QStringList CallLogDock::shownLines() const {
    QStringList lines;
    for (const CallRecord &record : shownRecords())
        lines << formatCallRecord(record);
    return lines;
}

QStringList CallLogDock::selectedLines() const {
    QStringList lines;
    for (const CallRecord &record : recordsAt(m_view->selectionModel()->selectedRows()))
        lines << formatCallRecord(record);
    return lines;
}

void CallLogDock::copySelection() {
    const QStringList lines = selectedLines();
    if (lines.isEmpty()) {
        showMessage(tr("Select the calls to copy first."), true);
        return;
    }
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    showMessage(tr("Copied %Ln call(s).", nullptr, static_cast<int>(lines.size())), false);
}

void CallLogDock::save() {
    auto *dialog = new QFileDialog(
        this, tr("Save the Call Log"),
        QDir::home().filePath(
            QStringLiteral("hsm-admin-calls-%1.txt")
                .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))),
        tr("Text files (*.txt);;All files (*)"));
    dialog->setObjectName(QStringLiteral("callLogSaveDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &CallLogDock::saveTo);
    dialog->open(); // window-modal without a nested event loop
}

Status CallLogDock::saveTo(const QString &path) {
    const QList<CallRecord> records = shownRecords();
    const Status saved = writeCallTrace(path, records);
    if (saved)
        showMessage(tr("Saved %Ln call(s) to %1.", nullptr, static_cast<int>(records.size()))
                        .arg(QDir::toNativeSeparators(path)),
                    false);
    else
        showMessage(saved.error().message, true);
    return saved;
}

void CallLogDock::showMessage(const QString &text, bool problem) {
    // Mid-tone red that reads on light and dark themes; the words say it failed anyway.
    m_message->setStyleSheet(problem ? QStringLiteral("QLabel { color: #d9534f; }") : QString());
    m_message->setText(text);
    m_message->show();
}

} // namespace hsm::ui
