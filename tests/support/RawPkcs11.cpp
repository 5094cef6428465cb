// SPDX-License-Identifier: Apache-2.0
#include "tests/support/RawPkcs11.h"

#include <QFile>

#include <dlfcn.h>

namespace hsm::test {

RawPkcs11::RawPkcs11(const QString &path) {
    m_handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!m_handle)
        return;
    auto get = reinterpret_cast<CK_C_GetFunctionList>(dlsym(m_handle, "C_GetFunctionList"));
    if (!get || get(&m_functions) != CKR_OK)
        m_functions = nullptr;
}

RawPkcs11::~RawPkcs11() {
    if (m_handle)
        dlclose(m_handle);
}

namespace raw {

CK_OBJECT_HANDLE findObject(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session,
                            CK_OBJECT_CLASS objectClass, const QByteArray &label) {
    QByteArray text = label;
    CK_ATTRIBUTE match[] = {{CKA_CLASS, &objectClass, sizeof objectClass},
                            {CKA_LABEL, text.data(), static_cast<CK_ULONG>(text.size())}};
    if (f->C_FindObjectsInit(session, match, 2) != CKR_OK)
        return 0;
    CK_OBJECT_HANDLE found[2] = {0, 0};
    CK_ULONG count = 0;
    const CK_RV rv = f->C_FindObjects(session, found, 2, &count);
    f->C_FindObjectsFinal(session);
    return rv == CKR_OK && count == 1 ? found[0] : 0;
}

CK_RV countObjects(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session, CK_ULONG *count) {
    *count = 0;
    CK_RV rv = f->C_FindObjectsInit(session, nullptr, 0);
    if (rv != CKR_OK)
        return rv;
    CK_OBJECT_HANDLE batch[64];
    CK_ULONG got = 0;
    do {
        rv = f->C_FindObjects(session, batch, 64, &got);
        *count += got;
    } while (rv == CKR_OK && got > 0);
    f->C_FindObjectsFinal(session);
    return rv;
}

CK_RV boolAttribute(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object,
                    CK_ATTRIBUTE_TYPE type, bool *value) {
    CK_BBOOL flag = CK_FALSE;
    CK_ATTRIBUTE attribute{type, &flag, sizeof flag};
    const CK_RV rv = f->C_GetAttributeValue(session, object, &attribute, 1);
    *value = flag == CK_TRUE;
    return rv;
}

CK_RV encrypt(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session, CK_MECHANISM *mechanism,
              CK_OBJECT_HANDLE key, const QByteArray &in, QByteArray *out) {
    CK_RV rv = f->C_EncryptInit(session, mechanism, key);
    if (rv != CKR_OK)
        return rv;
    QByteArray input = in;
    auto data = reinterpret_cast<CK_BYTE_PTR>(input.data());
    CK_ULONG size = 0;
    rv = f->C_Encrypt(session, data, static_cast<CK_ULONG>(input.size()), nullptr, &size);
    if (rv != CKR_OK)
        return rv; // a failed C_Encrypt ends the operation
    out->resize(static_cast<qsizetype>(size));
    rv = f->C_Encrypt(session, data, static_cast<CK_ULONG>(input.size()),
                      reinterpret_cast<CK_BYTE_PTR>(out->data()), &size);
    out->resize(static_cast<qsizetype>(size));
    return rv;
}

CK_RV decrypt(CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session, CK_MECHANISM *mechanism,
              CK_OBJECT_HANDLE key, const QByteArray &in, QByteArray *out) {
    CK_RV rv = f->C_DecryptInit(session, mechanism, key);
    if (rv != CKR_OK)
        return rv;
    QByteArray input = in;
    auto data = reinterpret_cast<CK_BYTE_PTR>(input.data());
    CK_ULONG size = 0;
    rv = f->C_Decrypt(session, data, static_cast<CK_ULONG>(input.size()), nullptr, &size);
    if (rv != CKR_OK)
        return rv;
    out->resize(static_cast<qsizetype>(size));
    rv = f->C_Decrypt(session, data, static_cast<CK_ULONG>(input.size()),
                      reinterpret_cast<CK_BYTE_PTR>(out->data()), &size);
    out->resize(static_cast<qsizetype>(size));
    return rv;
}

} // namespace raw
} // namespace hsm::test
