// SPDX-License-Identifier: Apache-2.0
#include "core/pkcs11/LibraryFile.h"

#include "core/files/InputFile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <elf.h>

namespace hsm {
namespace {

constexpr int kOwnElfClass = sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32;

constexpr int ownMachine() {
#if defined(__x86_64__)
    return EM_X86_64;
#elif defined(__aarch64__)
    return EM_AARCH64;
#elif defined(__i386__)
    return EM_386;
#elif defined(__arm__)
    return EM_ARM;
#elif defined(__powerpc64__)
    return EM_PPC64;
#elif defined(__s390x__)
    return EM_S390;
#elif defined(__riscv)
    return EM_RISCV;
#else
    return EM_NONE;
#endif
}

QString machineName(int machine) {
    switch (machine) {
    case EM_X86_64:
        return QStringLiteral("x86-64");
    case EM_386:
        return QStringLiteral("32-bit x86");
    case EM_AARCH64:
        return QStringLiteral("ARM64 (aarch64)");
    case EM_ARM:
        return QStringLiteral("32-bit ARM");
    case EM_PPC64:
        return QStringLiteral("POWER (ppc64)");
    case EM_S390:
        return QStringLiteral("IBM Z (s390x)");
    case EM_RISCV:
        return QStringLiteral("RISC-V");
    default:
        return QStringLiteral("machine type %1").arg(machine);
    }
}

bool looksLikeText(const QByteArray &head) {
    for (const char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x09 || (u > 0x0d && u < 0x20 && u != 0x1b))
            return false;
    }
    return true;
}

} // namespace

QString checkLibraryFile(const QString &path) {
    const QFileInfo info(path);
    if (path.isEmpty())
        return QStringLiteral("No library path was given.");
    if (!info.exists())
        return QStringLiteral("%1 does not exist.").arg(path);
    if (info.isDir())
        return QStringLiteral("%1 is a directory, not a PKCS#11 library file.").arg(path);
    // Opening a named pipe would wait for a writer forever; a device is no library either.
    if (!info.isFile())
        return QStringLiteral("%1 is %2, not a PKCS#11 library file.")
            .arg(path, inputFile::kindOf(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1 cannot be read: %2.").arg(path, file.errorString());
    const QByteArray head = file.read(sizeof(Elf64_Ehdr));
    if (head.isEmpty())
        return QStringLiteral("%1 is an empty file, not a PKCS#11 library.").arg(path);
    if (!head.startsWith(ELFMAG)) {
        if (looksLikeText(head))
            return QStringLiteral("%1 is a text file, not a shared library.").arg(path);
        return QStringLiteral("%1 is not a shared library (not an ELF file).").arg(path);
    }
    if (head.size() < static_cast<int>(sizeof(Elf32_Ehdr)))
        return QStringLiteral("%1 is a truncated ELF file.").arg(path);
    const int elfClass = static_cast<unsigned char>(head[EI_CLASS]);
    // e_type and e_machine sit at the same offsets in 32- and 64-bit headers.
    Elf32_Ehdr header;
    memcpy(&header, head.constData(), sizeof(header));
    const bool sameEndian = static_cast<unsigned char>(head[EI_DATA]) ==
                            (Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? ELFDATA2LSB : ELFDATA2MSB);
    const int machine = sameEndian ? header.e_machine : -1;
    if (machine != ownMachine() || elfClass != kOwnElfClass) {
        const QString theirs =
            machine < 0 ? QStringLiteral("another byte order") : machineName(machine);
        const QString bits =
            elfClass == ELFCLASS64 ? QStringLiteral("64-bit") : QStringLiteral("32-bit");
        return QStringLiteral("%1 is built for %2 (%3), but this program runs on %4 (%5-bit); "
                              "use the vendor's library for this architecture.")
            .arg(path, theirs, bits, machineName(ownMachine()))
            .arg(sizeof(void *) * 8);
    }
    if (sameEndian && header.e_type != ET_DYN)
        return QStringLiteral("%1 is an ELF file but not a shared library.").arg(path);
    return QString();
}

QString explainLoadFailure(const QString &path, const QString &dlError) {
    // glibc: "<file>: cannot open shared object file: No such file or directory", where
    // <file> is a dependency when it differs from the library we asked for.
    static const QRegularExpression missing(
        QStringLiteral("^(?:.*?: )?([^:]+): cannot open shared object file"));
    const QRegularExpressionMatch m = missing.match(dlError);
    if (m.hasMatch() && m.captured(1) != path &&
        QFileInfo(m.captured(1)).fileName() != QFileInfo(path).fileName()) {
        return QStringLiteral("%1 needs %2, which is not installed or not on the library "
                              "path; install it or add its folder to LD_LIBRARY_PATH.")
            .arg(path, m.captured(1));
    }
    static const QRegularExpression undefinedSymbol(QStringLiteral("undefined symbol: (\\S+)"));
    const QRegularExpressionMatch u = undefinedSymbol.match(dlError);
    if (u.hasMatch())
        return QStringLiteral("%1 needs the symbol %2, which none of its dependencies provide "
                              "(a version mismatch with a library it uses).")
            .arg(path, u.captured(1));
    return QStringLiteral("%1 could not be loaded: %2.").arg(path, dlError.simplified());
}

} // namespace hsm
