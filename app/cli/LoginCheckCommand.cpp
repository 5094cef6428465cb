// SPDX-License-Identifier: Apache-2.0
#include "app/cli/LoginCheckCommand.h"

#include "app/cli/JsonOutput.h"
#include "core/token/TokenSelector.h"

#include <QJsonObject>

namespace hsm::cli {

int LoginCheckCommand::runOnToken(CommandContext &context, const SelectedToken &token) {
    const SlotInfo &slot = token.slot;
    Result<PinState> after = await(context.client().pinState(slot.id));
    const Status loggedOut = await(context.client().logout(slot.id));
    if (!after)
        return context.fail(after.error());
    if (context.format() == OutputFormat::Json) {
        context.printJson(QJsonObject{{QStringLiteral("token"), tokenJson(*slot.token)},
                                      {QStringLiteral("slot_id"), static_cast<qint64>(slot.id)},
                                      {QStringLiteral("logged_in"), true},
                                      {QStringLiteral("pin_state"), after->describe()}});
    } else {
        context.out() << tr("Logged in to %1 and out again.").arg(TokenSelector::describe(slot))
                      << '\n'
                      << tr("PIN state: %1").arg(after->describe()) << Qt::endl;
    }
    if (!loggedOut)
        return context.fail(loggedOut.error());
    return 0;
}

} // namespace hsm::cli
