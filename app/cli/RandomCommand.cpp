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

int RandomCommand::run(CommandContext &context) {
    bool ok = false;
    const qint64 bytes = context.value(QStringLiteral("bytes")).toLongLong(&ok);
    if (!ok || bytes <= 0 || bytes > (qint64(1) << 32))
        return context.usage(tr("random needs --bytes N, from 1 to 4 GiB."));
    StreamEncoder::Encoding encoding;
    if (!StreamEncoder::parse(context.value(QStringLiteral("encoding")), &encoding))
        return context.usage(tr("--encoding must be raw, hex or base64."));
    EntropySource source;
    if (!entropy::parseSource(context.value(QStringLiteral("source")), &source))
        return context.usage(tr("--source must be hsm, os or mixed."));
    const QString out = context.value(QStringLiteral("out"));
    if (out.isEmpty() && encoding == StreamEncoder::Encoding::Raw &&
        isatty(fileno(context.rawOut())))
        return context.usage(tr("Refusing to write raw bytes to a terminal; use --out FILE "
                                "or --encoding hex."));

    std::optional<OutputFile> file; // mode 0600; a failure leaves no partial file
    if (!out.isEmpty()) {
        if (const QString problem = OutputFile::checkTarget(out); !problem.isEmpty())
            return context.fail(problem);
    }

    std::optional<CK_SLOT_ID> slot;
    if (source != EntropySource::Os) {
        if (Status loaded = context.loadModule(); !loaded)
            return context.fail(loaded.error());
        Result<SlotInfo> selected = context.selectToken();
        if (!selected)
            return context.fail(selected.error());
        slot = selected->id;
    }
    if (!out.isEmpty()) {
        file.emplace(out);
        if (Status opened = file->open(); !opened)
            return context.fail(opened.error());
    } else {
        context.out().flush();
    }

    // The bytes stream through two blocks of memory: each block is encoded and written (on
    // a thread of the core) as soon as it has passed the health tests.
    StreamEncoder encoder(encoding);
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
        slot, source, bytes,
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
