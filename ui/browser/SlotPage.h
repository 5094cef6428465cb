// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/SlotInfo.h"
#include "ui/browser/DetailsForm.h"

namespace hsm::ui {

// The Slot tab: C_GetSlotInfo of the selected slot.
class SlotPage : public DetailsForm {
    Q_OBJECT
public:
    explicit SlotPage(QWidget *parent = nullptr);

    // nullptr when nothing (or the module) is selected.
    void showSlot(const SlotInfo *slot);

private:
    QLabel *m_id;
    QLabel *m_description;
    QLabel *m_manufacturer;
    QLabel *m_flags;
    QLabel *m_hardwareVersion;
    QLabel *m_firmwareVersion;
    QLabel *m_token;
};

} // namespace hsm::ui
