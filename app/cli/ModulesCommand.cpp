// SPDX-License-Identifier: Apache-2.0
#include "app/cli/ModulesCommand.h"

#include "app/cli/TextTable.h"
#include "core/pkcs11/ModuleDiscovery.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hsm::cli {

int ModulesCommand::run(CommandContext &context) {
    const QList<DiscoveredModule> modules = discoverModules();
    if (context.format() == OutputFormat::Json) {
        QJsonArray array;
        for (const DiscoveredModule &m : modules)
            array.append(QJsonObject{{QStringLiteral("name"), m.name},
                                     {QStringLiteral("path"), m.path},
                                     {QStringLiteral("source"), m.source}});
        context.printJson(array);
        return 0;
    }
    TextTable table({tr("NAME"), tr("SOURCE"), tr("PATH")});
    for (const DiscoveredModule &m : modules)
        table.addRow({m.name, m.source, m.path});
    table.print(context.out());
    return 0;
}

} // namespace hsm::cli
