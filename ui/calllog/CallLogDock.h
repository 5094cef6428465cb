// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pkcs11/CallTrace.h"

#include <QDockWidget>
#include <QModelIndex>
#include <QTimer>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace hsm::ui {

class CallLogFilterModel;
class CallLogModel;

// The call log: the PKCS#11 calls the client's worker makes, live (time, function, slot or
// session, return value, duration), as the CLI's --trace writes them. While the dock is
// visible a timer reads the records added to the client's CallTrace since the last look
// (a few times a second, on the GUI thread); the worker never signals per call. Filter by
// function and to failures only; copy the selected calls or save the shown ones as text.
class CallLogDock : public QDockWidget {
    Q_OBJECT
public:
    explicit CallLogDock(std::shared_ptr<const CallTrace> trace, QWidget *parent = nullptr);

    CallLogModel *model() const { return m_model; }
    CallLogFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }

    // The shown calls (after the filter), one formatCallRecord() line each.
    QStringList shownLines() const;
    // The selected calls, oldest first, one line each.
    QStringList selectedLines() const;
    // Writes the shown calls to `path` as the CLI's --trace does (writeCallTrace).
    Status saveTo(const QString &path);
    // Calls dropped before they could be shown: by the trace's ring or by the log's cap.
    quint64 droppedCount() const;

    static constexpr int kPollIntervalMs = 200;

public Q_SLOTS:
    // Reads the calls recorded since the last look. The timer calls it while visible.
    void poll();
    void copySelection();
    // Asks for a file name (window-modal) and saves the shown calls there.
    void save();
    // Forgets every call shown so far; the log goes on with the next one.
    void clear();

protected:
    // Ctrl+C on the table copies whole calls, not the current cell as QTableView would.
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // The calls of these rows of the filter, oldest first.
    QList<CallRecord> recordsAt(const QModelIndexList &proxyRows) const;
    QList<CallRecord> shownRecords() const;
    void updateCounts();
    void showMessage(const QString &text, bool problem);

    std::shared_ptr<const CallTrace> m_trace;
    CallLogModel *m_model;
    CallLogFilterModel *m_filter;
    QLineEdit *m_functionFilter;
    QCheckBox *m_failuresOnly;
    QTableView *m_view;
    QLabel *m_dropped;
    QLabel *m_count;
    QLabel *m_message;
    QPushButton *m_copy;
    QPushButton *m_save;
    QPushButton *m_clear;
    QTimer m_poll;
    quint64 m_baseline = 0;     // the last sequence before the log (re)started
    quint64 m_lastSequence = 0; // the last sequence read from the trace
};

} // namespace hsm::ui
