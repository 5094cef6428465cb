// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CheckKeyCommand.h"

#include "app/cli/JsonOutput.h"

#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> CheckKeyCommand::options() const {
    return {QCommandLineOption(QStringLiteral("label"),
                               tr("The key's label (default: akeyless_hsm)."),
                               QStringLiteral("label"), QStringLiteral("akeyless_hsm"))};
}

int CheckKeyCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    const QString label = context.value(QStringLiteral("label"));
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

} // namespace hsm::cli
