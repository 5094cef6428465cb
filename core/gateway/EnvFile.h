// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace hsm {

// An env file read exactly as `docker run --env-file` reads it, so that what HSM Admin
// checks is what the container gets: lines end in LF or CR LF; a leading UTF-8 byte order
// mark is dropped; leading whitespace is dropped; blank lines and lines starting with '#'
// are skipped; the name is everything before the first '=' and the value everything after
// it, taken literally (quotes, '#', trailing spaces and all; no `export`). A line holding
// only a name takes the value from the caller's environment, or sets nothing when that has
// none. Refused, naming the line and never a value: a name with whitespace (`export X=1`
// among them: docker refuses it too), an empty name, bytes that are not UTF-8, a carriage
// return that does not end a line (docker would read the next line into this value), and
// a name set twice (docker would silently take the last one).
class EnvFile {
public:
    static Result<EnvFile> parse(const QByteArray &content, const QString &name);
    // A regular file of at most kMaxFileSize.
    static Result<EnvFile> load(const QString &path);
    static constexpr qint64 kMaxFileSize = 1024 * 1024;

    // The line `key` is set or named on (1 for the first), 0 when it is not there.
    int line(const QString &key) const;
    // Whether a NAME=VALUE line sets `key`.
    bool contains(const QString &key) const;
    QString value(const QString &key) const;
    // The NAME=VALUE lines, in order.
    const QList<QPair<QString, QString>> &entries() const { return m_entries; }
    // The names on lines without '=', in order: docker takes their values from its caller.
    const QStringList &inherited() const { return m_inherited; }
    // `key` as the container gets it: its value, else (a line with only the name) the
    // caller's environment's; nothing when neither sets it.
    std::optional<QString> valueForContainer(const QString &key) const;

private:
    QList<QPair<QString, QString>> m_entries;
    QStringList m_inherited;
    QHash<QString, int> m_lines;
};

} // namespace hsm
