// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/SlotInfo.h"
#include "ui/browser/DetailsForm.h"

namespace hsm::ui {

// The Token tab: C_GetTokenInfo of the selected slot's token.
class TokenPage : public DetailsForm {
    Q_OBJECT
public:
    explicit TokenPage(QWidget *parent = nullptr);

    // nullptr when nothing (or the module) is selected.
    void showSlot(const SlotInfo *slot);

private:
    void showToken(const TokenInfo &token);

    QLabel *m_label;
    QLabel *m_manufacturer;
    QLabel *m_model;
    QLabel *m_serial;
    QLabel *m_flags;
    QLabel *m_sessions;
    QLabel *m_maxSessions;
    QLabel *m_rwSessions;
    QLabel *m_maxRwSessions;
    QLabel *m_minPin;
    QLabel *m_maxPin;
    QLabel *m_publicMemory;
    QLabel *m_privateMemory;
    QLabel *m_hardwareVersion;
    QLabel *m_firmwareVersion;
    QLabel *m_utcTime;
};

} // namespace hsm::ui
