// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/ModuleTreeModel.h"

#include "ui/Icons.h"

#include <QFileInfo>

namespace hsm::ui {
namespace {

QStandardItem *newItem(const QString &text, ModuleTreeModel::Kind kind) {
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setData(static_cast<int>(kind), ModuleTreeModel::KindRole);
    return item;
}

ModuleTreeModel::Kind kindOf(const QModelIndex &index) {
    return static_cast<ModuleTreeModel::Kind>(index.data(ModuleTreeModel::KindRole).toInt());
}

} // namespace

ModuleTreeModel::ModuleTreeModel(QObject *parent)
    : QStandardItemModel(parent) {
    setHorizontalHeaderLabels({tr("Module")});
}

void ModuleTreeModel::setInventory(const ModuleInfo &module, const QList<SlotInfo> &slots) {
    clearInventory();
    m_slots = slots;

    QStandardItem *root = newItem(
        tr("%1 (%2)").arg(module.manufacturer, QFileInfo(module.path).fileName()), Kind::Module);
    root->setIcon(icons::module());
    root->setToolTip(QStringLiteral("%1\n%2").arg(module.summary(), module.path));
    appendRow(root);

    for (const SlotInfo &slot : slots) {
        const QVariant id = QVariant::fromValue<qulonglong>(slot.id);
        QString slotText = tr("Slot %1").arg(slot.id);
        if (!slot.tokenError.isEmpty())
            slotText = tr("Slot %1 (token unreadable)").arg(slot.id);
        else if (!slot.token)
            slotText = tr("Slot %1 (no token)").arg(slot.id);
        QStandardItem *slotItem = newItem(slotText, Kind::Slot);
        slotItem->setIcon(icons::slot());
        slotItem->setData(id, SlotIdRole);
        slotItem->setToolTip(slot.tokenError.isEmpty() ? slot.description : slot.tokenError);
        root->appendRow(slotItem);

        if (!slot.token)
            continue;
        const TokenInfo &token = *slot.token;
        QStandardItem *tokenItem = newItem(token.displayName(), Kind::Token);
        tokenItem->setIcon(icons::token(token.has(CKF_TOKEN_INITIALIZED)));
        tokenItem->setData(id, SlotIdRole);
        tokenItem->setToolTip(tr("%1 %2").arg(token.manufacturer, token.model));
        if (!token.has(CKF_TOKEN_INITIALIZED)) {
            // SoftHSM always offers one empty token; make clear it is not usable yet.
            tokenItem->setText(token.serial.isEmpty()
                                   ? tr("Uninitialized token")
                                   : tr("Uninitialized token (#%1)").arg(token.serial));
            tokenItem->setToolTip(tr("This token has not been initialized (C_InitToken)."));
            QFont italic = tokenItem->font();
            italic.setItalic(true);
            tokenItem->setFont(italic);
        }
        slotItem->appendRow(tokenItem);
    }
}

void ModuleTreeModel::clearInventory() {
    removeRows(0, rowCount());
    m_slots.clear();
}

const SlotInfo *ModuleTreeModel::slotAt(const QModelIndex &index) const {
    if (!index.isValid() || kindOf(index) == Kind::Module)
        return nullptr;
    const auto id = static_cast<CK_SLOT_ID>(index.data(SlotIdRole).toULongLong());
    for (const SlotInfo &slot : m_slots) {
        if (slot.id == id)
            return &slot;
    }
    return nullptr;
}

QModelIndex ModuleTreeModel::indexOf(CK_SLOT_ID slot, Kind kind) const {
    const QStandardItem *root = moduleItem();
    for (int row = 0; root && row < root->rowCount(); ++row) {
        const QStandardItem *slotItem = root->child(row);
        if (slotItem->data(SlotIdRole).toULongLong() != slot)
            continue;
        if (kind == Kind::Token && slotItem->hasChildren())
            return slotItem->child(0)->index();
        return slotItem->index();
    }
    return {};
}

QModelIndex ModuleTreeModel::preferredIndex() const {
    for (const SlotInfo &slot : m_slots) {
        if (slot.token && slot.token->has(CKF_TOKEN_INITIALIZED))
            return indexOf(slot.id, Kind::Token);
    }
    return m_slots.isEmpty() ? QModelIndex() : indexOf(m_slots.first().id, Kind::Slot);
}

QStandardItem *ModuleTreeModel::moduleItem() const {
    return rowCount() > 0 ? item(0) : nullptr;
}

} // namespace hsm::ui
