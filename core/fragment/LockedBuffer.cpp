// SPDX-License-Identifier: Apache-2.0
#include "core/fragment/LockedBuffer.h"

#include <openssl/crypto.h>

#include <sys/mman.h>
#include <unistd.h>

namespace hsm {

LockedBuffer::LockedBuffer(size_t size)
    : m_size(size) {
    const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    m_mapped = ((size + page - 1) / page) * page;
    if (m_mapped == 0)
        m_mapped = page;
    void *p = mmap(nullptr, m_mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        m_size = 0;
        return;
    }
    m_data = static_cast<unsigned char *>(p);
    m_locked = mlock(p, m_mapped) == 0;
#ifdef MADV_DONTDUMP
    madvise(p, m_mapped, MADV_DONTDUMP);
#endif
}

void LockedBuffer::wipe() {
    if (m_data)
        OPENSSL_cleanse(m_data, m_mapped);
}

LockedBuffer::~LockedBuffer() {
    if (!m_data)
        return;
    wipe();
    if (m_locked)
        munlock(m_data, m_mapped);
    munmap(m_data, m_mapped);
}

} // namespace hsm
