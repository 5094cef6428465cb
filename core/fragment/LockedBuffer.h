// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

namespace hsm {

// Page-aligned memory of its own, locked into RAM (mlock) where the system permits and
// left out of core dumps, wiped (OPENSSL_cleanse) before it is released. For values kept
// for a long time, such as an hsm_wrap_hmac fragment's derived value.
class LockedBuffer {
public:
    explicit LockedBuffer(size_t size);
    ~LockedBuffer();
    LockedBuffer(const LockedBuffer &) = delete;
    LockedBuffer &operator=(const LockedBuffer &) = delete;

    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    size_t size() const { return m_size; }
    bool isValid() const { return m_data != nullptr; }
    // Whether mlock succeeded (it may not, e.g. under a low RLIMIT_MEMLOCK).
    bool isLocked() const { return m_locked; }
    void wipe();

private:
    unsigned char *m_data = nullptr;
    size_t m_size = 0;
    size_t m_mapped = 0;
    bool m_locked = false;
};

} // namespace hsm
