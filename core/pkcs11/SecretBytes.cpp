#include "pkcs11/SecretBytes.h"

#include <openssl/crypto.h>

#include <cstring>

namespace hsm {

SecretBytes SecretBytes::fromRaw(const char *data, size_t size) {
    SecretBytes s;
    s.m_present = true;
    s.m_bytes.assign(reinterpret_cast<const unsigned char *>(data),
                     reinterpret_cast<const unsigned char *>(data) + size);
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
