// SPDX-License-Identifier: Apache-2.0
#include "core/files/InputFile.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <sys/stat.h>

namespace hsm::inputFile {
namespace {

Error inputError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

QString sizeText(qint64 bytes) {
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

QString kindOf(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return QStringLiteral("something that cannot be examined");
    if (S_ISDIR(st.st_mode))
        return QStringLiteral("a directory");
    if (S_ISCHR(st.st_mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(st.st_mode))
        return QStringLiteral("a block device");
    if (S_ISFIFO(st.st_mode))
        return QStringLiteral("a named pipe");
    if (S_ISSOCK(st.st_mode))
        return QStringLiteral("a socket");
    if (S_ISREG(st.st_mode))
        return QStringLiteral("a regular file");
    return QStringLiteral("not a regular file");
}

Result<QByteArray> read(const QString &path, qint64 maxBytes, const QString &what) {
    const QFileInfo info(path);
    if (path.isEmpty())
        return inputError(QStringLiteral("No file name was given for %1.").arg(what));
    if (!info.exists())
        return inputError(QStringLiteral("%1 does not exist.").arg(path));
    if (info.isDir())
        return inputError(QStringLiteral("%1 is a directory, not %2.").arg(path, what));
    if (!info.isFile())
        return inputError(
            QStringLiteral("%1 is %2, not %3; give a regular file.").arg(path, kindOf(path), what));
    if (info.size() > maxBytes)
        return inputError(QStringLiteral("%1 is %2, too big to be %3 (at most %4).")
                              .arg(path, sizeText(info.size()), what, sizeText(maxBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::System,
                           QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    // In chunks up to one byte past the limit, which tells a file that grew since it was
    // measured; memory never holds more than that.
    QByteArray data;
    data.reserve(static_cast<qsizetype>(info.size()));
    constexpr qint64 kChunk = 1024 * 1024;
    while (data.size() <= maxBytes) {
        const QByteArray chunk = file.read(std::min(kChunk, maxBytes + 1 - data.size()));
        if (chunk.isEmpty())
            break;
        data += chunk;
    }
    if (data.size() > maxBytes)
        return inputError(QStringLiteral("%1 is more than %2, too big to be %3.")
                              .arg(path, sizeText(maxBytes), what));
    if (file.error() != QFileDevice::NoError)
        return Error::make(Error::Kind::System,
                           QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    return data;
}

} // namespace hsm::inputFile
