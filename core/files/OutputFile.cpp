// SPDX-License-Identifier: Apache-2.0
#include "core/files/OutputFile.h"

#include "core/files/InputFile.h"

#include <QFileInfo>

namespace hsm {

OutputFile::OutputFile(QString path, QFileDevice::Permissions permissions)
    : m_path(std::move(path))
    , m_permissions(permissions)
    , m_file(m_path) {
    // Never write in place when the temporary file cannot be made: that is not atomic.
    m_file.setDirectWriteFallback(false);
}

QString OutputFile::checkTarget(const QString &path) {
    if (path.isEmpty())
        return QStringLiteral("No output file was given.");
    auto cannot = [&path](const QString &reason) {
        return QStringLiteral("Cannot write %1: %2").arg(path, reason);
    };
    const QFileInfo info(path);
    QString target = info.absoluteFilePath();
    if (info.isSymLink()) {
        if (!info.exists())
            return cannot(QStringLiteral("it is a symbolic link to %1, which does not exist.")
                              .arg(info.symLinkTarget()));
        target = info.canonicalFilePath();
        if (!QFileInfo(target).isFile())
            return cannot(QStringLiteral("it is a symbolic link to %1, which is %2, not a "
                                         "regular file; it is left alone.")
                              .arg(target, inputFile::kindOf(target)));
    } else if (info.exists()) {
        if (info.isDir())
            return cannot(QStringLiteral("it is a directory; give the name of a file in it."));
        if (!info.isFile())
            return cannot(QStringLiteral("it is %1, not a regular file; it is left alone.")
                              .arg(inputFile::kindOf(path)));
    }
    const QFileInfo folder(QFileInfo(target).absolutePath());
    if (!folder.exists())
        return cannot(QStringLiteral("the folder %1 does not exist.").arg(folder.filePath()));
    if (!folder.isDir())
        return cannot(QStringLiteral("%1 is not a folder.").arg(folder.filePath()));
    return QString();
}

Error OutputFile::failure(const QString &reason) const {
    return Error::make(
        Error::Kind::System,
        QStringLiteral("Cannot write %1: %2; nothing was changed.").arg(m_path, reason));
}

Status OutputFile::open() {
    if (const QString problem = checkTarget(m_path); !problem.isEmpty())
        return Error::make(Error::Kind::Input, problem);
    // Unbuffered: QSaveFile's buffer would swallow a failed final flush (a full disk) and
    // commit a truncated file; each write() must reach the file or fail.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        m_failed = true;
        const QString folder = QFileInfo(QFileInfo(m_path).absoluteFilePath()).absolutePath();
        return failure(
            QStringLiteral("cannot create a file in %1 (%2)").arg(folder, m_file.errorString()));
    }
    if (!m_file.setPermissions(m_permissions)) {
        m_failed = true;
        m_file.cancelWriting();
        return failure(m_file.errorString());
    }
    return Done{};
}

Status OutputFile::write(const char *data, qint64 size) {
    if (m_failed)
        return failure(QStringLiteral("an earlier write failed"));
    // A short write (a full disk, a file size limit) is an error too: QSaveFile would
    // otherwise commit the truncated file. The retry of the rest reports the cause.
    qint64 done = 0;
    while (done < size) {
        const qint64 written = m_file.write(data + done, size - done);
        if (written <= 0) {
            m_failed = true;
            const QString reason = m_file.errorString();
            m_file.cancelWriting();
            return failure(reason);
        }
        done += written;
    }
    return Done{};
}

Status OutputFile::commit() {
    if (m_failed)
        return failure(QStringLiteral("an earlier write failed"));
    if (!m_file.commit()) {
        m_failed = true;
        return failure(m_file.errorString());
    }
    return Done{};
}

void OutputFile::cancel() {
    if (m_file.isOpen())
        m_file.cancelWriting();
    m_failed = true;
}

} // namespace hsm
