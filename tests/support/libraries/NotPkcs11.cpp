// SPDX-License-Identifier: Apache-2.0
// A real shared library that is not a PKCS#11 module: it has no C_GetFunctionList.
extern "C" int hsm_admin_not_pkcs11() {
    return 42;
}
