// SPDX-License-Identifier: Apache-2.0
#pragma once

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

} // namespace hsm::test
