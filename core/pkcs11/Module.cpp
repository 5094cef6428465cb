// SPDX-License-Identifier: Apache-2.0
#include "core/pkcs11/Module.h"

#include "core/pkcs11/LibraryFile.h"

#include <QFile>

#include <dlfcn.h>

namespace hsm {

Module::Module(QString path, void *handle, CK_FUNCTION_LIST_PTR functions,
               std::shared_ptr<CallTrace> trace)
    : m_path(std::move(path))
    , m_handle(handle)
    , m_functions(functions)
    , m_trace(std::move(trace)) {}

Result<std::unique_ptr<Module>> Module::load(const QString &path,
                                             std::shared_ptr<CallTrace> trace) {
    if (const QString reason = checkLibraryFile(path); !reason.isEmpty())
        return Error::make(Error::Kind::Library, reason);

    dlerror();
    // RTLD_NODELETE: some modules cannot be loaded again once unmapped (openCryptoki 3.8
    // crashes in C_Initialize after a dlclose), and reloading is an everyday action here.
    void *handle =
        dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!handle) {
        const char *why = dlerror();
        return Error::make(Error::Kind::Library,
                           explainLoadFailure(path, QString::fromLocal8Bit(why ? why : "")));
    }
    auto getFunctionList =
        reinterpret_cast<CK_C_GetFunctionList>(dlsym(handle, "C_GetFunctionList"));
    if (!getFunctionList) {
        dlclose(handle);
        return Error::make(Error::Kind::Library,
                           QStringLiteral("%1 is a shared library but not a PKCS#11 module "
                                          "(it has no C_GetFunctionList).")
                               .arg(path));
    }
    CK_FUNCTION_LIST_PTR functions = nullptr;
    const qint64 start = CallTrace::nowNs();
    const CK_RV rv = getFunctionList(&functions);
    trace->record("C_GetFunctionList", rv, start, CallTrace::nowNs() - start, false, 0);
    if (rv != CKR_OK || !functions) {
        dlclose(handle);
        if (rv != CKR_OK)
            return Error::pkcs11("C_GetFunctionList", rv);
        return Error::make(Error::Kind::Library, QStringLiteral("%1 returned no function list from "
                                                                "C_GetFunctionList.")
                                                     .arg(path));
    }
    std::unique_ptr<Module> module(new Module(path, handle, functions, std::move(trace)));
    if (Status s = module->initialize(); !s) {
        // Not initialized, so the destructor only unloads.
        return s.error();
    }
    return module;
}

Status Module::initialize() {
    CK_C_INITIALIZE_ARGS args{};
    args.flags = CKF_OS_LOCKING_OK;
    CallResult initialized = HSM_P11_CHECK(*this, C_Initialize, &args);
    m_withoutLocking = false;
    if (initialized.rv == CKR_CANT_LOCK) {
        // The module cannot use OS locking; all our calls come from one thread anyway.
        initialized = HSM_P11_CHECK(*this, C_Initialize, static_cast<CK_VOID_PTR>(nullptr));
        m_withoutLocking = true;
    }
    if (initialized.rv == CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        m_initializedByUs = false;
        return Done{};
    }
    if (!initialized)
        return initialized.error();
    m_initializedByUs = true;
    return Done{};
}

Result<CK_SESSION_HANDLE> Module::tokenSession(CK_SLOT_ID slot) {
    if (auto it = m_tokenSessions.find(slot); it != m_tokenSessions.end())
        return it->second;
    CK_SESSION_HANDLE handle = CK_INVALID_HANDLE;
    CallResult opened =
        HSM_P11_CHECK(*this, C_OpenSession, slot, CKF_SERIAL_SESSION | CKF_RW_SESSION,
                      static_cast<CK_VOID_PTR>(nullptr), static_cast<CK_NOTIFY>(nullptr), &handle);
    if (opened.rv == CKR_TOKEN_WRITE_PROTECTED)
        opened = HSM_P11_CHECK(*this, C_OpenSession, slot, CKF_SERIAL_SESSION,
                               static_cast<CK_VOID_PTR>(nullptr), static_cast<CK_NOTIFY>(nullptr),
                               &handle);
    if (!opened)
        return opened.error();
    m_tokenSessions[slot] = handle;
    return handle;
}

void Module::closeTokenSession(CK_SLOT_ID slot) {
    if (auto it = m_tokenSessions.find(slot); it != m_tokenSessions.end()) {
        HSM_P11(*this, C_CloseSession, it->second);
        m_tokenSessions.erase(it);
    }
}

void Module::forgetTokenSession(CK_SESSION_HANDLE handle) {
    for (auto it = m_tokenSessions.begin(); it != m_tokenSessions.end(); ++it) {
        if (it->second == handle) {
            m_tokenSessions.erase(it);
            return;
        }
    }
}

void Module::finalize() {
    // Our sessions go first; when someone else initialized the library they would
    // otherwise outlive us.
    while (!m_tokenSessions.empty())
        closeTokenSession(m_tokenSessions.begin()->first);
    if (!m_initializedByUs)
        return;
    m_initializedByUs = false; // exactly once, even if the module reports a failure
    // A failing C_Finalize is recorded in the trace; there is nothing else to do about it.
    HSM_P11(*this, C_Finalize, static_cast<CK_VOID_PTR>(nullptr));
}

Status Module::reinitialize() {
    if (!m_initializedByUs)
        return Error::make(Error::Kind::Input,
                           QStringLiteral("The library was initialized by another part of this "
                                          "process, so it cannot be re-read here."));
    finalize();
    return initialize();
}

Module::~Module() {
    finalize();
    if (m_handle)
        dlclose(m_handle);
}

} // namespace hsm
