// SPDX-License-Identifier: Apache-2.0
#include "core/gateway/EnvFile.h"

#include "core/files/InputFile.h"

#include <QHash>
#include <QRegularExpression>

namespace hsm {
namespace {

Error lineError(const QString &name, int line, const QString &what) {
    return Error::make(Error::Kind::Input,
                       QStringLiteral("%1, line %2: %3").arg(name).arg(line).arg(what));
}

} // namespace

Result<EnvFile> EnvFile::parse(const QByteArray &content, const QString &name) {
    static const QRegularExpression keyFormat(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    EnvFile out;
    QHash<QString, int> &firstLine = out.m_lines;
    // Editors on Windows write a byte order mark before the first key.
    const QByteArray text = content.startsWith("\xEF\xBB\xBF") ? content.mid(3) : content;
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        QString line = QString::fromUtf8(lines[i]);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        QString rest = trimmed;
        if (rest.startsWith(QLatin1String("export ")))
            rest = rest.mid(7).trimmed();
        const qsizetype eq = rest.indexOf(QLatin1Char('='));
        if (eq < 0)
            return lineError(name, number, QStringLiteral("expected KEY=VALUE, found no '='."));
        const QString key = rest.left(eq).trimmed();
        if (!keyFormat.match(key).hasMatch())
            return lineError(name, number, QStringLiteral("'%1' is not a variable name.").arg(key));
        QString value = rest.mid(eq + 1);
        if (!value.isEmpty() &&
            (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))) {
            const QChar quote = value.front();
            QString unquoted;
            bool closed = false;
            qsizetype j = 1;
            for (; j < value.size(); ++j) {
                const QChar c = value[j];
                if (c == quote) {
                    closed = true;
                    break;
                }
                // Double quotes allow \" and \\ inside, as shells and compose do.
                if (quote == QLatin1Char('"') && c == QLatin1Char('\\') && j + 1 < value.size() &&
                    (value[j + 1] == QLatin1Char('"') || value[j + 1] == QLatin1Char('\\'))) {
                    unquoted += value[++j];
                    continue;
                }
                unquoted += c;
            }
            if (!closed)
                return lineError(name, number,
                                 QStringLiteral("the value of %1 opens a %2 quote that is never "
                                                "closed.")
                                     .arg(key, quote == QLatin1Char('"')
                                                   ? QStringLiteral("double")
                                                   : QStringLiteral("single")));
            const QString after = value.mid(j + 1).trimmed();
            if (!after.isEmpty() && !after.startsWith(QLatin1Char('#')))
                return lineError(
                    name, number,
                    QStringLiteral("unexpected text after the quoted value of %1.").arg(key));
            value = unquoted;
        }
        if (firstLine.contains(key))
            return lineError(
                name, number,
                QStringLiteral("%1 is set again (first on line %2); docker would silently use "
                               "the last one, so keep only the one you mean.")
                    .arg(key)
                    .arg(firstLine.value(key)));
        firstLine.insert(key, number);
        out.m_entries.append({key, value});
    }
    return out;
}

Result<EnvFile> EnvFile::load(const QString &path) {
    const Result<QByteArray> content =
        inputFile::read(path, kMaxFileSize, QStringLiteral("an env file"));
    if (!content)
        return content.error();
    return parse(content.value(), path);
}

int EnvFile::line(const QString &key) const {
    return m_lines.value(key, 0);
}

bool EnvFile::contains(const QString &key) const {
    for (const auto &e : m_entries) {
        if (e.first == key)
            return true;
    }
    return false;
}

QString EnvFile::value(const QString &key) const {
    for (const auto &e : m_entries) {
        if (e.first == key)
            return e.second;
    }
    return QString();
}

} // namespace hsm
