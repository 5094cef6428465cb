// SPDX-License-Identifier: Apache-2.0
#include "app/cli/ExportConfigCommand.h"

#include "core/files/InputFile.h"
#include "core/fragment/FragmentFile.h"
#include "core/gateway/EnvFile.h"
#include "core/gateway/GatewayConfig.h"
#include "core/gateway/GatewayImport.h"
#include "core/token/DemoHsm.h"
#include "core/token/TokenSelector.h"

#include <QFile>
#include <QFileInfo>

namespace hsm::cli {

QList<QCommandLineOption> ExportConfigCommand::options() const {
    return {
        QCommandLineOption(QStringLiteral("output-format"),
                           tr("docker, env, compose, k8s or helm (also --format)."),
                           QStringLiteral("format")),
        QCommandLineOption(QStringLiteral("fragments"), tr("The customer_fragments.json to mount."),
                           QStringLiteral("file")),
        QCommandLineOption(QStringLiteral("use-rand"),
                           tr("HSM_USE_RAND: true or false (default: HSM_USE_RAND, "
                              "else true)."),
                           QStringLiteral("bool")),
        QCommandLineOption(QStringLiteral("include-pin"),
                           tr("Write the PIN (from HSM_PIN, --pin-file or a prompt) "
                              "instead of a placeholder.")),
        QCommandLineOption(QStringLiteral("inline-fragments"),
                           tr("docker, env, compose: put the fragments file into "
                              "CUSTOMER_FRAGMENTS instead of mounting it.")),
        QCommandLineOption(QStringLiteral("chart"),
                           tr("helm format: the chart the values are for, akeyless-gateway "
                              "(default) or akeyless-api-gateway."),
                           QStringLiteral("name")),
        QCommandLineOption(QStringLiteral("mount-root"),
                           tr("The folder mounted into the container, holding the library "
                              "(default: the vendor's folder, e.g. /opt/cloudhsm)."),
                           QStringLiteral("dir")),
        QCommandLineOption(QStringLiteral("env-file"),
                           tr("Start from the settings of this gateway env file."),
                           QStringLiteral("file")),
        QCommandLineOption(QStringLiteral("docker-run"),
                           tr("Start from the settings of the docker run command in "
                              "this file."),
                           QStringLiteral("file")),
    };
}

int ExportConfigCommand::run(CommandContext &context) {
    // --format is global (text|json) for other commands; here it names the deployment format.
    QString formatName = context.value(QStringLiteral("output-format"));
    if (formatName.isEmpty())
        formatName = context.value(QStringLiteral("format"));
    GatewayConfig::Format format;
    if (!GatewayConfig::parseFormat(formatName, &format))
        return context.usage(tr("export-config needs --format docker, env, compose, "
                                "k8s or helm."));

    GatewayConfig config;
    config.tokenValue.clear();
    const QString envFile = context.value(QStringLiteral("env-file"));
    const QString dockerFile = context.value(QStringLiteral("docker-run"));
    if (!envFile.isEmpty() || !dockerFile.isEmpty()) {
        const QString path = envFile.isEmpty() ? dockerFile : envFile;
        const Result<QByteArray> content =
            inputFile::read(path, EnvFile::kMaxFileSize,
                            envFile.isEmpty() ? tr("a docker run command") : tr("an env file"));
        if (!content)
            return context.fail(content.error());
        Result<GatewayImport> imported =
            envFile.isEmpty() ? GatewayImport::fromDockerRun(QString::fromUtf8(content.value()))
                              : GatewayImport::fromEnvFile(content.value(), envFile);
        if (!imported)
            return context.fail(imported.error());
        for (const QString &u : imported->unused)
            context.note(tr("not used: %1").arg(u));
        const QStringList tokenAssignments = imported->tokenAssignments();
        if (tokenAssignments.size() > 1)
            return context.fail(tr("%1 sets several token identifiers (%2); the export "
                                   "needs exactly one.")
                                    .arg(path, tokenAssignments.join(QStringLiteral(", "))));
        config = imported->config;
    } else {
        config.libraryPath = qEnvironmentVariable("PKCS11_LIB_PATH");
        const QString useRand = qEnvironmentVariable("HSM_USE_RAND");
        config.useRand =
            useRand.isEmpty() || useRand.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    }
    if (context.isSet(QStringLiteral("module")) &&
        context.value(QStringLiteral("module")) != config.libraryPath) {
        config.libraryPath = context.value(QStringLiteral("module"));
        // An imported mount belongs to the imported library.
        config.mountRoot.clear();
        config.mountHostFolder.clear();
    }
    if (context.isSet(QStringLiteral("mount-root"))) {
        config.mountRoot = context.value(QStringLiteral("mount-root"));
        config.mountHostFolder.clear();
    }
    if (context.isSet(QStringLiteral("chart"))) {
        if (format != GatewayConfig::Format::Helm)
            return context.usage(tr("--chart is for --format helm."));
        if (!GatewayConfig::parseHelmChart(context.value(QStringLiteral("chart")),
                                           &config.helmChart))
            return context.usage(
                tr("--chart must be akeyless-gateway or akeyless-api-gateway, not '%1'.")
                    .arg(context.value(QStringLiteral("chart"))));
    }

    // Exactly one token identifier, from the flags or else the gateway's variables.
    const TokenSelection selection = context.selection();
    if (selection.uri.isSet())
        return context.usage(tr("The gateway has no URI setting; use --slot, "
                                "--token-label or --token-serial."));
    QList<QPair<GatewayTokenMode, TokenSelection::Identifier>> ids;
    if (selection.slot.isSet())
        ids.append({GatewayTokenMode::Slot, selection.slot});
    if (selection.label.isSet())
        ids.append({GatewayTokenMode::Label, selection.label});
    if (selection.serial.isSet())
        ids.append({GatewayTokenMode::Serial, selection.serial});
    if (ids.size() > 1) {
        QStringList names;
        for (const auto &id : ids)
            names << id.second.source;
        return context.fail(tr("Several token identifiers are set (%1); the gateway "
                               "needs exactly one.")
                                .arg(names.join(QStringLiteral(", "))));
    }
    if (ids.size() == 1) {
        // A slot is read as selection reads it, so the export names the slot a check used.
        if (ids.first().first == GatewayTokenMode::Slot) {
            if (Result<CK_SLOT_ID> slot = TokenSelection::slotNumber(ids.first().second); !slot)
                return context.fail(slot.error());
        }
        config.tokenMode = ids.first().first;
        config.tokenValue = ids.first().second.value;
    }

    // No library anywhere: the built-in demo HSM, as for every command. Its settings are for a
    // gateway on this machine (the env format); the demo cannot go into a container.
    const bool demo = config.libraryPath.isEmpty();
    if (demo) {
        config.libraryPath = demoHsm::modulePath();
        config.softHsmConf = demoHsm::configPath();
        config.mountRoot.clear();
        config.mountHostFolder.clear();
        // render() gives the reason, before anything is loaded or asked for.
        if (format != GatewayConfig::Format::Env) {
            if (Result<QString> refused = config.render(format); !refused)
                return context.fail(refused.error());
        }
    }
    if (demo || config.tokenValue.isEmpty()) {
        HsmClient &client = context.client();
        const Result<ModuleInfo> loaded =
            await(demo ? client.loadDemo() : client.load(config.libraryPath));
        if (!loaded && demo)
            return context.fail(loaded.error());
        if (!loaded)
            return context.fail(tr("No token identifier, and %1 cannot be read here to find "
                                   "its only token: %2 Set --slot, --token-label or "
                                   "--token-serial.")
                                    .arg(config.libraryPath, loaded.error().toString()));
        if (demo)
            context.noteDemo();
    }
    if (config.tokenValue.isEmpty()) {
        // Without an identifier, the only initialised token, named by its serial (the one
        // identifier that neither changes nor is shared).
        const Result<QList<SlotInfo>> slots = await(context.client().slotList());
        if (!slots)
            return context.fail(slots.error());
        QList<SlotInfo> tokens;
        for (const SlotInfo &slot : slots.value()) {
            if (slot.token && slot.token->has(CKF_TOKEN_INITIALIZED))
                tokens.append(slot);
        }
        if (tokens.isEmpty())
            return context.fail(tr("%1 has no initialised token; initialise one, or set "
                                   "--slot, --token-label or --token-serial.")
                                    .arg(config.libraryPath));
        if (tokens.size() > 1) {
            QStringList names;
            for (const SlotInfo &slot : tokens)
                names << TokenSelector::describe(slot);
            return context.fail(tr("%1 has %2 initialised tokens (%3); choose one with --slot, "
                                   "--token-label or --token-serial.")
                                    .arg(config.libraryPath)
                                    .arg(tokens.size())
                                    .arg(names.join(QStringLiteral(", "))));
        }
        config.tokenMode = GatewayTokenMode::Serial;
        config.tokenValue = tokens.first().token->serial;
        context.note(tr("the only initialised token, %1, by its serial.")
                         .arg(TokenSelector::describe(tokens.first())));
    }

    if (context.isSet(QStringLiteral("use-rand"))) {
        const QString v = context.value(QStringLiteral("use-rand"));
        if (v != QLatin1String("true") && v != QLatin1String("false"))
            return context.usage(tr("--use-rand must be true or false."));
        config.useRand = v == QLatin1String("true");
    }
    const QString fragments = context.value(QStringLiteral("fragments"));
    if (!fragments.isEmpty()) {
        config.fragmentsPath = QFileInfo(fragments).absoluteFilePath();
        config.fragmentsInline = false; // mounted, unless --inline-fragments says otherwise
    }
    if (context.isSet(QStringLiteral("inline-fragments"))) {
        if (config.fragmentsPath.isEmpty())
            return context.fail(tr("--inline-fragments needs a readable --fragments file."));
        // Read and checked as every fragments file is: capped, regular, valid.
        const Result<FragmentFile> file = FragmentFile::load(config.fragmentsPath);
        if (!file)
            return context.fail(file.error());
        config.fragmentsInline = true;
        config.fragmentsJson = QString::fromUtf8(file->toJson());
    }
    if (context.isSet(QStringLiteral("include-pin"))) {
        QString exposed;
        Result<std::shared_ptr<SecretBytes>> pin =
            context.pinSource().read(tr("User PIN: "), &exposed);
        if (!pin)
            return context.fail(pin.error());
        if (!exposed.isEmpty())
            context.warn(exposed);
        config.includePin = true;
        config.pin = QString::fromUtf8(reinterpret_cast<const char *>(pin.value()->data()),
                                       static_cast<qsizetype>(pin.value()->size()));
        if (GatewayConfig::carriesPin(format))
            context.warn(tr("the output contains the HSM PIN; keep it out of version control "
                            "and shell history."));
        else
            context.note(tr("the %1 format reads the PIN from a Kubernetes secret; it is not "
                            "written.")
                             .arg(GatewayConfig::formatName(format)));
    }
    Result<QString> text = config.render(format);
    if (!text)
        return context.fail(text.error());
    for (const QString &warning : config.warnings(format))
        context.warn(warning);
    context.out() << text.value();
    context.out().flush();
    return 0;
}

} // namespace hsm::cli
