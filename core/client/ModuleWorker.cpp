// SPDX-License-Identifier: Apache-2.0
#include "core/client/ModuleWorker.h"

#include "core/token/DemoHsm.h"
#include "core/token/Inventory.h"

namespace hsm {

ModuleWorker::~ModuleWorker() {
    unload();
}

void ModuleWorker::runAbandonable(std::function<void(const Error &)> abandon,
                                  const std::function<void()> &job) {
    setAbandon(std::move(abandon));
    job();
    setAbandon({}); // after this the watchdog cannot end the request
}

void ModuleWorker::setAbandon(std::function<void(const Error &)> abandon) {
    QMutexLocker lock(&m_abandonMutex);
    m_abandon = std::move(abandon);
}

bool ModuleWorker::abandonRunning(const Error &error) {
    QMutexLocker lock(&m_abandonMutex);
    if (!m_abandon)
        return false;
    m_abandon(error);
    m_abandon = {};
    return true;
}

Result<ModuleInfo> ModuleWorker::load(const QString &path, bool demo,
                                      const libraryEnvironment::Values &environment) {
    unload();
    libraryEnvironment::use(environment);
    Result<std::unique_ptr<Module>> loaded = Module::load(path, m_trace);
    if (!loaded)
        return loaded.error();
    m_module = std::move(loaded).value();
    m_demo = demo;
    m_environment = environment;
    if (demo) {
        Result<bool> provisioned = demoHsm::provision(*m_module);
        if (!provisioned) {
            unload();
            return provisioned.error();
        }
        // SoftHSM assigns stable slot ids and a fresh empty slot only on re-initialize.
        if (provisioned.value() && m_module->initializedByUs()) {
            if (Status s = reinitialize(); !s)
                return s.error();
        }
    }
    return info();
}

Result<ModuleInfo> ModuleWorker::reload() {
    if (!m_module)
        return Error::notLoaded();
    if (Status s = reinitialize(); !s)
        return s.error();
    return info();
}

Status ModuleWorker::reinitialize() {
    m_derivationKeys.clear();               // handles do not outlive C_Finalize
    libraryEnvironment::use(m_environment); // another client may have loaded since
    if (Status s = m_module->reinitialize(); !s) {
        // A module that cannot initialize again is unusable; drop it rather than keep a
        // handle to something half-finalized.
        unload();
        return s;
    }
    return Done{};
}

Result<ModuleInfo> ModuleWorker::info() {
    if (!m_module)
        return Error::notLoaded();
    Result<ModuleInfo> info = inventory::moduleInfo(*m_module);
    if (info)
        info.value().demo = m_demo;
    return info;
}

void ModuleWorker::unload() {
    m_module.reset();
    m_demo = false;
    m_environment.clear();
    m_derivationKeys.clear();
}

KeyHandles &ModuleWorker::derivationKeys(CK_SLOT_ID slot) {
    return m_derivationKeys[slot];
}

} // namespace hsm
