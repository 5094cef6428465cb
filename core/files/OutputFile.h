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
// A symbolic link to a regular file is written through, keeping the link. Anything else
// that exists and is not a regular file (a folder, a device such as /dev/full, a named
// pipe, a socket, a link to one of these or a link that leads nowhere) is refused:
// QSaveFile alone would rename a regular file over it.
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

    QString m_path;
    QFileDevice::Permissions m_permissions;
    QSaveFile m_file;
    bool m_failed = false;
};

} // namespace hsm
