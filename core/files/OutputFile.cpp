// SPDX-License-Identifier: Apache-2.0
#include "core/files/OutputFile.h"

#include "core/files/InputFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace hsm {
namespace {

// "akeyless:akeyless (1000:1000)", or "1000:1000" for ids without a name here.
QString ownerText(uid_t uid, gid_t gid) {
    const QString ids = QStringLiteral("%1:%2").arg(uid).arg(gid);
    std::vector<char> buffer(16384);
    passwd user{};
    passwd *userFound = nullptr;
    group grp{};
    group *groupFound = nullptr;
    if (getpwuid_r(uid, &user, buffer.data(), buffer.size(), &userFound) != 0 || !userFound)
        return ids;
    const QString userName = QString::fromLocal8Bit(userFound->pw_name);
    std::vector<char> groupBuffer(16384);
    if (getgrgid_r(gid, &grp, groupBuffer.data(), groupBuffer.size(), &groupFound) != 0 ||
        !groupFound)
        return ids;
    return QStringLiteral("%1:%2 (%3)")
        .arg(userName, QString::fromLocal8Bit(groupFound->gr_name), ids);
}

bool inSupplementaryGroups(gid_t gid) {
    const int count = getgroups(0, nullptr);
    if (count <= 0)
        return false;
    std::vector<gid_t> groups(static_cast<size_t>(count));
    const int got = getgroups(count, groups.data());
    for (int i = 0; i < got; ++i) {
        if (groups[static_cast<size_t>(i)] == gid)
            return true;
    }
    return false;
}

QString ownershipProblem(const QString &path, const struct stat &model) {
    return QCoreApplication::translate(
               "hsm::OutputFile",
               "Cannot write %1: it belongs to %2, and %3 cannot give a new version that "
               "owner; run as root or as its owner. Nothing was changed.")
        .arg(path, ownerText(model.st_uid, model.st_gid), ownerText(geteuid(), getegid()));
}

} // namespace

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
        // Replacing whatever a link points at (planted by someone else, or a file the
        // operator did not mean) is not something a write should do silently.
        return QCoreApplication::translate(
                   "hsm::OutputFile",
                   "Cannot write %1: it is a symbolic link to %2, and a link is not followed "
                   "to replace its target; give %2 itself.")
            .arg(path, target);
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

QString OutputFile::checkOwnership(const QString &model) {
    struct stat st {};
    if (::stat(QFile::encodeName(model).constData(), &st) != 0)
        return QString(); // nothing to keep: a new file is made with its own mode
    // Root (CAP_CHOWN) may give any owner; anyone else keeps only their own uid and may
    // choose only a group they are in. The real answer is fchown()'s, in open().
    if (geteuid() == 0)
        return QString();
    if (st.st_uid == geteuid() && (st.st_gid == getegid() || inSupplementaryGroups(st.st_gid)))
        return QString();
    return ownershipProblem(model, st);
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
    if (Status s = applyPermissions(); !s) {
        m_failed = true;
        m_file.cancelWriting();
        return s;
    }
    return Done{};
}

Status OutputFile::applyPermissions() {
    struct stat model {};
    if (m_model.isEmpty() || ::stat(QFile::encodeName(m_model).constData(), &model) != 0) {
        if (!m_file.setPermissions(m_permissions))
            return failure(m_file.errorString());
        return Done{};
    }
    // On the open handle, before the rename: the file never appears with other attributes.
    const int fd = m_file.handle();
    struct stat now {};
    if (::fstat(fd, &now) != 0)
        return failure(QString::fromLocal8Bit(std::strerror(errno)));
    // Without root, fchown() fails even when nothing would change; only call it when needed.
    if ((now.st_uid != model.st_uid || now.st_gid != model.st_gid) &&
        ::fchown(fd, model.st_uid, model.st_gid) != 0)
        return Error::make(Error::Kind::System, ownershipProblem(m_path, model));
    if (::fchmod(fd, model.st_mode & 0777) != 0)
        return failure(QString::fromLocal8Bit(std::strerror(errno)));
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
