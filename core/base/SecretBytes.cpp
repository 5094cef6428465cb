// SPDX-License-Identifier: Apache-2.0
#include "core/base/SecretBytes.h"

#include <openssl/crypto.h>
#include <openssl/err.h>

#include <cstring>
#include <new>

namespace hsm {

namespace {
// Bigger secrets (random output by the MiB) would only exhaust the small secure heap.
constexpr std::size_t kSecureHeapLargest = 16 * 1024;
} // namespace

template <> unsigned char *SecureAllocator<unsigned char>::allocate(std::size_t n) {
    void *p = nullptr;
    if (n <= kSecureHeapLargest) {
        // A full secure heap is not an error for us: fall back to the ordinary heap without
        // leaving an entry on OpenSSL's error queue.
        ERR_set_mark();
        p = OPENSSL_secure_zalloc(n);
        ERR_pop_to_mark();
    }
    if (!p)
        p = OPENSSL_zalloc(n);
    if (!p)
        throw std::bad_alloc();
    return static_cast<unsigned char *>(p);
}

template <>
void SecureAllocator<unsigned char>::deallocate(unsigned char *p, std::size_t n) noexcept {
    if (CRYPTO_secure_allocated(p))
        OPENSSL_secure_clear_free(p, n);
    else
        OPENSSL_clear_free(p, n);
}

SecretBytes SecretBytes::fromRaw(const char *data, size_t size) {
    SecretBytes s = zeroed(size);
    // One memcpy: with an allocator of our own, vector::assign copies byte by byte.
    if (size > 0)
        std::memcpy(s.m_bytes.data(), data, size);
    return s;
}

SecretBytes SecretBytes::zeroed(size_t size) {
    SecretBytes s;
    s.m_present = true;
    s.m_bytes.resize(size);
    return s;
}

SecretBytes SecretBytes::take(QByteArray &bytes) {
    SecretBytes s = fromRaw(bytes.constData(), static_cast<size_t>(bytes.size()));
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
    return s;
}

SecretBytes SecretBytes::fromString(const QString &text) {
    QByteArray utf8 = text.toUtf8();
    return take(utf8);
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
    , m_present(other.m_present) {
    other.m_bytes.clear();
    other.m_present = false;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept {
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        m_present = other.m_present;
        other.m_bytes.clear();
        other.m_present = false;
    }
    return *this;
}

void SecretBytes::clear() {
    if (!m_bytes.empty())
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    m_bytes.clear();
    m_present = false;
}

} // namespace hsm
