// SPDX-License-Identifier: Apache-2.0
// Linked by NeedsAbsent, then not found at run time.
extern "C" int hsm_admin_absent_dependency() {
    return 7;
}
