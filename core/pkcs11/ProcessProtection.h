// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace hsm {

// What protectProcess() managed to set; each can be refused by the system.
struct ProcessProtection {
    bool notDumpable = false; // prctl(PR_SET_DUMPABLE, 0): no core dump, no ptrace by peers
    bool noCoreFiles = false; // RLIMIT_CORE 0
    bool secureHeap = false;  // OpenSSL's secure heap (mlock'd, left out of dumps) is in use
};

// Keeps PINs and derived values out of core dumps and swap for the rest of the process's
// life. Called first thing by both applications, since either may hold a PIN at any time.
// SecretBytes are allocated from OpenSSL's secure heap when it is available and from the
// ordinary heap (still wiped) when it is not or is full.
ProcessProtection protectProcess();

} // namespace hsm
