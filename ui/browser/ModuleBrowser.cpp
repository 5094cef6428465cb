// SPDX-License-Identifier: Apache-2.0
#include "ui/browser/ModuleBrowser.h"

#include "ui/browser/MechanismPage.h"
#include "ui/browser/SlotPage.h"
#include "ui/browser/TokenPage.h"
#include "ui/entropy/EntropyPage.h"
#include "ui/gateway/GatewayPage.h"
#include "ui/objects/ObjectsPage.h"
#include "ui/token/TokenSelectorWidget.h"

#include <QHBoxLayout>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>

namespace hsm::ui {

ModuleBrowser::ModuleBrowser(HsmClient &client, QWidget *parent)
    : QWidget(parent)
    , m_model(new ModuleTreeModel(this))
    , m_tree(new QTreeView)
    , m_tabs(new QTabWidget)
    , m_slotPage(new SlotPage)
    , m_tokenPage(new TokenPage)
    , m_mechanismPage(new MechanismPage(client))
    , m_objectsPage(new ObjectsPage(client))
    , m_entropyPage(new EntropyPage(client))
    , m_gatewayPage(new GatewayPage) {
    TokenSelectorWidget *selector = m_gatewayPage->tokenSelector();
    m_tree->setObjectName(QStringLiteral("moduleTree"));
    m_tree->setAccessibleName(tr("Slots and tokens"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ModuleBrowser::showSelection);

    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setAccessibleName(tr("Details"));
    m_tabs->addTab(m_slotPage, tr("&Slot"));
    m_tabs->addTab(m_tokenPage, tr("&Token"));
    m_tabs->addTab(m_mechanismPage, tr("&Mechanisms"));
    m_tabs->addTab(m_objectsPage, tr("&Objects"));
    m_tabs->addTab(m_entropyPage, tr("&Entropy"));
    m_tabs->addTab(m_gatewayPage, tr("Gate&way"));
    m_slotPage->setAccessibleName(tr("Slot"));
    m_tokenPage->setAccessibleName(tr("Token"));
    m_mechanismPage->setAccessibleName(tr("Mechanisms"));
    m_objectsPage->setObjectName(QStringLiteral("objectsPage"));
    m_objectsPage->setAccessibleName(tr("Objects"));
    m_entropyPage->setObjectName(QStringLiteral("entropyPage"));
    m_entropyPage->setAccessibleName(tr("Entropy"));
    m_gatewayPage->setObjectName(QStringLiteral("gatewayPage"));
    m_gatewayPage->setAccessibleName(tr("Gateway"));
    selector->setObjectName(QStringLiteral("tokenSelector"));
    selector->setAccessibleName(tr("Gateway token selection"));
    // A token picked for the gateway is the token the tree shows, and the other way round.
    connect(selector, &TokenSelectorWidget::tokenChosen, this, [this](const SlotInfo &slot) {
        m_tree->setCurrentIndex(m_model->indexOf(slot.id, ModuleTreeModel::Kind::Token));
    });

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({280, 720});

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setTabOrder(m_tree, m_tabs);
}

void ModuleBrowser::showInventory(const ModuleInfo &module, const QList<SlotInfo> &slots) {
    const QModelIndex current = m_tree->currentIndex();
    const std::optional<CK_SLOT_ID> previous =
        current.isValid() && m_model->slotAt(current)
            ? std::optional<CK_SLOT_ID>(m_model->slotAt(current)->id)
            : std::nullopt;
    const auto previousKind =
        static_cast<ModuleTreeModel::Kind>(current.data(ModuleTreeModel::KindRole).toInt());

    clear();
    m_model->setInventory(module, slots);
    m_gatewayPage->setModule(&module);
    tokenSelector()->setSlots(slots);
    m_tree->expandAll();

    QModelIndex select = previous ? m_model->indexOf(*previous, previousKind) : QModelIndex();
    if (!select.isValid())
        select = m_model->preferredIndex();
    m_tree->setCurrentIndex(select);
}

void ModuleBrowser::clear() {
    m_model->clearInventory();
    m_gatewayPage->setModule(nullptr);
    tokenSelector()->setSlots({});
    // Removing the rows may not move the current index; make sure the tabs follow.
    m_tree->setCurrentIndex({});
    showSelection();
}

TokenSelectorWidget *ModuleBrowser::tokenSelector() const {
    return m_gatewayPage->tokenSelector();
}

const SlotInfo *ModuleBrowser::currentSlot() const {
    return m_model->slotAt(m_tree->currentIndex());
}

void ModuleBrowser::showSelection() {
    const SlotInfo *slot = currentSlot();
    m_slotPage->showSlot(slot);
    m_tokenPage->showSlot(slot);
    const std::optional<CK_SLOT_ID> id = slot ? std::optional<CK_SLOT_ID>(slot->id) : std::nullopt;
    tokenSelector()->setCurrentSlot(id);
    // A slot and its token share their mechanisms and objects; do not ask twice.
    if (id != m_shownSlot) {
        m_shownSlot = id;
        m_mechanismPage->showSlot(id);
        const bool initialized = slot && slot->token && slot->token->has(CKF_TOKEN_INITIALIZED);
        const std::optional<CK_SLOT_ID> token = initialized ? id : std::nullopt;
        const QString name = initialized ? slot->token->displayName() : QString();
        m_objectsPage->showSlot(token, name);
        m_entropyPage->showSlot(token, name);
    }
    Q_EMIT currentSlotChanged();
}

} // namespace hsm::ui
