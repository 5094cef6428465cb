// SPDX-License-Identifier: Apache-2.0
#include "core/pkcs11/Session.h"

namespace hsm {

Session::Session(Module &module, CK_SLOT_ID slot, CK_SESSION_HANDLE handle, bool owned)
    : m_module(&module)
    , m_slot(slot)
    , m_handle(handle)
    , m_owned(owned) {}

Session::Session(Session &&other) noexcept
    : m_module(other.m_module)
    , m_slot(other.m_slot)
    , m_handle(other.m_handle)
    , m_owned(other.m_owned) {
    other.m_handle = CK_INVALID_HANDLE;
}

Session &Session::operator=(Session &&other) noexcept {
    if (this != &other) {
        close();
        m_module = other.m_module;
        m_slot = other.m_slot;
        m_handle = other.m_handle;
        m_owned = other.m_owned;
        other.m_handle = CK_INVALID_HANDLE;
    }
    return *this;
}

Session::~Session() {
    close();
}

void Session::close() {
    if (m_owned && m_handle != CK_INVALID_HANDLE && m_module)
        HSM_P11(*m_module, C_CloseSession, m_handle);
    m_handle = CK_INVALID_HANDLE;
}

Result<Session> Session::open(Module &module, CK_SLOT_ID slot, bool readWrite) {
    CK_SESSION_HANDLE handle = CK_INVALID_HANDLE;
    const CK_FLAGS flags = CKF_SERIAL_SESSION | (readWrite ? CKF_RW_SESSION : 0);
    const Module::CallResult opened =
        HSM_P11_CHECK(module, C_OpenSession, slot, flags, static_cast<CK_VOID_PTR>(nullptr),
                      static_cast<CK_NOTIFY>(nullptr), &handle);
    if (!opened)
        return opened.error();
    return Session(module, slot, handle, true);
}

Result<Session> Session::shared(Module &module, CK_SLOT_ID slot) {
    Result<CK_SESSION_HANDLE> handle = module.tokenSession(slot);
    if (!handle)
        return handle.error();
    return Session(module, slot, handle.value(), false);
}

Status Session::login(CK_USER_TYPE user, SecretBytes pin) {
    const Module::CallResult loggedIn =
        HSM_P11_CHECK(*m_module, C_Login, m_handle, user, pin.isAbsent() ? nullptr : pin.data(),
                      static_cast<CK_ULONG>(pin.size()));
    pin.clear();
    if (!loggedIn && loggedIn.rv != CKR_USER_ALREADY_LOGGED_IN)
        return loggedIn.error();
    return Done{};
}

void Session::logout() {
    HSM_P11(*m_module, C_Logout, m_handle);
}

Result<QList<CK_OBJECT_HANDLE>> Session::find(CK_ATTRIBUTE *attributes, CK_ULONG count) {
    Module::CallResult searched =
        HSM_P11_CHECK(*m_module, C_FindObjectsInit, m_handle, attributes, count);
    if (!searched)
        return searched.error();
    QList<CK_OBJECT_HANDLE> found;
    constexpr CK_ULONG kBatch = 1024;
    CK_OBJECT_HANDLE batch[kBatch];
    for (;;) {
        CK_ULONG n = 0;
        searched = HSM_P11_CHECK(*m_module, C_FindObjects, m_handle, batch, kBatch, &n);
        if (!searched)
            break;
        // Only an empty batch means the end: modules may return short batches early.
        if (n == 0)
            break;
        found.append(QList<CK_OBJECT_HANDLE>(batch, batch + n));
    }
    const Module::CallResult ended = HSM_P11_CHECK(*m_module, C_FindObjectsFinal, m_handle);
    if (!searched)
        return searched.error();
    if (!ended)
        return ended.error();
    return found;
}

} // namespace hsm
