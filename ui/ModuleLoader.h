// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/ModuleInfo.h"
#include "core/token/SlotInfo.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class OpenLibraryDialog;

// Loads a PKCS#11 library into the client and then reads its slots, for each screen that
// lets the user choose one (the main window, the wizard's first page). It holds the
// requests, keeps the Open dialog, and remembers each library that loaded; what is shown
// of the outcome is left to the screen, through the signals.
class ModuleLoader : public QObject {
    Q_OBJECT
public:
    // What a module request was: a load, or the question which library the client has.
    enum class Request { Load, Query };

    // `parent` also parents the Open dialog.
    ModuleLoader(HsmClient &client, QWidget *parent);

    // Each replaces what a request still running would have answered. These two say so
    // with loadStarted().
    void load(const QString &path);
    void loadDemo();
    // C_Finalize + C_Initialize of the library loaded.
    void reload();
    // A library loaded elsewhere on this client (by the wizard): taken as if loaded here.
    void adopt(const Result<ModuleInfo> &outcome);
    // Asks which library the client has loaded already; loads nothing.
    void findLoaded();

    void cancel();
    // A module or slot request is running.
    bool isBusy() const;

    // Opens the Open dialog (or raises it); a library chosen there is loaded, and the dialog
    // stays open until a load succeeds.
    void chooseLibrary();
    // Shows why loading failed in the Open dialog, if open, so the user can pick again.
    void showLoadFailure(const QString &message);

Q_SIGNALS:
    // load() or loadDemo() has started; `what` says so in words for a status line.
    void loadStarted(const QString &what);
    // The module is known; its slots are being read already.
    void loaded(const hsm::ModuleInfo &module, hsm::ui::ModuleLoader::Request request);
    // No module: Error::Kind::Cancelled when the request was cancelled.
    void loadFailed(const hsm::Error &error, hsm::ui::ModuleLoader::Request request);
    void slotsRead(const QList<hsm::SlotInfo> &slots);
    // The module stays loaded: Error::Kind::Cancelled when the request was cancelled.
    void slotsFailed(const hsm::Error &error);

private:
    void start(const QFuture<Result<ModuleInfo>> &request, Request kind);
    void moduleRead();
    void slotListRead();

    HsmClient &m_client;
    QWidget *m_dialogParent;
    QPointer<OpenLibraryDialog> m_dialog;
    Request m_request = Request::Load;
    // The slot list asked for after the last module; a newer module request drops it.
    bool m_readingSlots = false;
    QFutureWatcher<Result<ModuleInfo>> m_moduleWatcher;
    QFutureWatcher<Result<QList<SlotInfo>>> m_slotsWatcher;
};

} // namespace hsm::ui
