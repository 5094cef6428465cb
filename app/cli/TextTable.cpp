#include "TextTable.h"

namespace hsm::cli {

void TextTable::print(QTextStream &out) const {
    QList<qsizetype> widths(m_header.size(), 0);
    auto measure = [&](const QStringList &row) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    };
    measure(m_header);
    for (const QStringList &row : m_rows)
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
    for (const QStringList &row : m_rows)
        printRow(row);
    out.flush();
}

} // namespace hsm::cli
