// SPDX-License-Identifier: Apache-2.0
#include "tests/support/DiskState.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <sys/stat.h>

namespace hsm::test {

QString entryType(const QString &path) {
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return QStringLiteral("missing");
    if (S_ISREG(st.st_mode))
        return QStringLiteral("file");
    if (S_ISDIR(st.st_mode))
        return QStringLiteral("dir");
    if (S_ISLNK(st.st_mode))
        return QStringLiteral("link");
    if (S_ISFIFO(st.st_mode))
        return QStringLiteral("fifo");
    if (S_ISCHR(st.st_mode))
        return QStringLiteral("chr");
    if (S_ISBLK(st.st_mode))
        return QStringLiteral("blk");
    if (S_ISSOCK(st.st_mode))
        return QStringLiteral("sock");
    return QStringLiteral("other");
}

QStringList diskState(const QString &folder) {
    QStringList out;
    const QStringList names = QDir(folder).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        const QString path = QDir(folder).filePath(name);
        struct stat st {};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
            out << name + QStringLiteral(" (vanished)");
            continue;
        }
        QString line = QStringLiteral("%1 %2 %3 %4 %5.%6")
                           .arg(name, entryType(path))
                           .arg(st.st_mode & 07777, 0, 8)
                           .arg(st.st_size)
                           .arg(st.st_mtim.tv_sec)
                           .arg(st.st_mtim.tv_nsec, 9, 10, QLatin1Char('0'));
        if (S_ISLNK(st.st_mode)) {
            line += QStringLiteral(" -> ") + QFile::symLinkTarget(path);
        } else if (S_ISREG(st.st_mode)) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly)) {
                QCryptographicHash hash(QCryptographicHash::Sha256);
                hash.addData(&f);
                line += QLatin1Char(' ') + QString::fromLatin1(hash.result().toHex());
            }
        }
        out << line;
    }
    return out;
}

} // namespace hsm::test
