// SPDX-License-Identifier: Apache-2.0
#include "core/pkcs11/ProcessProtection.h"

#include <openssl/crypto.h>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace hsm {
namespace {

// Room for PINs, seeds and derived values; larger secrets (random output) fall back to
// the ordinary heap. A power of two, as CRYPTO_secure_malloc_init requires.
constexpr size_t kSecureHeapBytes = 256 * 1024;
constexpr size_t kSecureHeapMinimum = 16;

} // namespace

ProcessProtection protectProcess() {
    ProcessProtection p;
    p.notDumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    const rlimit none{0, 0};
    p.noCoreFiles = setrlimit(RLIMIT_CORE, &none) == 0;
    p.secureHeap = CRYPTO_secure_malloc_initialized() ||
                   CRYPTO_secure_malloc_init(kSecureHeapBytes, kSecureHeapMinimum) != 0;
    return p;
}

} // namespace hsm
