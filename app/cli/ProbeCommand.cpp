// SPDX-License-Identifier: Apache-2.0
#include "app/cli/ProbeCommand.h"

#include "core/gateway/GatewayProbe.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> ProbeCommand::options() const {
    return {
        QCommandLineOption(QStringLiteral("host"), tr("The gateway's host name or address."),
                           QStringLiteral("host")),
        QCommandLineOption(QStringLiteral("tls"), tr("Ask for /health over HTTPS.")),
        QCommandLineOption(QStringLiteral("timeout-ms"),
                           tr("How long to wait for each answer (default: 3000)."),
                           QStringLiteral("ms"), QStringLiteral("3000")),
        QCommandLineOption(QStringLiteral("ports"),
                           tr("Ports to check, comma-separated (default: the gateway's)."),
                           QStringLiteral("list")),
        QCommandLineOption(QStringLiteral("health-port"),
                           tr("The port that serves /health (default: 8080)."),
                           QStringLiteral("port"), QStringLiteral("8080")),
    };
}

int ProbeCommand::run(CommandContext &context) {
    const QString host = context.value(QStringLiteral("host"));
    if (host.isEmpty())
        return context.usage(tr("probe needs --host."));
    GatewayProbe::Target target = GatewayProbe::defaultTarget(host);
    bool ok = false;
    target.timeoutMs = context.value(QStringLiteral("timeout-ms")).toInt(&ok);
    if (!ok || target.timeoutMs <= 0)
        return context.usage(tr("--timeout-ms must be a positive number."));
    target.healthPort = context.value(QStringLiteral("health-port")).toInt(&ok);
    if (!ok || target.healthPort <= 0 || target.healthPort > 65535)
        return context.usage(tr("--health-port must be a port number."));
    if (context.isSet(QStringLiteral("ports"))) {
        target.ports.clear();
        for (const QString &p :
             context.value(QStringLiteral("ports")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const int port = p.trimmed().toInt(&ok);
            if (!ok || port <= 0 || port > 65535)
                return context.usage(tr("'%1' is not a port number.").arg(p));
            target.ports << port;
        }
    }
    target.tls = context.isSet(QStringLiteral("tls"));

    GatewayProbe probe;
    QEventLoop loop;
    QObject::connect(&probe, &GatewayProbe::finished, &loop, &QEventLoop::quit);
    probe.start(target);
    loop.exec();

    bool allOk = true;
    QJsonArray array;
    for (const GatewayProbe::Result &r : probe.results()) {
        allOk = allOk && r.ok;
        const QString what =
            r.health ? QStringLiteral("%1 /health").arg(r.port) : QString::number(r.port);
        if (context.format() == OutputFormat::Json)
            array.append(QJsonObject{{QStringLiteral("port"), r.port},
                                     {QStringLiteral("check"),
                                      r.health ? QStringLiteral("health") : QStringLiteral("tcp")},
                                     {QStringLiteral("ok"), r.ok},
                                     {QStringLiteral("detail"), r.detail}});
        else
            context.out()
                << (r.ok ? tr("OK    %1:%2: %3") : tr("FAIL  %1:%2: %3")).arg(host, what, r.detail)
                << '\n';
    }
    if (context.format() == OutputFormat::Json)
        context.printJson(array);
    context.out().flush();
    return allOk ? 0 : 1;
}

} // namespace hsm::cli
