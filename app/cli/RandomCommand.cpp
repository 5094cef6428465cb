#include "RandomCommand.h"

#include "files/OutputFile.h"

#include <openssl/crypto.h>

#include <cstdio>
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
    const QString encoding = context.value(QStringLiteral("encoding"));
    if (encoding != QLatin1String("raw") && encoding != QLatin1String("hex") &&
        encoding != QLatin1String("base64"))
        return context.usage(tr("--encoding must be raw, hex or base64."));
    EntropySource source;
    if (!entropy::parseSource(context.value(QStringLiteral("source")), &source))
        return context.usage(tr("--source must be hsm, os or mixed."));
    const QString out = context.value(QStringLiteral("out"));
    if (out.isEmpty() && encoding == QLatin1String("raw") && isatty(STDOUT_FILENO))
        return context.usage(tr("Refusing to write raw bytes to a terminal; use --out FILE "
                                "or --encoding hex."));

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
    Result<std::shared_ptr<SecretBytes>> random =
        await(context.client().randomBytes(slot, source, bytes));
    if (!random)
        return context.fail(random.error());
    const SecretBytes &data = *random.value();
    QByteArray encoded;
    if (encoding != QLatin1String("raw")) {
        const QByteArray view = QByteArray::fromRawData(reinterpret_cast<const char *>(data.data()),
                                                        static_cast<qsizetype>(data.size()));
        encoded = (encoding == QLatin1String("hex") ? view.toHex() : view.toBase64()) + '\n';
    }
    const char *bytesOut =
        encoded.isEmpty() ? reinterpret_cast<const char *>(data.data()) : encoded.constData();
    const qint64 size = encoded.isEmpty() ? static_cast<qint64>(data.size()) : encoded.size();

    Status written = Done{};
    if (!out.isEmpty()) {
        OutputFile file(out); // mode 0600; a failure leaves no partial file
        written = file.open();
        if (written)
            written = file.write(bytesOut, size);
        if (written)
            written = file.commit();
    } else {
        context.out().flush();
        if (std::fwrite(bytesOut, 1, static_cast<size_t>(size), stdout) !=
                static_cast<size_t>(size) ||
            std::fflush(stdout) != 0)
            written = Error::make(Error::Kind::System, tr("Cannot write to standard output."));
    }
    if (!encoded.isEmpty())
        OPENSSL_cleanse(encoded.data(), static_cast<size_t>(encoded.size()));
    if (!written)
        return context.fail(written.error());
    return 0;
}

} // namespace hsm::cli
