// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/TokenPage.h"

#include "core/pkcs11/FlagNames.h"

#include <QLabel>

namespace hsm::ui {

TokenPage::TokenPage(QWidget *parent)
    : DetailsForm(parent)
    , m_label(addField(tr("Label")))
    , m_manufacturer(addField(tr("Manufacturer")))
    , m_model(addField(tr("Model")))
    , m_serial(addField(tr("Serial number")))
    , m_flags(addField(tr("Flags")))
    , m_sessions(addField(tr("Open sessions")))
    , m_maxSessions(addField(tr("Max sessions")))
    , m_rwSessions(addField(tr("Open R/W sessions")))
    , m_maxRwSessions(addField(tr("Max R/W sessions")))
    , m_minPin(addField(tr("Min PIN length")))
    , m_maxPin(addField(tr("Max PIN length")))
    , m_publicMemory(addField(tr("Public memory (free / total)")))
    , m_privateMemory(addField(tr("Private memory (free / total)")))
    , m_hardwareVersion(addField(tr("Hardware version")))
    , m_firmwareVersion(addField(tr("Firmware version")))
    , m_utcTime(addField(tr("Token clock (UTC)"))) {
    showSlot(nullptr);
}

void TokenPage::showSlot(const SlotInfo *slot) {
    if (!slot)
        showNote(tr("Select a slot or token in the tree."));
    else if (!slot->tokenError.isEmpty())
        showNote(tr("The token in slot %1 cannot be read: %2")
                     .arg(QString::number(slot->id), slot->tokenError));
    else if (!slot->token)
        showNote(tr("Slot %1 has no token.").arg(slot->id));
    else
        showToken(*slot->token);
}

void TokenPage::showToken(const TokenInfo &token) {
    m_label->setText(token.has(CKF_TOKEN_INITIALIZED) ? token.label : tr("(not initialized)"));
    m_manufacturer->setText(token.manufacturer);
    m_model->setText(token.model);
    m_serial->setText(token.serial);
    m_flags->setText(token.flags.join(QStringLiteral(", ")));
    // describeCount spells out CK_UNAVAILABLE_INFORMATION, and a maximum of 0
    // (CK_EFFECTIVELY_INFINITE), which would otherwise read as "no sessions allowed".
    m_sessions->setText(describeCount(token.sessionCount));
    m_maxSessions->setText(describeCount(token.maxSessionCount, true));
    m_rwSessions->setText(describeCount(token.rwSessionCount));
    m_maxRwSessions->setText(describeCount(token.maxRwSessionCount, true));
    m_minPin->setText(describeCount(token.minPinLen));
    m_maxPin->setText(describeCount(token.maxPinLen));
    m_publicMemory->setText(QStringLiteral("%1 / %2").arg(describeCount(token.freePublicMemory),
                                                          describeCount(token.totalPublicMemory)));
    m_privateMemory->setText(QStringLiteral("%1 / %2").arg(
        describeCount(token.freePrivateMemory), describeCount(token.totalPrivateMemory)));
    m_hardwareVersion->setText(token.hardwareVersion);
    m_firmwareVersion->setText(token.firmwareVersion);
    m_utcTime->setText(token.utcTime.isEmpty() ? tr("none") : token.utcTime);
    showFields();
}

} // namespace hsm::ui
