// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/SlotInfo.h"
#include "core/token/TokenSelection.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hsm::ui {

// How the gateway should find a token: the initialized tokens present, a choice of slot,
// label or serial, and live the one environment line the gateway needs for that choice
// and the token's PKCS#11 URI, each ready to copy. Warns when a label is shared.
class TokenSelectorWidget : public QWidget {
    Q_OBJECT
public:
    explicit TokenSelectorWidget(QWidget *parent = nullptr);

    // Shows the initialized tokens among `slots`, keeping the chosen one when it is still
    // there.
    void setSlots(const QList<SlotInfo> &slots);
    // Follows a choice made elsewhere (the tree); a slot without an initialized token
    // clears the choice. Emits nothing.
    void setCurrentSlot(std::optional<CK_SLOT_ID> slot);
    std::optional<SlotInfo> currentSlot() const;

    GatewayTokenMode mode() const;
    void setMode(GatewayTokenMode mode);

Q_SIGNALS:
    // The user picked a token in the list.
    void tokenChosen(const hsm::SlotInfo &slot);
    // The chosen token or the way to name it changed, from here or from setCurrentSlot().
    void choiceChanged();

private:
    void showChoice();
    void copy(const QLineEdit *line);
    // Tokens other than `slot` with exactly the same label.
    QList<SlotInfo> sharingLabel(const SlotInfo &slot) const;

    QComboBox *m_mode;
    QListWidget *m_list;
    QLineEdit *m_gatewayLine;
    QPushButton *m_copyGatewayLine;
    QLineEdit *m_uri;
    QPushButton *m_copyUri;
    QLabel *m_ambiguity;
    QList<SlotInfo> m_tokens; // in list order
    bool m_following = false; // setCurrentSlot() is moving the list; do not emit
};

} // namespace hsm::ui
