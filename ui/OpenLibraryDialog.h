// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pkcs11/ModuleDiscovery.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace hsm::ui {

// Lets the user pick a PKCS#11 library: one found on this machine, a recent one, or any
// file. It does not load anything itself: it emits pathChosen() and stays open until the
// owner reports the outcome, so a failed load can be corrected in place.
class OpenLibraryDialog : public QDialog {
    Q_OBJECT
public:
    explicit OpenLibraryDialog(QWidget *parent = nullptr);

    QString selectedPath() const;

    // The chosen library is loading: wait for showLoadFailure() or accept().
    void showLoading();
    // Loading failed; shows why and lets the user pick again.
    void showLoadFailure(const QString &message);

Q_SIGNALS:
    void pathChosen(const QString &path);

private:
    void choose();
    void browse();
    void showDiscovered();
    void connectList(QListWidget *list, QListWidget *other);
    void updateOpenButton();

    QListWidget *m_discovered;
    QListWidget *m_recent;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_loading = false;
    QFutureWatcher<QList<DiscoveredModule>> m_discovery;
};

} // namespace hsm::ui
