// SPDX-License-Identifier: Apache-2.0
#include "ui/ModuleLoader.h"

#include "core/client/FutureResult.h"
#include "core/client/HsmClient.h"
#include "ui/LibraryHistory.h"
#include "ui/OpenLibraryDialog.h"

#include <QWidget>

namespace hsm::ui {

ModuleLoader::ModuleLoader(HsmClient &client, QWidget *parent)
    : QObject(parent)
    , m_client(client)
    , m_dialogParent(parent) {
    connect(&m_moduleWatcher, &QFutureWatcherBase::finished, this, &ModuleLoader::moduleRead);
    connect(&m_slotsWatcher, &QFutureWatcherBase::finished, this, &ModuleLoader::slotListRead);
}

void ModuleLoader::load(const QString &path) {
    if (m_dialog)
        m_dialog->showLoading();
    start(m_client.load(path), Request::Load);
    Q_EMIT loadStarted(tr("Loading %1…").arg(path));
}

void ModuleLoader::loadDemo() {
    start(m_client.loadDemo(), Request::Load);
    Q_EMIT loadStarted(tr("Loading the demo HSM…"));
}

void ModuleLoader::reload() {
    start(m_client.reload(), Request::Load);
}

void ModuleLoader::adopt(const Result<ModuleInfo> &outcome) {
    start(QtFuture::makeReadyFuture(Result<ModuleInfo>(outcome)), Request::Load);
}

void ModuleLoader::findLoaded() {
    start(m_client.moduleInfo(), Request::Query);
}

void ModuleLoader::start(const QFuture<Result<ModuleInfo>> &request, Request kind) {
    // The client replaces its module: the slots of the one before no longer matter.
    m_slotsWatcher.cancel();
    m_readingSlots = false;
    m_request = kind;
    m_moduleWatcher.setFuture(request);
}

void ModuleLoader::cancel() {
    m_moduleWatcher.cancel();
    m_slotsWatcher.cancel();
}

bool ModuleLoader::isBusy() const {
    return m_moduleWatcher.isRunning() || m_slotsWatcher.isRunning();
}

void ModuleLoader::chooseLibrary() {
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new OpenLibraryDialog(m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &OpenLibraryDialog::pathChosen, this, &ModuleLoader::load);
    m_dialog->open(); // window-modal without a nested event loop
}

void ModuleLoader::showLoadFailure(const QString &message) {
    if (m_dialog)
        m_dialog->showLoadFailure(message);
}

void ModuleLoader::moduleRead() {
    const Result<ModuleInfo> module = finishedResult(m_moduleWatcher.future());
    if (!module) {
        Q_EMIT loadFailed(module.error(), m_request);
        return;
    }
    if (m_request == Request::Load) {
        libraryHistory::rememberLoaded(module.value());
        if (m_dialog)
            m_dialog->accept();
    }
    // Asked for before loaded() is handled, so that the screen sees itself busy reading them.
    m_readingSlots = true;
    m_slotsWatcher.setFuture(m_client.slotList());
    Q_EMIT loaded(module.value(), m_request);
}

void ModuleLoader::slotListRead() {
    if (!m_readingSlots)
        return; // asked for before a newer module request, whose own slot list follows
    m_readingSlots = false;
    const Result<QList<SlotInfo>> slots = finishedResult(m_slotsWatcher.future());
    if (!slots) {
        Q_EMIT slotsFailed(slots.error());
        return;
    }
    Q_EMIT slotsRead(slots.value());
}

} // namespace hsm::ui
