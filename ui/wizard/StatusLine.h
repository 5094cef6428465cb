// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace hsm::ui {

// A wizard page's one line of news: an indeterminate busy bar while the worker is at it,
// then what came of it (a note, a success or an error a person can act on).
class StatusLine : public QWidget {
    Q_OBJECT
public:
    // `objectName` and `accessibleName` are the message label's, for tests and screen readers.
    StatusLine(const QString &objectName, const QString &accessibleName, QWidget *parent = nullptr);

    void showBusy(const QString &text);
    void showNote(const QString &text);
    void showSuccess(const QString &text);
    void showError(const QString &text);
    void clear();

    bool isBusy() const;
    QString text() const;

private:
    void show(const QString &text, const QString &styleSheet, bool busy);

    QProgressBar *m_busy;
    QLabel *m_message;
};

} // namespace hsm::ui
