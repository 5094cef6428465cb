// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/SecretBytes.h"
#include "core/pkcs11/Module.h"

#include <QList>

namespace hsm {

// An open PKCS#11 session, closed when this goes out of scope. Lives on the worker.
class Session {
public:
    static Result<Session> open(Module &module, CK_SLOT_ID slot, bool readWrite);
    // The module's long-lived session on `slot` (see Module::tokenSession), not closed
    // when this object goes away, so that a login lasts from one request to the next.
    static Result<Session> shared(Module &module, CK_SLOT_ID slot);
    Session(Session &&other) noexcept;
    Session &operator=(Session &&other) noexcept;
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;
    ~Session();

    CK_SESSION_HANDLE handle() const { return m_handle; }
    CK_SLOT_ID slot() const { return m_slot; }
    Module &module() const { return *m_module; }

    // Logs in; the PIN is wiped when `pin` goes out of scope, right after C_Login. An
    // absent PIN logs in on the token's PIN pad. CKR_USER_ALREADY_LOGGED_IN is success.
    Status login(CK_USER_TYPE user, SecretBytes pin);
    void logout();

    // Handles of objects matching `attributes`, found in batches.
    Result<QList<CK_OBJECT_HANDLE>> find(CK_ATTRIBUTE *attributes, CK_ULONG count);

private:
    Session(Module &module, CK_SLOT_ID slot, CK_SESSION_HANDLE handle, bool owned);
    void close();

    Module *m_module = nullptr;
    CK_SLOT_ID m_slot = 0;
    CK_SESSION_HANDLE m_handle = CK_INVALID_HANDLE;
    bool m_owned = true;
};

} // namespace hsm
