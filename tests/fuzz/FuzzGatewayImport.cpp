// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the gateway settings an operator pastes in, an env file or a
// `docker run` command (EnvFile, GatewayImport, shellWords::split). The same bytes go to
// every reader. Words split from a command and quoted again with shellWords::quote must split
// back into the same words; an accepted import must render in every format or say why.
#include "core/gateway/EnvFile.h"
#include "core/gateway/GatewayConfig.h"
#include "core/gateway/GatewayImport.h"
#include "core/gateway/ShellWords.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

QByteArray show(const QStringList &words) {
    QByteArray out;
    for (const QString &w : words)
        out += "[" + w.toUtf8().toPercentEncoding(" ") + "] ";
    return out;
}

void renderAll(const hsm::GatewayImport &import) {
    using Format = hsm::GatewayConfig::Format;
    for (Format format :
         {Format::Docker, Format::Env, Format::Compose, Format::Kubernetes, Format::Helm}) {
        const hsm::Result<QString> text = import.config.render(format);
        if (!text && text.error().toString().isEmpty())
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 64 * 1024)
        return -1;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString text = QString::fromUtf8(bytes);

    const hsm::Result<hsm::EnvFile> env = hsm::EnvFile::parse(bytes, QStringLiteral("fuzz.env"));
    if (env) {
        for (const auto &[key, value] : env->entries()) {
            if (!env->contains(key))
                std::abort();
            (void)value;
        }
    }
    const hsm::Result<hsm::GatewayImport> fromEnv =
        hsm::GatewayImport::fromEnvFile(bytes, QStringLiteral("fuzz.env"));
    if (fromEnv && !env)
        std::abort(); // the import reads the file with EnvFile, refusing what it refuses
    if (env && !fromEnv && !fromEnv.error().message.contains(QLatin1String(" is empty; ")))
        std::abort(); // and besides only a gateway variable left empty
    if (fromEnv)
        renderAll(fromEnv.value());

    const hsm::Result<QStringList> words = hsm::shellWords::split(text);
    if (words) {
        QStringList quoted;
        for (const QString &word : words.value())
            quoted << hsm::shellWords::quote(word);
        const hsm::Result<QStringList> again =
            hsm::shellWords::split(quoted.join(QLatin1Char(' ')));
        if (!again || again.value() != words.value()) {
            std::fprintf(stderr, "words:   %s\nquoted:  %s\nsplit:   %s\n",
                         show(words.value()).constData(),
                         quoted.join(QLatin1Char(' ')).toUtf8().constData(),
                         again ? show(again.value()).constData()
                               : again.error().toString().toUtf8().constData());
            std::abort();
        }
    }
    const hsm::Result<hsm::GatewayImport> fromDocker = hsm::GatewayImport::fromDockerRun(text);
    if (fromDocker)
        renderAll(fromDocker.value());
    return 0;
}
