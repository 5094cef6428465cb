// SPDX-License-Identifier: Apache-2.0
// A minimal PKCS#11 module that refuses OS locking (CKR_CANT_LOCK), as some vendor
// libraries do, and leaves most of its function list empty.
#include <p11-kit/pkcs11.h>

#include <cstring>

namespace {

int g_initializeCalls = 0;
bool g_initialized = false;

CK_RV initialize(CK_VOID_PTR args) {
    ++g_initializeCalls;
    auto *a = static_cast<CK_C_INITIALIZE_ARGS *>(args);
    if (a && (a->flags & CKF_OS_LOCKING_OK))
        return CKR_CANT_LOCK;
    if (g_initialized)
        return CKR_CRYPTOKI_ALREADY_INITIALIZED;
    g_initialized = true;
    return CKR_OK;
}

CK_RV finalize(CK_VOID_PTR) {
    if (!g_initialized)
        return CKR_CRYPTOKI_NOT_INITIALIZED;
    g_initialized = false;
    return CKR_OK;
}

CK_RV getInfo(CK_INFO_PTR info) {
    std::memset(info, ' ', sizeof *info);
    info->cryptokiVersion = {2, 40};
    std::memcpy(info->manufacturerID, "HSM Admin tests", 15);
    std::memcpy(info->libraryDescription, "refuses OS locking", 18);
    info->libraryVersion = {1, 0};
    info->flags = 0;
    return CKR_OK;
}

CK_FUNCTION_LIST g_functions = [] {
    CK_FUNCTION_LIST f{};
    f.version = {2, 40};
    f.C_Initialize = initialize;
    f.C_Finalize = finalize;
    f.C_GetInfo = getInfo;
    return f;
}();

} // namespace

extern "C" CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
    *list = &g_functions;
    return CKR_OK;
}
