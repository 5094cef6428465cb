// A PKCS#11 module that forwards everything to SoftHSM but can misbehave in its random
// number generator, configured through the environment:
//   HSM_TEST_RNG_CAP=N        C_GenerateRandom answers CKR_DATA_LEN_RANGE above N bytes
//   HSM_TEST_RNG_CONSTANT=1   C_GenerateRandom returns only 0x42 bytes
//   HSM_TEST_NO_RNG=1         C_GetTokenInfo clears CKF_RNG
#include <p11-kit/pkcs11.h>

#include <cstdlib>
#include <cstring>
#include <dlfcn.h>

namespace {

CK_FUNCTION_LIST g_functions;
CK_FUNCTION_LIST_PTR g_real = nullptr;

CK_RV generateRandom(CK_SESSION_HANDLE session, CK_BYTE_PTR out, CK_ULONG length) {
    if (const char *cap = std::getenv("HSM_TEST_RNG_CAP");
        cap && length > std::strtoul(cap, nullptr, 10))
        return CKR_DATA_LEN_RANGE;
    const CK_RV rv = g_real->C_GenerateRandom(session, out, length);
    if (rv == CKR_OK && std::getenv("HSM_TEST_RNG_CONSTANT"))
        std::memset(out, 0x42, length);
    return rv;
}

CK_RV getTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info) {
    const CK_RV rv = g_real->C_GetTokenInfo(slot, info);
    if (rv == CKR_OK && std::getenv("HSM_TEST_NO_RNG"))
        info->flags &= ~static_cast<CK_FLAGS>(CKF_RNG);
    return rv;
}

} // namespace

extern "C" CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
    if (!g_real) {
        void *softhsm = dlopen(HSM_ADMIN_SOFTHSM_PATH, RTLD_NOW | RTLD_LOCAL);
        auto get = softhsm
                       ? reinterpret_cast<CK_C_GetFunctionList>(dlsym(softhsm, "C_GetFunctionList"))
                       : nullptr;
        if (!get || get(&g_real) != CKR_OK)
            return CKR_GENERAL_ERROR;
        g_functions = *g_real;
        g_functions.C_GenerateRandom = generateRandom;
        g_functions.C_GetTokenInfo = getTokenInfo;
    }
    *list = &g_functions;
    return CKR_OK;
}
