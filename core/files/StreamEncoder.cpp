// SPDX-License-Identifier: Apache-2.0
#include "core/files/StreamEncoder.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>

namespace hsm {

bool StreamEncoder::parse(const QString &name, Encoding *encoding) {
    if (name == QLatin1String("raw"))
        *encoding = Encoding::Raw;
    else if (name == QLatin1String("hex"))
        *encoding = Encoding::Hex;
    else if (name == QLatin1String("base64"))
        *encoding = Encoding::Base64;
    else
        return false;
    return true;
}

void StreamEncoder::wipe() {
    if (!m_text.isEmpty())
        OPENSSL_cleanse(m_text.data(), static_cast<size_t>(m_text.size()));
    m_text.resize(0);
}

QByteArrayView StreamEncoder::add(const unsigned char *data, size_t size) {
    switch (m_encoding) {
    case Encoding::Raw:
        return QByteArrayView(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    case Encoding::Hex: {
        wipe();
        m_text = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                         static_cast<qsizetype>(size))
                     .toHex();
        return m_text;
    }
    case Encoding::Base64:
        break;
    }
    wipe();
    // Whole groups of three bytes only; EVP_EncodeBlock writes no line breaks and a NUL.
    size_t used = 0;
    const size_t groups = (m_carried + size) / 3;
    m_text.resize(static_cast<qsizetype>(groups * 4 + 1));
    unsigned char *text = reinterpret_cast<unsigned char *>(m_text.data());
    size_t written = 0;
    if (m_carried > 0 && m_carried + size >= 3) {
        unsigned char group[3] = {m_carry[0], m_carry[1], 0};
        used = 3 - m_carried;
        for (size_t i = 0; i < used; ++i)
            group[m_carried + i] = data[i];
        written += static_cast<size_t>(EVP_EncodeBlock(text, group, 3));
        OPENSSL_cleanse(group, sizeof group);
        OPENSSL_cleanse(m_carry, sizeof m_carry);
        m_carried = 0;
    }
    if (m_carried == 0) {
        // EVP_EncodeBlock counts in int: long blocks go in pieces of whole groups.
        constexpr size_t kPiece = size_t(3) << 28;
        for (size_t whole = (size - used) / 3 * 3; whole > 0;) {
            const size_t piece = std::min(whole, kPiece);
            written += static_cast<size_t>(
                EVP_EncodeBlock(text + written, data + used, static_cast<int>(piece)));
            used += piece;
            whole -= piece;
        }
    }
    for (; used < size; ++used)
        m_carry[m_carried++] = data[used];
    m_text.resize(static_cast<qsizetype>(written));
    return m_text;
}

QByteArrayView StreamEncoder::finish() {
    if (m_encoding == Encoding::Raw)
        return {};
    wipe();
    if (m_encoding == Encoding::Base64 && m_carried > 0) {
        m_text.resize(5);
        const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(m_text.data()), m_carry,
                                      static_cast<int>(m_carried));
        m_text.resize(n);
        OPENSSL_cleanse(m_carry, sizeof m_carry);
        m_carried = 0;
    }
    m_text.append('\n');
    return m_text;
}

} // namespace hsm
