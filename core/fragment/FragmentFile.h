// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/fragment/CustomerFragment.h"

#include <QJsonObject>
#include <QList>

#include <functional>

namespace hsm {

// customer_fragments.json: {"customer_fragments": [ ... ]}. Reads the gateway's own files
// (entries with only id and value, unknown fields and types) and rewrites them keeping
// every entry and field it does not touch.
class FragmentFile {
public:
    // An empty file for `path` that does not exist yet.
    explicit FragmentFile(QString path = QString())
        : m_path(std::move(path)) {}

    // Reads and checks `path`; a malformed file is an error naming line and column. A
    // missing file is an error too; use FragmentFile(path) to start a new one.
    static Result<FragmentFile> load(const QString &path);
    // load(), or an empty file when `path` does not exist.
    static Result<FragmentFile> loadOrCreate(const QString &path);

    const QString &path() const { return m_path; }
    const QList<CustomerFragment> &fragments() const { return m_fragments; }
    const CustomerFragment *findById(const QString &id) const;
    // The first fragment named `name`; see fragmentsNamed() for names given twice.
    const CustomerFragment *findByName(const QString &name) const;
    // Every fragment named `name` (a name is not unique in files written by hand).
    QList<const CustomerFragment *> fragmentsNamed(const QString &name) const;

    // What is wrong with entry `index` though the file loads: an id not of the vendor's
    // shape, a name another entry has too, a key_label without a fragment_type (the
    // gateway takes it as standard and ignores the key), a seed that is not
    // kSeedBytes long. One sentence each; empty when the entry is sound. `fragments`
    // marks these, preflight fails them.
    QStringList problems(qsizetype index) const;

    // Adds `fragment` at the end; a fragment with the same name is refused unless
    // `replace`, which puts the new one in its place. Ids must stay unique.
    Status add(const CustomerFragment &fragment, bool replace);

    // Puts `fragment` in the place of the entry with its id (KEK rotation).
    Status replaceById(const CustomerFragment &fragment);

    // Why save() would be refused before writing anything (the file or its .bak exists
    // and is not a regular file, its folder is missing, its owner could not be kept), so
    // that callers can stop before any HSM work. Writes nothing.
    Status checkWritable() const;

    // Writes atomically (OutputFile), keeping the previous version as <path>.bak. An
    // existing file keeps its owner, group and mode, and the .bak gets them too; a new file
    // is 0600. When the owner cannot be kept (not root, another user's file) nothing is
    // written. On any failure the file and its .bak keep their bytes and no
    // temporary file remains. A symbolic link, or a target that is not a regular file, is
    // refused.
    Status save() const;

    // The one safe read-modify-write of a fragments file: holds an advisory lock
    // (QLockFile, <path>.lock) while it reads `path` (loadOrCreate() with `create`, else
    // load()), lets `change` edit it and saves it, so that concurrent writers (several CLI
    // runs, the GUI and the CLI) each keep their entry. When another writer holds the lock
    // longer than `lockWaitMs`, nothing is read or written and the error says so. What
    // `change` refuses is returned as is, with nothing written. Returns the file as saved.
    static Result<FragmentFile> update(const QString &path, bool create,
                                       const std::function<Status(FragmentFile &)> &change,
                                       int lockWaitMs = kLockWaitMs);

    // How long update() waits for another writer: a rewrite takes milliseconds.
    static constexpr int kLockWaitMs = 20000;

    // The document as it will be written.
    QByteArray toJson() const;

    // 64 KiB of JSON per fragment is already absurd; refuse bigger files before parsing.
    static constexpr qint64 kMaxFileSize = 64 * 1024 * 1024;
    // The seed size the vendor's fragments carry (and FragmentGenerator writes).
    static constexpr int kSeedBytes = 64;

private:
    QString m_path;
    QJsonObject m_document; // the top level, with any unknown keys besides the array
    QList<CustomerFragment> m_fragments;
};

} // namespace hsm
