// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/browser/ModuleTreeModel.h"

#include <QWidget>

#include <optional>

class QTabWidget;
class QTreeView;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class EntropyPage;
class GatewayPage;
class MechanismPage;
class ObjectsPage;
class SlotPage;
class TokenPage;
class TokenSelectorWidget;

// The loaded module's slots and tokens in a tree, and the selected one's details in tabs:
// slot, token, mechanisms, objects, its generator's check, and how the gateway should
// select the token.
class ModuleBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ModuleBrowser(HsmClient &client, QWidget *parent = nullptr);

    // Shows a freshly read inventory, keeping the selected slot when it is still there.
    void showInventory(const ModuleInfo &module, const QList<SlotInfo> &slots);
    void clear();

    // The slot of the selected tree item (a slot or its token); nullptr for none or the
    // module.
    const SlotInfo *currentSlot() const;
    ObjectsPage *objectsPage() const { return m_objectsPage; }
    TokenSelectorWidget *tokenSelector() const;
    GatewayPage *gatewayPage() const { return m_gatewayPage; }

Q_SIGNALS:
    // The selection moved, or the inventory under it was read again.
    void currentSlotChanged();

private:
    void showSelection();

    ModuleTreeModel *m_model;
    QTreeView *m_tree;
    QTabWidget *m_tabs;
    SlotPage *m_slotPage;
    TokenPage *m_tokenPage;
    MechanismPage *m_mechanismPage;
    ObjectsPage *m_objectsPage;
    EntropyPage *m_entropyPage;
    GatewayPage *m_gatewayPage;
    std::optional<CK_SLOT_ID> m_shownSlot; // whose mechanisms and objects the tabs hold
};

} // namespace hsm::ui
