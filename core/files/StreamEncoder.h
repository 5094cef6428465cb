// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>

namespace hsm {

// Turns a byte stream into raw, hex or base64 text block by block, giving exactly the text
// the whole stream would have encoded to at once (one line, ending in a newline, for hex
// and base64). Base64 carries the one or two bytes a block leaves over to the next. The
// text may be secret: the encoder wipes what it held before reusing or freeing it.
class StreamEncoder {
public:
    enum class Encoding { Raw, Hex, Base64 };
    // "raw", "hex", "base64".
    static bool parse(const QString &name, Encoding *encoding);

    explicit StreamEncoder(Encoding encoding)
        : m_encoding(encoding) {}
    StreamEncoder(const StreamEncoder &) = delete;
    StreamEncoder &operator=(const StreamEncoder &) = delete;
    ~StreamEncoder() { wipe(); }

    // The text for `size` more bytes; valid until the next call. Raw gives `data` itself.
    QByteArrayView add(const unsigned char *data, size_t size);
    // The end of the text: base64's last group with its padding and the newline (nothing
    // for raw).
    QByteArrayView finish();

private:
    void wipe();

    Encoding m_encoding;
    unsigned char m_carry[2] = {};
    size_t m_carried = 0;
    QByteArray m_text;
};

} // namespace hsm
