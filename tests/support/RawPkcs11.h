// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <p11-kit/pkcs11.h>

namespace hsm::test {

// A bare dlopen() of a PKCS#11 library, independent of the core, for fixtures and for
// tests that need a second user of the same library in the process.
class RawPkcs11 {
public:
    explicit RawPkcs11(const QString &path);
    ~RawPkcs11();
    RawPkcs11(const RawPkcs11 &) = delete;
    RawPkcs11 &operator=(const RawPkcs11 &) = delete;

    bool isLoaded() const { return m_functions != nullptr; }
    CK_FUNCTION_LIST *f() const { return m_functions; }

private:
    void *m_handle = nullptr;
    CK_FUNCTION_LIST *m_functions = nullptr;
};

// Bare calls that tests repeat, in a session the caller opened.
namespace raw {

// The one object of `objectClass` labelled `label`; 0 when there is none or more than one.
CK_OBJECT_HANDLE findObject(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session,
                            CK_OBJECT_CLASS objectClass, const QByteArray &label);
// How many objects the session sees.
CK_RV countObjects(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session, CK_ULONG *count);
// A CK_BBOOL attribute of an object.
CK_RV boolAttribute(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object,
                    CK_ATTRIBUTE_TYPE type, bool *value);
// Single-part C_Encrypt / C_Decrypt of `in` with the length asked first.
CK_RV encrypt(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session, CK_MECHANISM *mechanism,
              CK_OBJECT_HANDLE key, const QByteArray &in, QByteArray *out);
CK_RV decrypt(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session, CK_MECHANISM *mechanism,
              CK_OBJECT_HANDLE key, const QByteArray &in, QByteArray *out);

} // namespace raw
} // namespace hsm::test
