#pragma once

#include "browser/ModuleTreeModel.h"

#include <QWidget>

#include <optional>

class QTabWidget;
class QTreeView;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class MechanismPage;
class SlotPage;
class TokenPage;

// The loaded module's slots and tokens in a tree, and the selected one's details in tabs.
class ModuleBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ModuleBrowser(HsmClient &client, QWidget *parent = nullptr);

    // Shows a freshly read inventory, keeping the selected slot when it is still there.
    void showInventory(const ModuleInfo &module, const QList<SlotInfo> &slots);
    void clear();

private:
    void showSelection();

    ModuleTreeModel *m_model;
    QTreeView *m_tree;
    QTabWidget *m_tabs;
    SlotPage *m_slotPage;
    TokenPage *m_tokenPage;
    MechanismPage *m_mechanismPage;
    std::optional<CK_SLOT_ID> m_shownSlot; // whose mechanisms the Mechanisms tab holds
};

} // namespace hsm::ui
