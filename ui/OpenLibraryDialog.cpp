// SPDX-License-Identifier: Apache-2.0
#include "ui/OpenLibraryDialog.h"

#include "ui/LibraryHistory.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace hsm::ui {
namespace {

constexpr int kPathRole = Qt::UserRole;

// A grey, unselectable line standing in for an empty list.
void addPlaceholder(QListWidget *list, const QString &text) {
    auto *item = new QListWidgetItem(text, list);
    item->setFlags(Qt::NoItemFlags);
}

} // namespace

OpenLibraryDialog::OpenLibraryDialog(QWidget *parent)
    : QDialog(parent)
    , m_discovered(new QListWidget(this))
    , m_recent(new QListWidget(this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Open PKCS#11 Library"));
    setAccessibleName(windowTitle());

    auto *discoveredLabel = new QLabel(tr("&Libraries found on this machine:"), this);
    discoveredLabel->setBuddy(m_discovered);
    m_discovered->setObjectName(QStringLiteral("discoveredLibraries"));
    m_discovered->setAccessibleName(tr("Libraries found on this machine"));
    addPlaceholder(m_discovered, tr("Searching for PKCS#11 libraries…"));

    auto *recentLabel = new QLabel(tr("&Recently opened:"), this);
    recentLabel->setBuddy(m_recent);
    m_recent->setObjectName(QStringLiteral("recentLibraries"));
    m_recent->setAccessibleName(tr("Recently opened libraries"));
    for (const QString &path : libraryHistory::recent()) {
        auto *item = new QListWidgetItem(path, m_recent);
        item->setData(kPathRole, path);
    }
    if (m_recent->count() == 0)
        addPlaceholder(m_recent, tr("No library opened yet."));

    auto *pathLabel = new QLabel(tr("&Path:"), this);
    pathLabel->setBuddy(m_path);
    m_path->setObjectName(QStringLiteral("libraryPath"));
    m_path->setAccessibleName(tr("Library path"));
    m_path->setPlaceholderText(tr("/usr/lib/vendor/libpkcs11.so"));
    m_browse->setAccessibleName(tr("Browse for a library file"));

    m_error->setObjectName(QStringLiteral("loadError"));
    m_error->setAccessibleName(tr("Load error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_buttons->button(QDialogButtonBox::Open)->setAccessibleName(tr("Open the library"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *layout = new QGridLayout(this);
    layout->addWidget(discoveredLabel, 0, 0, 1, 3);
    layout->addWidget(m_discovered, 1, 0, 1, 3);
    layout->addWidget(recentLabel, 2, 0, 1, 3);
    layout->addWidget(m_recent, 3, 0, 1, 3);
    layout->addWidget(pathLabel, 4, 0);
    layout->addWidget(m_path, 4, 1);
    layout->addWidget(m_browse, 4, 2);
    layout->addWidget(m_error, 5, 0, 1, 3);
    layout->addWidget(m_buttons, 6, 0, 1, 3);
    resize(640, 480);

    connectList(m_discovered, m_recent);
    connectList(m_recent, m_discovered);
    connect(m_path, &QLineEdit::textChanged, this, &OpenLibraryDialog::updateOpenButton);
    connect(m_browse, &QPushButton::clicked, this, &OpenLibraryDialog::browse);
    // Open reports the choice instead of closing; the owner closes on success.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OpenLibraryDialog::choose);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOpenButton();

    // p11-kit loads every registered library to name it: keep that off the GUI thread.
    connect(&m_discovery, &QFutureWatcherBase::finished, this, &OpenLibraryDialog::showDiscovered);
    m_discovery.setFuture(QtConcurrent::run(&hsm::discoverModules));
}

QString OpenLibraryDialog::selectedPath() const {
    return m_path->text().trimmed();
}

void OpenLibraryDialog::showLoading() {
    m_loading = true;
    m_error->setStyleSheet(QString());
    m_error->setText(tr("Loading %1…").arg(selectedPath()));
    m_error->show();
    updateOpenButton();
}

void OpenLibraryDialog::showLoadFailure(const QString &message) {
    m_loading = false;
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_error->setText(message);
    m_error->show();
    updateOpenButton();
    m_path->setFocus();
}

void OpenLibraryDialog::choose() {
    if (selectedPath().isEmpty() || m_loading)
        return;
    Q_EMIT pathChosen(selectedPath());
}

void OpenLibraryDialog::browse() {
    const QString start =
        selectedPath().isEmpty() ? QStringLiteral("/usr/lib") : QFileInfo(selectedPath()).path();
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Choose a PKCS#11 Library"), start,
                                     tr("Shared libraries (*.so *.so.*);;All files (*)"));
    if (!file.isEmpty())
        m_path->setText(file);
}

void OpenLibraryDialog::showDiscovered() {
    m_discovered->clear();
    if (m_discovery.future().resultCount() > 0) {
        for (const DiscoveredModule &module : m_discovery.result()) {
            auto *item =
                new QListWidgetItem(tr("%1 — %2").arg(module.name, module.path), m_discovered);
            item->setData(kPathRole, module.path);
            item->setToolTip(tr("Found through %1").arg(module.source));
        }
    }
    if (m_discovered->count() == 0)
        addPlaceholder(m_discovered, tr("No PKCS#11 library found; enter a path below."));
}

void OpenLibraryDialog::connectList(QListWidget *list, QListWidget *other) {
    connect(list, &QListWidget::currentItemChanged, this, [this, other](QListWidgetItem *item) {
        if (!item || item->data(kPathRole).toString().isEmpty())
            return;
        m_path->setText(item->data(kPathRole).toString());
        // One choice at a time: picking here releases the other list's pick.
        other->setCurrentRow(-1);
    });
    connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (!item->data(kPathRole).toString().isEmpty())
            choose();
    });
}

void OpenLibraryDialog::updateOpenButton() {
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(!m_loading && !selectedPath().isEmpty());
}

} // namespace hsm::ui
