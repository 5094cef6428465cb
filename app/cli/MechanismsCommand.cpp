// SPDX-License-Identifier: Apache-2.0
#include "app/cli/MechanismsCommand.h"

#include "app/cli/TextTable.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hsm::cli {

int MechanismsCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    Result<QList<MechanismInfo>> mechanisms = await(context.client().mechanisms(token.slot.id));
    if (!mechanisms)
        return context.fail(mechanisms.error());
    if (context.format() == OutputFormat::Json) {
        QJsonArray array;
        for (const MechanismInfo &m : mechanisms.value()) {
            QJsonObject o{{QStringLiteral("name"), m.name},
                          {QStringLiteral("id"), static_cast<qint64>(m.type)},
                          {QStringLiteral("min_key_size"), static_cast<qint64>(m.minKeySize)},
                          {QStringLiteral("max_key_size"), static_cast<qint64>(m.maxKeySize)},
                          {QStringLiteral("flags"), QJsonArray::fromStringList(m.flags)}};
            if (!m.infoError.isEmpty())
                o.insert(QStringLiteral("error"), m.infoError);
            array.append(o);
        }
        context.printJson(array);
        return 0;
    }
    TextTable table({tr("MECHANISM"), tr("ID"), tr("MIN"), tr("MAX"), tr("FLAGS")});
    for (const MechanismInfo &m : mechanisms.value()) {
        table.addRow({m.name, QStringLiteral("0x%1").arg(m.type, 0, 16),
                      QString::number(m.minKeySize), QString::number(m.maxKeySize),
                      m.infoError.isEmpty() ? m.flags.join(QLatin1Char(',')) : m.infoError});
    }
    table.print(context.out());
    return 0;
}

} // namespace hsm::cli
