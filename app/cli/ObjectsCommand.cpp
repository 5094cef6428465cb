// SPDX-License-Identifier: Apache-2.0
#include "app/cli/ObjectsCommand.h"

#include "app/cli/JsonOutput.h"
#include "app/cli/TextTable.h"

#include <QJsonArray>

namespace hsm::cli {

QList<QCommandLineOption> ObjectsCommand::options() const {
    return {QCommandLineOption(QStringLiteral("no-login"),
                               tr("List only the public objects, without a PIN."))};
}

TokenCommand::Login ObjectsCommand::needsLogin(const CommandContext &context) const {
    return context.isSet(QStringLiteral("no-login")) ? Login::None : Login::Optional;
}

int ObjectsCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    if (needsLogin(context) == Login::Optional && !token.loggedIn)
        context.note(tr("not logged in (no HSM_PIN, --pin-file or terminal): "
                        "private objects are not listed."));
    Result<QList<ObjectInfo>> rows = awaitAll(context.client().objects(token.slot.id));
    if (!rows)
        return context.fail(rows.error());

    if (context.format() == OutputFormat::Json) {
        QJsonArray array;
        for (const ObjectInfo &o : rows.value())
            array.append(objectJson(o));
        context.printJson(array);
        return 0;
    }
    TextTable table({tr("CLASS"), tr("TYPE"), tr("LABEL"), tr("ID"), tr("SIZE"), tr("FLAGS")});
    for (const ObjectInfo &o : rows.value()) {
        QString size = o.sizeBits >= 0 ? QString::number(o.sizeBits) : QString();
        if (!o.curve.isEmpty())
            size = o.curve;
        table.addRow({o.classWord(), o.keyTypeWord(), TextTable::elide(o.label), o.idHex(), size,
                      o.flagWords().join(QLatin1Char(','))});
    }
    table.print(context.out());
    return 0;
}

} // namespace hsm::cli
