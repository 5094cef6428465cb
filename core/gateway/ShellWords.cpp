// SPDX-License-Identifier: Apache-2.0
#include "core/gateway/ShellWords.h"

#include <QRegularExpression>

namespace hsm::shellWords {
namespace {

Error inputError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

} // namespace

Result<QStringList> split(const QString &text, QList<int> *lines) {
    // CRLF line ends read exactly as LF, inside quotes too.
    QString command = text;
    command.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QStringList words;
    QString word;
    bool inWord = false;
    int wordLine = 1; // where the current word began
    // The line of the character at `pos`; positions only ever move forward.
    int line = 1;
    qsizetype counted = 0;
    auto lineAt = [&](qsizetype pos) {
        for (; counted < pos; ++counted) {
            if (command[counted] == QLatin1Char('\n'))
                ++line;
        }
        return line;
    };
    const qsizetype n = command.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = command[i];
        if (!inWord)
            wordLine = lineAt(i);
        if (c == QLatin1Char('\\')) {
            if (i + 1 < n && command[i + 1] == QLatin1Char('\r') && i + 2 < n &&
                command[i + 2] == QLatin1Char('\n')) {
                i += 2; // continuation with CRLF
                continue;
            }
            if (i + 1 < n && command[i + 1] == QLatin1Char('\n')) {
                ++i; // continuation
                continue;
            }
            if (i + 1 < n) {
                word += command[++i];
                inWord = true;
            }
            continue;
        }
        if (c == QLatin1Char('\'')) {
            const qsizetype end = command.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return inputError(
                    QStringLiteral("The single quote opened on line %1 is never closed.")
                        .arg(lineAt(i)));
            word += command.mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
            continue;
        }
        if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            bool closed = false;
            for (; j < n; ++j) {
                const QChar d = command[j];
                if (d == QLatin1Char('"')) {
                    closed = true;
                    break;
                }
                if (d == QLatin1Char('\\') && j + 1 < n) {
                    const QChar e = command[j + 1];
                    if (e == QLatin1Char('\n')) {
                        ++j;
                        continue;
                    }
                    if (e == QLatin1Char('$') || e == QLatin1Char('`') || e == QLatin1Char('"') ||
                        e == QLatin1Char('\\')) {
                        word += e;
                        ++j;
                        continue;
                    }
                }
                word += d;
            }
            if (!closed)
                return inputError(
                    QStringLiteral("The double quote opened on line %1 is never closed.")
                        .arg(lineAt(i)));
            inWord = true;
            i = j;
            continue;
        }
        if (c == QLatin1Char('#') && !inWord) {
            const qsizetype end = command.indexOf(QLatin1Char('\n'), i);
            i = end < 0 ? n : end;
            continue;
        }
        if (c.isSpace()) {
            if (inWord) {
                words << word;
                if (lines)
                    lines->append(wordLine);
            }
            word.clear();
            inWord = false;
            continue;
        }
        word += c;
        inWord = true;
    }
    if (inWord) {
        words << word;
        if (lines)
            lines->append(wordLine);
    }
    return words;
}

QString quote(const QString &value) {
    // \z, not $: $ also matches before a final newline, which would go out unquoted and
    // end the command there.
    static const QRegularExpression plain(QStringLiteral("\\A[A-Za-z0-9_@%+=:,./-]+\\z"));
    if (plain.match(value).hasMatch())
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    // split() reads CR LF as LF; an empty '' between them keeps both, in any shell.
    quoted.replace(QStringLiteral("\r\n"), QStringLiteral("\r''\n"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace hsm::shellWords
