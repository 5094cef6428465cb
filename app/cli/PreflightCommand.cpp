// SPDX-License-Identifier: Apache-2.0
#include "app/cli/PreflightCommand.h"

#include "core/client/Preflight.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> PreflightCommand::options() const {
    return {
        QCommandLineOption(QStringLiteral("env-file"),
                           tr("The gateway's env file (KEY=VALUE lines; default: this "
                              "process's environment)."),
                           QStringLiteral("file")),
        QCommandLineOption(QStringLiteral("fragments"), tr("The fragments file."),
                           QStringLiteral("file"), QStringLiteral("customer_fragments.json")),
    };
}

int PreflightCommand::run(CommandContext &context) {
    GatewayEnvironment env;
    const QString envFile = context.value(QStringLiteral("env-file"));
    if (envFile.isEmpty()) {
        env = GatewayEnvironment::fromProcess();
    } else {
        Result<EnvFile> file = EnvFile::load(envFile);
        if (!file)
            return context.fail(file.error());
        env = GatewayEnvironment::fromEnvFile(file.value(), envFile);
    }
    const QList<PreflightCheck> checks =
        Preflight::run(context.client(), env, context.value(QStringLiteral("fragments")));
    if (context.format() == OutputFormat::Json) {
        QJsonArray array;
        for (const PreflightCheck &c : checks)
            array.append(QJsonObject{{QStringLiteral("passed"), c.passed},
                                     {QStringLiteral("check"), c.subject},
                                     {QStringLiteral("detail"), c.detail}});
        context.printJson(array);
    } else {
        for (const PreflightCheck &c : checks)
            context.out()
                << (c.passed ? tr("PASS  %1: %2") : tr("FAIL  %1: %2")).arg(c.subject, c.detail)
                << '\n';
        context.out().flush();
    }
    return Preflight::allPassed(checks) ? 0 : 1;
}

} // namespace hsm::cli
