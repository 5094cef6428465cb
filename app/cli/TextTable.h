#pragma once

#include <QList>
#include <QStringList>
#include <QTextStream>

namespace hsm::cli {

// Columns padded to their widest cell, for the CLI's text output.
class TextTable {
public:
    explicit TextTable(QStringList header)
        : m_header(std::move(header)) {}
    void addRow(QStringList cells) { m_rows.append(std::move(cells)); }
    void print(QTextStream &out) const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace hsm::cli
