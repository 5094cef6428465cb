// SPDX-License-Identifier: Apache-2.0
#include "core/base/Placeholders.h"

namespace hsm::placeholders {
namespace {

bool isLetter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isWordChar(char32_t c) {
    return isLetter(c) || (c >= '0' && c <= '9');
}
bool isJoiner(char32_t c) {
    return c == ' ' || c == '-' || c == '_';
}
bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The length of the placeholder that starts at `from`, 0 when none does. `at(i)` gives
// the i-th character; one rule for text and for the bytes of a secret.
template <typename At> qsizetype placeholderAt(At at, qsizetype size, qsizetype from) {
    if (from >= size || at(from) != '<')
        return 0;
    bool letter = false;
    bool afterJoiner = true; // a word must follow '<' and every joiner
    for (qsizetype i = from + 1; i < size; ++i) {
        const char32_t c = at(i);
        if (c == '>')
            return afterJoiner || !letter ? 0 : i - from + 1;
        if (isWordChar(c)) {
            letter = letter || isLetter(c);
            afterJoiner = false;
        } else if (isJoiner(c) && !afterJoiner) {
            afterJoiner = true;
        } else {
            return 0;
        }
    }
    return 0;
}

template <typename At> bool wholeIsPlaceholder(At at, qsizetype size) {
    qsizetype begin = 0;
    qsizetype end = size;
    while (begin < end && isSpace(at(begin)))
        ++begin;
    while (end > begin && isSpace(at(end - 1)))
        --end;
    auto shifted = [&](qsizetype i) {
        return at(begin + i);
    };
    const qsizetype length = end - begin;
    return length > 0 && placeholderAt(shifted, length, 0) == length;
}

} // namespace

bool isPlaceholder(QStringView text) {
    return wholeIsPlaceholder([text](qsizetype i) { return char32_t(text[i].unicode()); },
                              text.size());
}

bool isPlaceholder(const SecretBytes &secret) {
    // Read in place: the secret is never copied out of its wiped buffer.
    const unsigned char *bytes = secret.data();
    return wholeIsPlaceholder([bytes](qsizetype i) { return char32_t(bytes[i]); },
                              static_cast<qsizetype>(secret.size()));
}

QStringList findIn(QStringView text) {
    QStringList found;
    auto at = [text](qsizetype i) {
        return char32_t(text[i].unicode());
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype length = placeholderAt(at, text.size(), i);
        if (length == 0)
            continue;
        const QString p = text.mid(i, length).toString();
        if (!found.contains(p))
            found << p;
        i += length - 1;
    }
    return found;
}

} // namespace hsm::placeholders
