// SPDX-License-Identifier: Apache-2.0
#include "app/cli/TextTable.h"

namespace hsm::cli {

QString TextTable::printable(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const QChar::Category category = c.category();
        if (category != QChar::Other_Control && category != QChar::Separator_Line &&
            category != QChar::Separator_Paragraph) {
            out += c;
        } else if (c == QLatin1Char('\n')) {
            out += QStringLiteral("\\n");
        } else if (c == QLatin1Char('\r')) {
            out += QStringLiteral("\\r");
        } else if (c == QLatin1Char('\t')) {
            out += QStringLiteral("\\t");
        } else if (c.unicode() < 0x100) {
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

QString TextTable::elide(const QString &text, qsizetype maxChars) {
    if (text.size() <= maxChars)
        return text;
    qsizetype keep = maxChars - 1;
    if (keep > 0 && text[keep - 1].isHighSurrogate())
        --keep; // never split a character in two
    return text.left(keep) + QChar(0x2026);
}

void TextTable::print(QTextStream &out) const {
    QList<qsizetype> widths(m_header.size(), 0);
    QList<QStringList> rows;
    rows.reserve(m_rows.size());
    for (const QStringList &row : m_rows) {
        QStringList shown;
        for (const QString &cell : row)
            shown << printable(cell);
        rows << shown;
    }
    auto measure = [&](const QStringList &row) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    };
    measure(m_header);
    for (const QStringList &row : rows)
        measure(row);
    auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            line += last ? row[i] : row[i].leftJustified(widths[i]) + QStringLiteral("  ");
        }
        out << line << '\n';
    };
    printRow(m_header);
    for (const QStringList &row : rows)
        printRow(row);
    out.flush();
}

} // namespace hsm::cli
