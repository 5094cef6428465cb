// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"

#include <QSaveFile>
#include <QString>

namespace hsm {

// A file the tool writes (customer_fragments.json and its .bak, random bytes, deployment
// files). The target is checked before anything is written, and replaced atomically
// (QSaveFile): a full disk, a missing folder or any other failure leaves the previous file
// byte for byte and no temporary file behind.
//
// A symbolic link is refused, not followed to replace its target. Anything else that
// exists and is not a regular file (a folder, a device such as /dev/full, a named pipe, a
// socket) is refused too: QSaveFile alone would rename a regular file over it.
//
// QSaveFile writes a new file (a new inode) and renames it over the old one, so the old
// file's owner, group and mode are lost unless keepAttributesOf() asks to restore them.
class OutputFile {
public:
    explicit OutputFile(QString path,
                        QFileDevice::Permissions permissions = QFileDevice::ReadOwner |
                                                               QFileDevice::WriteOwner);
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    // Why `path` cannot be written, as one sentence ("Cannot write X: ..."), or an empty
    // string. Writes nothing.
    static QString checkTarget(const QString &path);

    // Why this process could not give a new file the owner and group of the existing file
    // `model` (it is not root and `model` belongs to another user or to a group it is not
    // in), as one sentence, or an empty string. Writes nothing.
    static QString checkOwnership(const QString &model);

    // When `model` exists (through a symbolic link too), the new file gets its owner, group
    // and mode instead of the constructor's permissions: a rewrite run as root must leave
    // the file readable by the user the gateway runs as. open() fails, writing nothing,
    // when the owner cannot be restored. Call before open().
    void keepAttributesOf(const QString &model) { m_model = model; }

    const QString &path() const { return m_path; }
    // Checks the target and creates the temporary file beside it.
    Status open();
    // Every byte or an error; after an error the file cannot be committed.
    Status write(const char *data, qint64 size);
    Status write(const QByteArray &data) { return write(data.constData(), data.size()); }
    // Replaces the target with what was written.
    Status commit();
    // Drops what was written (also done on destruction without commit()).
    void cancel();

private:
    Error failure(const QString &reason) const;
    Status applyPermissions();

    QString m_path;
    QFileDevice::Permissions m_permissions;
    QString m_model; // whose owner, group and mode to keep; empty: m_permissions
    QSaveFile m_file;
    bool m_failed = false;
};

} // namespace hsm
