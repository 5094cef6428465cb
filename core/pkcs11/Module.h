// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/pkcs11/CallTrace.h"

#include <QString>

#include <p11-kit/pkcs11.h>

#include <map>
#include <memory>
#include <type_traits>

namespace hsm {

// One loaded PKCS#11 library. Owned by the module's worker thread: every call into the
// library goes through call(), which times it and records it in the CallTrace.
class Module {
public:
    // Loads and initializes the library at `path`. Each way a library can be unusable has
    // its own one-line reason in the returned Error.
    static Result<std::unique_ptr<Module>> load(const QString &path,
                                                std::shared_ptr<CallTrace> trace);
    ~Module(); // C_Finalize exactly once (only if we initialized), then unload

    Module(const Module &) = delete;
    Module &operator=(const Module &) = delete;

    const QString &path() const { return m_path; }
    CallTrace &trace() { return *m_trace; }
    // False when the library was already initialized by someone else in this process
    // (CKR_CRYPTOKI_ALREADY_INITIALIZED); then it is not ours to finalize.
    bool initializedByUs() const { return m_initializedByUs; }
    // True when C_Initialize refused OS locking (CKR_CANT_LOCK) and we went without.
    bool withoutLocking() const { return m_withoutLocking; }

    // C_Finalize + C_Initialize: some modules (SoftHSM) only see new tokens this way.
    Status reinitialize();

    // One session per token kept open while the module is loaded (read/write where the
    // token allows it), so that a login made in one request holds for the next.
    Result<CK_SESSION_HANDLE> tokenSession(CK_SLOT_ID slot);
    // Closes that session (e.g. after CKR_SESSION_HANDLE_INVALID or a logout).
    void closeTokenSession(CK_SLOT_ID slot);

    // What one call returned, with the function's name, so that its error names the
    // function without the call site spelling it a second time (HSM_P11_CHECK).
    struct CallResult {
        const char *function;
        CK_RV rv;
        bool ok() const { return rv == CKR_OK; }
        explicit operator bool() const { return ok(); }
        // "C_Login returned CKR_PIN_INCORRECT: ..."; only meaningful when !ok().
        Error error() const { return Error::pkcs11(function, rv); }
    };

    // The single entry point into the library. Use through HSM_P11 or HSM_P11_CHECK
    // (below) so the function's name is spelled once per call.
    template <typename Fn, typename First, typename... Rest>
    CK_RV call(Fn CK_FUNCTION_LIST::*member, const char *name, First first, Rest... rest) {
        const qint64 start = CallTrace::nowNs();
        m_trace->begin(name, start);
        const Fn fn = m_functions->*member;
        const CK_RV rv = fn ? fn(first, rest...) : CKR_FUNCTION_NOT_SUPPORTED;
        // Only a slot id or session handle (a CK_ULONG first argument) is recorded.
        constexpr bool hasHandle = std::is_same_v<First, CK_ULONG>;
        CK_ULONG handle = 0;
        if constexpr (hasHandle)
            handle = first;
        m_trace->record(name, rv, start, CallTrace::nowNs() - start, hasHandle, handle);
        if constexpr (hasHandle) {
            // A session the module has dropped is forgotten, so the next request opens anew.
            if (Error::isSessionLost(rv))
                forgetTokenSession(handle);
        }
        return rv;
    }

private:
    Module(QString path, void *handle, CK_FUNCTION_LIST_PTR functions,
           std::shared_ptr<CallTrace> trace);
    Status initialize();
    void finalize();
    void forgetTokenSession(CK_SESSION_HANDLE handle);

    QString m_path;
    void *m_handle = nullptr;
    CK_FUNCTION_LIST_PTR m_functions = nullptr;
    std::shared_ptr<CallTrace> m_trace;
    bool m_initializedByUs = false;
    bool m_withoutLocking = false;
    std::map<CK_SLOT_ID, CK_SESSION_HANDLE> m_tokenSessions;
};

} // namespace hsm

// The calls into the library, each naming the function once:
//   HSM_P11 gives the bare CK_RV, for calls whose failure is no error of the request:
//     HSM_P11(module, C_CloseSession, handle);
//   HSM_P11_CHECK gives a Module::CallResult (the rv and the function's name):
//     const Module::CallResult r = HSM_P11_CHECK(module, C_GetSlotInfo, slot, &info);
//     if (!r)
//         return r.error(); // Error::pkcs11("C_GetSlotInfo", rv)
//   Test r.rv first where some other value is not a failure (CKR_USER_ALREADY_LOGGED_IN,
//   CKR_BUFFER_TOO_SMALL, ...).
#define HSM_P11(module, fn, ...) (module).call(&CK_FUNCTION_LIST::fn, #fn, __VA_ARGS__)
#define HSM_P11_CHECK(module, fn, ...)                                                             \
    (::hsm::Module::CallResult{#fn, HSM_P11(module, fn, __VA_ARGS__)})
