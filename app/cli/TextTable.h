// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QStringList>
#include <QTextStream>

namespace hsm::cli {

// Columns padded to their widest cell, for the CLI's text output. Every cell is shown
// printable(): text from an HSM or a file cannot break a row or send escape sequences to
// the terminal.
class TextTable {
public:
    explicit TextTable(QStringList header)
        : m_header(std::move(header)) {}
    void addRow(QStringList cells) { m_rows.append(std::move(cells)); }
    void print(QTextStream &out) const;

    // Control characters and line or paragraph separators as visible escapes ("\n",
    // "\t", "\x1b", "\u2028"); everything else as it is.
    static QString printable(const QString &text);
    // At most `maxChars` characters: longer text ends in "…" (JSON output stays complete).
    static QString elide(const QString &text, qsizetype maxChars = kMaxCell);
    static constexpr qsizetype kMaxCell = 64;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace hsm::cli
