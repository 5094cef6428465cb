// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/fragment/FragmentDerivation.h"
#include "core/pkcs11/CallTrace.h"
#include "core/pkcs11/LibraryEnvironment.h"
#include "core/pkcs11/Module.h"
#include "core/token/ModuleInfo.h"

#include <QMutex>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

namespace hsm {

// Owns the loaded Module for HsmClient; lives on the client's worker thread and is only
// touched there, but for abandonRunning(), which the CallWatchdog calls.
class ModuleWorker : public QObject {
    Q_OBJECT
public:
    explicit ModuleWorker(std::shared_ptr<CallTrace> trace)
        : m_trace(std::move(trace)) {}
    ~ModuleWorker() override;
    Module *module() const { return m_module.get(); }
    const std::shared_ptr<CallTrace> &trace() const { return m_trace; }
    // Loads `path` with `environment` set for it (and only for it: see libraryEnvironment).
    Result<ModuleInfo> load(const QString &path, bool demo,
                            const libraryEnvironment::Values &environment = {});
    Result<ModuleInfo> reload();
    // C_GetInfo of the loaded module, marked when it is the demo HSM.
    Result<ModuleInfo> info();
    void unload();

    // Runs `job` with `abandon` registered as the way to end its request early: the
    // watchdog calls abandonRunning() when one of the job's PKCS#11 calls hangs. Once the
    // job has returned, it no longer can.
    void runAbandonable(std::function<void(const Error &)> abandon,
                        const std::function<void()> &job);
    // Thread-safe; false when no request is running (or it was already abandoned).
    bool abandonRunning(const Error &error);

    // The derivation keys found on `slot` by earlier requests (FragmentDeriver confirms a
    // handle before using it); forgotten when the module is unloaded or re-initialized.
    KeyHandles &derivationKeys(CK_SLOT_ID slot);

private:
    // C_Finalize + C_Initialize of the loaded module; unloads it when that fails.
    Status reinitialize();
    void setAbandon(std::function<void(const Error &)> abandon);

    QMutex m_abandonMutex;
    std::function<void(const Error &)> m_abandon;
    std::shared_ptr<CallTrace> m_trace;
    std::unique_ptr<Module> m_module;
    bool m_demo = false;
    libraryEnvironment::Values m_environment; // what the loaded module reads at C_Initialize
    std::map<CK_SLOT_ID, KeyHandles> m_derivationKeys;
};

} // namespace hsm
