// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace hsm {

// Allocates from OpenSSL's secure heap (see protectProcess()) and wipes on release.
template <typename T> struct SecureAllocator {
    using value_type = T;
    SecureAllocator() = default;
    template <typename U> SecureAllocator(const SecureAllocator<U> &) noexcept {}
    T *allocate(std::size_t n);
    void deallocate(T *p, std::size_t n) noexcept;
    // allocate() hands out zeroed memory and every byte given back was wiped to zero, so
    // value-initializing again would be a second pass over what may be megabytes.
    template <typename U> void construct(U *) noexcept {
        static_assert(std::is_trivially_default_constructible_v<U>);
    }
    template <typename U, typename... Args> void construct(U *p, Args &&...args) {
        ::new (static_cast<void *>(p)) U(std::forward<Args>(args)...);
    }
    friend bool operator==(const SecureAllocator &, const SecureAllocator &) { return true; }
    friend bool operator!=(const SecureAllocator &, const SecureAllocator &) { return false; }
};

// A PIN or other secret: move-only, never implicitly shared, wiped with OPENSSL_cleanse
// when it is cleared or destroyed. "Absent" (no PIN at all) differs from empty: it asks a
// token with a PIN pad to use it.
class SecretBytes {
public:
    SecretBytes() = default;
    // Copies `text` as UTF-8 and wipes the temporary copy; the caller wipes `text`.
    static SecretBytes fromString(const QString &text);
    // Takes the bytes and wipes `bytes` (which must not be shared).
    static SecretBytes take(QByteArray &bytes);
    static SecretBytes fromRaw(const char *data, size_t size);
    // `size` zero bytes, to be filled in place (random output, derived values).
    static SecretBytes zeroed(size_t size);

    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    ~SecretBytes() { clear(); }

    bool isAbsent() const { return !m_present; }
    size_t size() const { return m_bytes.size(); }
    unsigned char *data() { return m_bytes.data(); }
    const unsigned char *data() const { return m_bytes.data(); }
    void clear();

private:
    std::vector<unsigned char, SecureAllocator<unsigned char>> m_bytes;
    bool m_present = false;
};

} // namespace hsm
