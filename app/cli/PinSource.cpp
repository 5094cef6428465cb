// SPDX-License-Identifier: Apache-2.0
#include "app/cli/PinSource.h"

#include <QFile>

#include <openssl/crypto.h>

#include <cstdio>
#include <cstring>
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

Result<std::shared_ptr<SecretBytes>> PinSource::read(const QString &promptText) const {
    if (!m_pinFile.isEmpty()) {
        QFile file(m_pinFile);
        if (!file.open(QIODevice::ReadOnly))
            return pinError(
                tr("Cannot read the PIN file %1: %2.").arg(m_pinFile, file.errorString()));
        QByteArray content = file.read(4096);
        const qsizetype length = firstLineLength(content.constData(), content.size());
        auto pin = std::make_shared<SecretBytes>(
            SecretBytes::fromRaw(content.constData(), static_cast<size_t>(length)));
        OPENSSL_cleanse(content.data(), static_cast<size_t>(content.size()));
        if (length == 0)
            return pinError(tr("The PIN file %1 is empty.").arg(m_pinFile));
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
