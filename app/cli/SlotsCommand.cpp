// SPDX-License-Identifier: Apache-2.0
#include "app/cli/SlotsCommand.h"

#include "app/cli/JsonOutput.h"
#include "app/cli/TextTable.h"
#include "core/pkcs11/FlagNames.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hsm::cli {
int SlotsCommand::run(CommandContext &context) {
    Result<QList<SlotInfo>> slots = await(context.client().slotList());
    if (!slots)
        return context.fail(slots.error());
    if (context.format() == OutputFormat::Json) {
        QJsonArray array;
        for (const SlotInfo &s : slots.value())
            array.append(slotJson(s));
        context.printJson(array);
        return 0;
    }
    TextTable table({tr("SLOT"), tr("TOKEN"), tr("SERIAL"), tr("MODEL"), tr("FLAGS")});
    for (const SlotInfo &s : slots.value()) {
        if (s.token) {
            const QString label =
                s.token->has(CKF_TOKEN_INITIALIZED) ? s.token->label : tr("(not initialized)");
            table.addRow({QString::number(s.id), label, s.token->serial, s.token->model,
                          s.token->flags.join(QLatin1Char(','))});
        } else {
            const QString what = s.tokenError.isEmpty()
                                     ? (s.tokenPresent ? tr("(unreadable)") : tr("(no token)"))
                                     : s.tokenError;
            table.addRow({QString::number(s.id), what, QString(), QString(),
                          s.flags.join(QLatin1Char(','))});
        }
    }
    table.print(context.out());
    return 0;
}

} // namespace hsm::cli
