#pragma once

#include "pkcs11/Result.h"

#include <QList>
#include <QPair>
#include <QString>

namespace hsm {

// A docker-style env file: KEY=VALUE lines, blank lines and # comments, an optional
// "export " prefix, values optionally in single or double quotes, CRLF line ends. Errors
// name the line: a missing '=', an empty or malformed key, an unbalanced quote, a key
// set twice.
class EnvFile {
public:
    static Result<EnvFile> parse(const QByteArray &content, const QString &name);
    static Result<EnvFile> load(const QString &path);

    bool contains(const QString &key) const;
    QString value(const QString &key) const;
    const QList<QPair<QString, QString>> &entries() const { return m_entries; }

private:
    QList<QPair<QString, QString>> m_entries;
};

} // namespace hsm
