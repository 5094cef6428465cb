// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/ModuleInfo.h"
#include "core/token/SlotInfo.h"

#include <QStandardItemModel>

namespace hsm::ui {

// The loaded module as a tree: the module, its slots, and each slot's token.
class ModuleTreeModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum class Kind { Module, Slot, Token };
    enum Role {
        KindRole = Qt::UserRole + 1, // a Kind, as int
        SlotIdRole,                  // the slot's CK_SLOT_ID, on slot and token items
    };

    explicit ModuleTreeModel(QObject *parent = nullptr);

    void setInventory(const ModuleInfo &module, const QList<SlotInfo> &slots);
    void clearInventory();

    // The slot an item stands for (a slot item or its token); nullptr for the module.
    const SlotInfo *slotAt(const QModelIndex &index) const;
    // The token item of `slot` when `kind` is Token and it has one, else its slot item.
    QModelIndex indexOf(CK_SLOT_ID slot, Kind kind) const;
    // The first initialized token, else the first slot; invalid when there are no slots.
    QModelIndex preferredIndex() const;

private:
    QStandardItem *moduleItem() const;

    QList<SlotInfo> m_slots;
};

} // namespace hsm::ui
