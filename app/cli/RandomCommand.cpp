// SPDX-License-Identifier: Apache-2.0
#include "app/cli/RandomCommand.h"

#include "core/files/OutputFile.h"
#include "core/files/StreamEncoder.h"

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace hsm::cli {

QList<QCommandLineOption> RandomCommand::options() const {
    return {
        QCommandLineOption(QStringLiteral("bytes"), tr("How many bytes."), QStringLiteral("n")),
        QCommandLineOption(QStringLiteral("out"), tr("Write to this file (mode 0600)."),
                           QStringLiteral("file")),
        QCommandLineOption(QStringLiteral("encoding"), tr("raw, hex or base64 (default: raw)."),
                           QStringLiteral("encoding"), QStringLiteral("raw")),
        QCommandLineOption(QStringLiteral("source"), tr("hsm, os or mixed (default: hsm)."),
                           QStringLiteral("source"), QStringLiteral("hsm")),
    };
}

std::optional<int> RandomCommand::prepare(CommandContext &context) {
    bool ok = false;
    m_bytes = context.value(QStringLiteral("bytes")).toLongLong(&ok);
    if (!ok || m_bytes <= 0 || m_bytes > (qint64(1) << 32))
        return context.usage(tr("random needs --bytes N, from 1 to 4 GiB."));
    if (!StreamEncoder::parse(context.value(QStringLiteral("encoding")), &m_encoding))
        return context.usage(tr("--encoding must be raw, hex or base64."));
    if (!entropy::parseSource(context.value(QStringLiteral("source")), &m_source))
        return context.usage(tr("--source must be hsm, os or mixed."));
    m_out = context.value(QStringLiteral("out"));
    if (m_out.isEmpty() && m_encoding == StreamEncoder::Encoding::Raw &&
        isatty(fileno(context.rawOut())))
        return context.usage(tr("Refusing to write raw bytes to a terminal; use --out FILE "
                                "or --encoding hex."));
    if (!m_out.isEmpty()) {
        if (const QString problem = OutputFile::checkTarget(m_out); !problem.isEmpty())
            return context.fail(problem);
    }
    return std::nullopt;
}

bool RandomCommand::needsToken(const CommandContext &) const {
    return m_source != EntropySource::Os;
}

int RandomCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    return stream(context, token.slot.id);
}

int RandomCommand::runWithoutToken(CommandContext &context) {
    return stream(context, std::nullopt);
}

int RandomCommand::stream(CommandContext &context, std::optional<CK_SLOT_ID> slot) {
    std::optional<OutputFile> file; // mode 0600; a failure leaves no partial file
    if (!m_out.isEmpty()) {
        file.emplace(m_out);
        if (Status opened = file->open(); !opened)
            return context.fail(opened.error());
    } else {
        context.out().flush();
    }

    // The bytes stream through two blocks of memory: each block is encoded and written (on
    // a thread of the core) as soon as it has passed the health tests.
    StreamEncoder encoder(m_encoding);
    const auto write = [&](QByteArrayView text) -> Status {
        if (text.isEmpty())
            return Done{};
        if (file)
            return file->write(text.data(), text.size());
        if (std::fwrite(text.data(), 1, static_cast<size_t>(text.size()), context.rawOut()) !=
            static_cast<size_t>(text.size()))
            return Error::make(Error::Kind::System, tr("Cannot write to standard output."));
        return Done{};
    };
    Status streamed = await(context.client().streamRandom(
        slot, m_source, m_bytes,
        [&](const unsigned char *data, size_t n) { return write(encoder.add(data, n)); }));
    if (streamed)
        streamed = write(encoder.finish());
    if (streamed) {
        if (file)
            streamed = file->commit();
        else if (std::fflush(context.rawOut()) != 0)
            streamed = Error::make(Error::Kind::System, tr("Cannot write to standard output."));
    }
    if (!streamed) {
        if (file)
            file->cancel(); // nothing of an incomplete draw reaches the file
        else
            std::fflush(context.rawOut()); // what passed the tests, as the error says
        return context.fail(streamed.error());
    }
    return 0;
}

} // namespace hsm::cli
