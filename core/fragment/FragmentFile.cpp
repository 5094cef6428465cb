// SPDX-License-Identifier: Apache-2.0
#include "core/fragment/FragmentFile.h"

#include "core/files/InputFile.h"
#include "core/files/OutputFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLockFile>
#include <QSet>

namespace hsm {
namespace {

const QString kArrayKey = QStringLiteral("customer_fragments");

Error fileError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

// QJsonParseError gives a byte offset; people want a line and a column.
QString position(const QByteArray &data, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < data.size(); ++i) {
        if (data[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

QString entryName(int index, const QJsonObject &entry) {
    const QString id = entry.value(QStringLiteral("id")).toString();
    return id.isEmpty() ? QStringLiteral("entry %1").arg(index + 1)
                        : QStringLiteral("entry %1 (%2)").arg(index + 1).arg(id);
}

} // namespace

Result<FragmentFile> FragmentFile::load(const QString &path) {
    // A regular file of at most kMaxFileSize: /dev/zero or a pipe is refused unread.
    const Result<QByteArray> read =
        inputFile::read(path, kMaxFileSize, QStringLiteral("a fragments file"));
    if (!read)
        return read.error();
    const QByteArray &data = read.value();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fileError(
            QStringLiteral("%1 is not valid JSON at %2: %3.")
                .arg(path, position(data, parseError.offset), parseError.errorString()));
    if (!doc.isObject())
        return fileError(QStringLiteral("%1 must hold a JSON object with a \"customer_fragments\" "
                                        "array.")
                             .arg(path));
    const QJsonObject top = doc.object();
    if (!top.contains(kArrayKey))
        return fileError(QStringLiteral("%1 has no \"customer_fragments\" array.").arg(path));
    if (!top.value(kArrayKey).isArray())
        return fileError(
            QStringLiteral("In %1, \"customer_fragments\" must be an array.").arg(path));

    FragmentFile out(path);
    out.m_document = top;
    QSet<QString> ids;
    const QJsonArray array = top.value(kArrayKey).toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return fileError(
                QStringLiteral("In %1, entry %2 is not a JSON object.").arg(path).arg(i + 1));
        const QJsonObject entry = array.at(i).toObject();
        const QString where = entryName(i, entry);
        for (const char *field : {"id", "value"}) {
            const QJsonValue v = entry.value(QLatin1String(field));
            if (!v.isString() || v.toString().isEmpty())
                return fileError(QStringLiteral("In %1, %2 has no \"%3\" string.")
                                     .arg(path, where, QLatin1String(field)));
        }
        for (const char *field : {"name", "description", "fragment_type", "key_label", "wrap_alg",
                                  "wrap_iv", "wrap_tag"}) {
            const QJsonValue v = entry.value(QLatin1String(field));
            if (!v.isUndefined() && !v.isString())
                return fileError(QStringLiteral("In %1, %2 has a \"%3\" that is not a string.")
                                     .arg(path, where, QLatin1String(field)));
        }
        // The id becomes part of the derivation's input: only ASCII has one spelling in
        // bytes, and a non-ASCII id is no id the vendor writes.
        const QString id = entry.value(QStringLiteral("id")).toString();
        for (const QChar c : id)
            if (c.unicode() < 0x21 || c.unicode() > 0x7e)
                return fileError(QCoreApplication::translate(
                                     "hsm::FragmentFile",
                                     "In %1, entry %2 has an id with a character that is not "
                                     "printable ASCII (U+%3); fragment ids are \"cf-\" and "
                                     "lowercase letters and digits.")
                                     .arg(path)
                                     .arg(i + 1)
                                     .arg(c.unicode(), 4, 16, QLatin1Char('0')));
        const CustomerFragment fragment(entry);
        const QByteArray encoded = fragment.value().toLatin1();
        const auto decoded =
            QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || fragment.value().size() % 4 != 0)
            return fileError(
                QStringLiteral("In %1, the value of %2 is not base64.").arg(path, where));
        if (fragment.type() == FragmentType::HsmWrapEncrypt) {
            if (fragment.keyLabel().trimmed().isEmpty())
                return fileError(QStringLiteral("In %1, %2 is hsm_wrap_encrypt but has no "
                                                "key_label naming its KEK.")
                                     .arg(path, where));
            if (auto wrapped = fragment.wrapped(); !wrapped)
                return fileError(
                    QStringLiteral("In %1, %2: %3").arg(path, where, wrapped.error().message));
        } else if (fragment.hasWrapFields() && fragment.type() != FragmentType::Unknown) {
            return fileError(QStringLiteral("In %1, %2 is %3 but carries wrap_* fields; only "
                                            "hsm_wrap_encrypt entries have them.")
                                 .arg(path, where, fragment.typeName()));
        }
        if (fragment.isDerivedType() && decoded.decoded.size() < 16)
            return fileError(QStringLiteral("In %1, the seed of %2 is %3 bytes; an HSM fragment "
                                            "needs at least 16.")
                                 .arg(path, where)
                                 .arg(decoded.decoded.size()));
        if (ids.contains(fragment.id()))
            return fileError(QStringLiteral("In %1, the id %2 appears twice; ids must be unique.")
                                 .arg(path, fragment.id()));
        ids.insert(fragment.id());
        out.m_fragments.append(fragment);
    }
    return out;
}

Result<FragmentFile> FragmentFile::loadOrCreate(const QString &path) {
    if (!QFileInfo::exists(path))
        return FragmentFile(path);
    return load(path);
}

const CustomerFragment *FragmentFile::findById(const QString &id) const {
    for (const CustomerFragment &f : m_fragments) {
        if (f.id() == id)
            return &f;
    }
    return nullptr;
}

QList<const CustomerFragment *> FragmentFile::fragmentsNamed(const QString &name) const {
    QList<const CustomerFragment *> out;
    for (const CustomerFragment &f : m_fragments) {
        if (!name.isEmpty() && f.name() == name)
            out << &f;
    }
    return out;
}

QStringList FragmentFile::problems(qsizetype index) const {
    QStringList out;
    if (index < 0 || index >= m_fragments.size())
        return out;
    const CustomerFragment &f = m_fragments.at(index);
    if (!CustomerFragment::isValidId(f.id()))
        out << QCoreApplication::translate("hsm::FragmentFile",
                                           "The id is not of the vendor's shape (\"cf-\" and 20 "
                                           "lowercase letters and digits).");
    if (fragmentsNamed(f.name()).size() > 1)
        out << QCoreApplication::translate("hsm::FragmentFile",
                                           "Another entry has the same name; select it by id.");
    const bool typeWritten =
        !f.json().value(QStringLiteral("fragment_type")).toString().trimmed().isEmpty();
    if (!typeWritten && !f.keyLabel().trimmed().isEmpty())
        out << QCoreApplication::translate(
            "hsm::FragmentFile",
            "It has a key_label but no fragment_type, so the gateway takes it as standard and "
            "never uses the key; write the fragment_type.");
    const bool seedType = f.type() == FragmentType::Standard ||
                          f.type() == FragmentType::HsmWrapHmac ||
                          f.type() == FragmentType::HsmSecured;
    if (seedType) {
        const qsizetype bytes = QByteArray::fromBase64(f.value().toLatin1()).size();
        if (bytes != kSeedBytes)
            out << QCoreApplication::translate("hsm::FragmentFile", "Its seed is %1 bytes, not %2.")
                       .arg(bytes)
                       .arg(kSeedBytes);
    }
    return out;
}

const CustomerFragment *FragmentFile::findByName(const QString &name) const {
    for (const CustomerFragment &f : m_fragments) {
        if (!name.isEmpty() && f.name() == name)
            return &f;
    }
    return nullptr;
}

Status FragmentFile::add(const CustomerFragment &fragment, bool replace) {
    if (findById(fragment.id()))
        return fileError(QStringLiteral("The id %1 is already in %2.").arg(fragment.id(), m_path));
    for (qsizetype i = 0; i < m_fragments.size(); ++i) {
        if (m_fragments[i].name() != fragment.name() || fragment.name().isEmpty())
            continue;
        if (!replace)
            return fileError(QStringLiteral("%1 already has a fragment named '%2' (%3); choose "
                                            "another name or replace it.")
                                 .arg(m_path, fragment.name(), m_fragments[i].id()));
        m_fragments[i] = fragment;
        return Done{};
    }
    m_fragments.append(fragment);
    return Done{};
}

Status FragmentFile::replaceById(const CustomerFragment &fragment) {
    for (CustomerFragment &f : m_fragments) {
        if (f.id() == fragment.id()) {
            f = fragment;
            return Done{};
        }
    }
    return fileError(QStringLiteral("%1 has no fragment with id '%2'.").arg(m_path, fragment.id()));
}

QByteArray FragmentFile::toJson() const {
    QJsonObject top = m_document;
    QJsonArray array;
    for (const CustomerFragment &f : m_fragments)
        array.append(f.json());
    top.insert(kArrayKey, array);
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

Result<FragmentFile> FragmentFile::update(const QString &path, bool create,
                                          const std::function<Status(FragmentFile &)> &change,
                                          int lockWaitMs) {
    // A missing folder or a target that is not a file is named as such, not as a lock
    // that cannot be made.
    if (const QString problem = OutputFile::checkTarget(path); !problem.isEmpty())
        return fileError(problem);
    // Beside the file, so that every writer of this file finds it whatever its folder.
    const QString lockPath = QFileInfo(path).absoluteFilePath() + QStringLiteral(".lock");
    QLockFile lock(lockPath);
    // Never taken over for its age: only a lock whose process is gone counts as stale.
    lock.setStaleLockTime(0);
    if (!lock.tryLock(lockWaitMs)) {
        if (lock.error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host;
            QString application;
            lock.getLockInfo(&pid, &host, &application);
            return Error::make(
                Error::Kind::System,
                QCoreApplication::translate(
                    "hsm::FragmentFile",
                    "Another program (%1, process %2 on %3) has been writing %4 for more than "
                    "%5 seconds; nothing was written. Try again when it has finished, or "
                    "remove %6 if that program is no longer running.")
                    .arg(application.isEmpty() ? QStringLiteral("?") : application)
                    .arg(pid)
                    .arg(host.isEmpty() ? QStringLiteral("?") : host, path)
                    .arg(lockWaitMs / 1000)
                    .arg(lockPath));
        }
        return Error::make(Error::Kind::System,
                           QCoreApplication::translate(
                               "hsm::FragmentFile",
                               "Cannot write %1: cannot create a file in %2 (its lock file "
                               "%3); nothing was changed.")
                               .arg(path, QFileInfo(lockPath).absolutePath(), lockPath));
    }
    // Read under the lock: what was read before it may already be out of date.
    Result<FragmentFile> file = create ? loadOrCreate(path) : load(path);
    if (!file)
        return file.error();
    if (Status changed = change(file.value()); !changed)
        return changed.error();
    if (Status saved = file->save(); !saved)
        return saved.error();
    return file;
}

Status FragmentFile::checkWritable() const {
    for (const QString &path : {m_path, m_path + QStringLiteral(".bak")}) {
        if (const QString problem = OutputFile::checkTarget(path); !problem.isEmpty())
            return fileError(problem);
    }
    // The new version and the .bak both take the current file's owner, group and mode.
    if (const QString problem = OutputFile::checkOwnership(m_path); !problem.isEmpty())
        return Error::make(Error::Kind::System, problem);
    return Done{};
}

Status FragmentFile::save() const {
    // The new version first, into its temporary file: when that fails (a full disk), the
    // file and its .bak are as they were.
    // An existing file keeps its owner, group and mode: the gateway's user must still be
    // able to read it after a rewrite run as root. A new file is 0600.
    OutputFile file(m_path);
    file.keepAttributesOf(m_path);
    if (Status s = file.open(); !s)
        return s;
    if (Status s = file.write(toJson()); !s)
        return s;
    // Then the previous version, itself written atomically.
    if (QFileInfo::exists(m_path)) {
        QFile current(m_path);
        if (!current.open(QIODevice::ReadOnly))
            return Error::make(
                Error::Kind::System,
                QStringLiteral("Cannot read %1: %2.").arg(m_path, current.errorString()));
        // The .bak holds the same secrets: it gets the file's owner, group and mode too.
        OutputFile backup(m_path + QStringLiteral(".bak"));
        backup.keepAttributesOf(m_path);
        if (Status s = backup.open(); !s)
            return s;
        if (Status s = backup.write(current.readAll()); !s)
            return s;
        if (Status s = backup.commit(); !s)
            return s;
    }
    return file.commit();
}

} // namespace hsm
