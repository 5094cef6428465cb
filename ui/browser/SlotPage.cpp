// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/SlotPage.h"

#include <QLabel>

namespace hsm::ui {

SlotPage::SlotPage(QWidget *parent)
    : DetailsForm(parent)
    , m_id(addField(tr("Slot ID")))
    , m_description(addField(tr("Description")))
    , m_manufacturer(addField(tr("Manufacturer")))
    , m_flags(addField(tr("Flags")))
    , m_hardwareVersion(addField(tr("Hardware version")))
    , m_firmwareVersion(addField(tr("Firmware version")))
    , m_token(addField(tr("Token"))) {
    showSlot(nullptr);
}

void SlotPage::showSlot(const SlotInfo *slot) {
    if (!slot) {
        showNote(tr("Select a slot or token in the tree."));
        return;
    }
    m_id->setText(tr("%1 (0x%2)").arg(slot->id).arg(slot->id, 0, 16));
    m_description->setText(slot->description);
    m_manufacturer->setText(slot->manufacturer);
    m_flags->setText(slot->flags.join(QStringLiteral(", ")));
    m_hardwareVersion->setText(slot->hardwareVersion);
    m_firmwareVersion->setText(slot->firmwareVersion);
    if (!slot->tokenError.isEmpty())
        m_token->setText(slot->tokenError);
    else if (slot->token)
        m_token->setText(slot->token->displayName());
    else
        m_token->setText(tr("none"));
    showFields();
}

} // namespace hsm::ui
