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

} // namespace hsm::test
