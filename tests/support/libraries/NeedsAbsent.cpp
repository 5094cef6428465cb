// SPDX-License-Identifier: Apache-2.0
// A library whose dependency (libhsmadmin_absent.so) cannot be found when it is loaded.
extern "C" int hsm_admin_absent_dependency();
extern "C" int C_GetFunctionList(void *) {
    return hsm_admin_absent_dependency();
}
