// SPDX-License-Identifier: Apache-2.0
#include "app/cli/PinSource.h"

#include "core/files/InputFile.h"

#include <QFile>

#include <openssl/crypto.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace hsm::cli {
namespace {

Error pinError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

// Strips the line end and anything after the first line, in place.
qsizetype firstLineLength(const char *data, qsizetype size) {
    qsizetype n = 0;
    while (n < size && data[n] != '\n' && data[n] != '\r')
        ++n;
    return n;
}

Result<std::shared_ptr<SecretBytes>> prompt(const QString &text, const StandardStreams &streams) {
    std::fputs(text.toLocal8Bit().constData(), streams.err);
    std::fflush(streams.err);
    const int in = fileno(streams.in);
    termios saved{};
    const bool terminal = tcgetattr(in, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(in, TCSAFLUSH, &quiet);
    }
    char buffer[1024];
    const bool got = std::fgets(buffer, sizeof buffer, streams.in) != nullptr;
    if (terminal)
        tcsetattr(in, TCSAFLUSH, &saved);
    std::fputc('\n', streams.err);
    if (!got) {
        OPENSSL_cleanse(buffer, sizeof buffer);
        return pinError(PinSource::tr("No PIN was entered."));
    }
    auto pin = std::make_shared<SecretBytes>(SecretBytes::fromRaw(
        buffer,
        static_cast<size_t>(firstLineLength(buffer, static_cast<qsizetype>(std::strlen(buffer))))));
    OPENSSL_cleanse(buffer, sizeof buffer);
    return pin;
}

} // namespace

bool PinSource::available() const {
    return !qEnvironmentVariableIsEmpty("HSM_PIN") || !m_pinFile.isEmpty() ||
           isatty(fileno(m_streams.in));
}

Result<std::shared_ptr<SecretBytes>> PinSource::read(const QString &promptText,
                                                     QString *warning) const {
    if (warning)
        warning->clear();
    if (!m_pinFile.isEmpty()) {
        // Non-blocking, and checked on the opened file itself: a named pipe would wait for a
        // writer for ever, a device would be read as if it held a PIN.
        const int fd = ::open(QFile::encodeName(m_pinFile).constData(),
                              O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0)
            return pinError(tr("Cannot read the PIN file %1: %2.")
                                .arg(m_pinFile, QString::fromLocal8Bit(std::strerror(errno))));
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            return pinError(tr("The PIN file %1 is %2, not a regular file; give a file that "
                               "holds the PIN on its first line.")
                                .arg(m_pinFile, inputFile::kindOf(m_pinFile)));
        }
        char content[4096];
        qsizetype size = 0;
        while (size < qsizetype(sizeof content)) {
            const ssize_t got = ::read(fd, content + size, sizeof content - size_t(size));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            size += got;
        }
        ::close(fd);
        const qsizetype length = firstLineLength(content, size);
        auto pin = std::make_shared<SecretBytes>(
            SecretBytes::fromRaw(content, static_cast<size_t>(length)));
        OPENSSL_cleanse(content, sizeof content);
        if (size == 0)
            return pinError(tr("The PIN file %1 is empty.").arg(m_pinFile));
        if (length == 0)
            return pinError(tr("The first line of the PIN file %1 is empty; the PIN must be on "
                               "the first line.")
                                .arg(m_pinFile));
        if (warning && (st.st_mode & S_IROTH))
            *warning = tr("every user of this system can read the PIN file %1 (mode %2); "
                          "restrict it with chmod 600.")
                           .arg(m_pinFile)
                           .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
        return pin;
    }
    if (!qEnvironmentVariableIsEmpty("HSM_PIN")) {
        QByteArray value = qgetenv("HSM_PIN");
        return std::make_shared<SecretBytes>(SecretBytes::take(value));
    }
    if (isatty(fileno(m_streams.in)))
        return prompt(promptText, m_streams);
    return pinError(tr("No PIN: set HSM_PIN, use --pin-file FILE, or run on a terminal "
                       "to be asked."));
}

} // namespace hsm::cli
