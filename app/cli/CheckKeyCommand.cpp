// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CheckKeyCommand.h"

#include "app/cli/JsonOutput.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> CheckKeyCommand::options() const {
    return {QCommandLineOption(QStringLiteral("label"),
                               tr("The key's label (default: akeyless_hsm)."),
                               QStringLiteral("label"), QStringLiteral("akeyless_hsm"))};
}

int CheckKeyCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    const QString label = context.value(QStringLiteral("label"));
    Result<bool> kek = await(context.client().isKek(token.slot.id, label));
    if (!kek)
        return context.fail(kek.error());
    if (kek.value())
        return checkKek(context, token, label);
    Result<KeyCheckReport> report = await(context.client().checkSecretKey(token.slot.id, label));
    if (!report)
        return context.fail(report.error());
    if (context.format() == OutputFormat::Json)
        context.printJson(QJsonObject{{QStringLiteral("ok"), true},
                                      {QStringLiteral("key"), objectJson(report->key)},
                                      {QStringLiteral("verdict"), report->verdict}});
    else
        context.out() << report->verdict << Qt::endl;
    return 0;
}

// A key-encryption key: a round trip with each algorithm its kind allows.
int CheckKeyCommand::checkKek(CommandContext &context, const SelectedToken &token,
                              const QString &label) {
    Result<KekCheckReport> report = await(context.client().checkKek(token.slot.id, label));
    if (!report)
        return context.fail(report.error());
    if (context.format() == OutputFormat::Json) {
        context.printJson(
            QJsonObject{{QStringLiteral("ok"), true},
                        {QStringLiteral("key"), objectJson(report->key)},
                        {QStringLiteral("kek"), true},
                        {QStringLiteral("algorithms"), QJsonArray::fromStringList(report->works)},
                        {QStringLiteral("refused"), QJsonArray::fromStringList(report->refused)},
                        {QStringLiteral("verdict"), report->verdict}});
        return 0;
    }
    context.out() << report->verdict << '\n';
    for (const QString &line : report->refused)
        context.out() << tr("  not on this module: %1").arg(line) << '\n';
    context.out().flush();
    return 0;
}

} // namespace hsm::cli
