// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: customer_fragments.json as FragmentFile reads it. A file it accepts
// must be written back (toJson) into a file it accepts again, with the same entries.
#include "core/fragment/FragmentFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

namespace {

QString inputPath() {
    // FragmentFile reads a path, as the CLI and the gateway do; the input goes to a file.
    static QTemporaryDir dir;
    if (!dir.isValid())
        std::abort();
    return dir.filePath(QStringLiteral("customer_fragments.json"));
}

bool write(const QString &path, const QByteArray &data) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1024 * 1024)
        return -1; // far beyond any real file; keeps runs fast
    const QString path = inputPath();
    if (!write(path,
               QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size))))
        std::abort();
    const hsm::Result<hsm::FragmentFile> file = hsm::FragmentFile::load(path);
    if (!file) {
        if (file.error().toString().isEmpty())
            std::abort(); // every refusal says why
        return 0;
    }
    for (const hsm::CustomerFragment &f : file->fragments()) {
        if (file->findById(f.id()) == nullptr)
            std::abort();
        (void)file->findByName(f.name());
        (void)f.type();
        (void)f.typeName();
        (void)f.isHsmType();
        (void)hsm::CustomerFragment::isValidId(f.id());
    }

    // The rewrite keeps every entry, in order, and reads back.
    const QByteArray rewritten = file->toJson();
    if (!write(path, rewritten))
        std::abort();
    const hsm::Result<hsm::FragmentFile> again = hsm::FragmentFile::load(path);
    if (!again || again->fragments().size() != file->fragments().size())
        std::abort();
    for (qsizetype i = 0; i < file->fragments().size(); ++i) {
        if (again->fragments()[i].json() != file->fragments()[i].json())
            std::abort();
    }
    if (again->toJson() != rewritten)
        std::abort();
    return 0;
}
