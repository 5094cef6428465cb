// SPDX-License-Identifier: Apache-2.0
#include "core/token/Labels.h"

namespace hsm::labels {
namespace {

Error inputError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

QString characterName(char32_t c) {
    switch (c) {
    case 0x00:
        return QStringLiteral("a NUL character");
    case 0x09:
        return QStringLiteral("a tab");
    case 0x0a:
        return QStringLiteral("a line feed");
    case 0x0d:
        return QStringLiteral("a carriage return");
    case 0x1b:
        return QStringLiteral("an escape character");
    case 0x2028:
        return QStringLiteral("a line separator");
    case 0x2029:
        return QStringLiteral("a paragraph separator");
    default:
        return QStringLiteral("a control character");
    }
}

} // namespace

QString firstControlCharacter(const QString &text) {
    qsizetype position = 0; // in characters, not UTF-16 units
    for (qsizetype i = 0; i < text.size(); ++i, ++position) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            return QStringLiteral("%1 (U+%2) at character %3")
                .arg(characterName(c),
                     QString::number(static_cast<uint>(c), 16).toUpper().rightJustified(4, u'0'))
                .arg(position + 1);
    }
    return QString();
}

Status requireOneLine(const QString &text, const QString &what) {
    const QString found = firstControlCharacter(text);
    if (found.isEmpty())
        return Done{};
    return inputError(
        QStringLiteral("%1 contains %2; it must be one line of printable text.").arg(what, found));
}

} // namespace hsm::labels
