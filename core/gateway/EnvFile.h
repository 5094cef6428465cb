// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace hsm {

// A docker-style env file: KEY=VALUE lines, blank lines and # comments, an optional
// "export " prefix, values optionally in single or double quotes, CRLF line ends (read
// exactly as LF) and a leading UTF-8 byte order mark. Errors name the line: a missing '=',
// an empty or malformed key, an unbalanced quote, a key set twice (refused, naming both
// lines: docker would silently take the last one).
class EnvFile {
public:
    static Result<EnvFile> parse(const QByteArray &content, const QString &name);
    // A regular file of at most kMaxFileSize.
    static Result<EnvFile> load(const QString &path);
    static constexpr qint64 kMaxFileSize = 1024 * 1024;

    // The line `key` is set on (1 for the first), 0 when it is not set.
    int line(const QString &key) const;
    bool contains(const QString &key) const;
    QString value(const QString &key) const;
    const QList<QPair<QString, QString>> &entries() const { return m_entries; }

private:
    QList<QPair<QString, QString>> m_entries;
    QHash<QString, int> m_lines;
};

} // namespace hsm
