// SPDX-License-Identifier: Apache-2.0
#include "ui/token/TokenSelectorWidget.h"

#include "core/token/TokenSelector.h"

#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace hsm::ui {

TokenSelectorWidget::TokenSelectorWidget(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_list(new QListWidget(this))
    , m_gatewayLine(new QLineEdit(this))
    , m_copyGatewayLine(new QPushButton(tr("Cop&y"), this))
    , m_uri(new QLineEdit(this))
    , m_copyUri(new QPushButton(tr("Copy U&RI"), this))
    , m_ambiguity(new QLabel(this)) {
    auto *intro = new QLabel(tr("The gateway finds its token through one environment variable. "
                                "Choose the token and how to name it; the serial is the safest, "
                                "since labels can be shared and slot numbers can change."),
                             this);
    intro->setWordWrap(true);

    auto *listLabel = new QLabel(tr("&Initialized tokens:"), this);
    listLabel->setBuddy(m_list);
    m_list->setObjectName(QStringLiteral("tokenList"));
    m_list->setAccessibleName(tr("Initialized tokens"));

    auto *modeLabel = new QLabel(tr("Select the token &by:"), this);
    modeLabel->setBuddy(m_mode);
    m_mode->setObjectName(QStringLiteral("selectorMode"));
    m_mode->setAccessibleName(tr("Select the token by"));
    m_mode->addItem(tr("Serial (HSM_TOKEN_SERIAL) – recommended"),
                    static_cast<int>(GatewayTokenMode::Serial));
    m_mode->addItem(tr("Label (HSM_TOKEN_LABEL)"), static_cast<int>(GatewayTokenMode::Label));
    m_mode->addItem(tr("Slot (HSM_SLOT)"), static_cast<int>(GatewayTokenMode::Slot));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *lineLabel = new QLabel(tr("G&ateway environment:"), this);
    lineLabel->setBuddy(m_gatewayLine);
    m_gatewayLine->setObjectName(QStringLiteral("gatewayLine"));
    m_gatewayLine->setAccessibleName(tr("Gateway environment line"));
    m_gatewayLine->setReadOnly(true);
    m_gatewayLine->setFont(fixed);
    m_copyGatewayLine->setObjectName(QStringLiteral("copyGatewayLine"));
    m_copyGatewayLine->setAccessibleName(tr("Copy the gateway environment line"));

    auto *uriLabel = new QLabel(tr("PKCS#11 &URI:"), this);
    uriLabel->setBuddy(m_uri);
    m_uri->setObjectName(QStringLiteral("tokenUri"));
    m_uri->setAccessibleName(tr("PKCS#11 URI of the token"));
    m_uri->setReadOnly(true);
    m_uri->setFont(fixed);
    m_copyUri->setObjectName(QStringLiteral("copyTokenUri"));
    m_copyUri->setAccessibleName(tr("Copy the PKCS#11 URI"));

    m_ambiguity->setObjectName(QStringLiteral("ambiguityNote"));
    m_ambiguity->setAccessibleName(tr("Shared label warning"));
    m_ambiguity->setWordWrap(true);
    m_ambiguity->setTextFormat(Qt::PlainText);
    m_ambiguity->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; "
                                              "border: 1px solid #ffda6a; padding: 6px; }"));
    m_ambiguity->hide();

    auto *layout = new QGridLayout(this);
    layout->addWidget(intro, 0, 0, 1, 3);
    layout->addWidget(listLabel, 1, 0, 1, 3);
    layout->addWidget(m_list, 2, 0, 1, 3);
    layout->addWidget(modeLabel, 3, 0);
    layout->addWidget(m_mode, 3, 1, 1, 2);
    layout->addWidget(lineLabel, 4, 0);
    layout->addWidget(m_gatewayLine, 4, 1);
    layout->addWidget(m_copyGatewayLine, 4, 2);
    layout->addWidget(uriLabel, 5, 0);
    layout->addWidget(m_uri, 5, 1);
    layout->addWidget(m_copyUri, 5, 2);
    layout->addWidget(m_ambiguity, 6, 0, 1, 3);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(2, 1);
    setTabOrder(m_list, m_mode);
    setTabOrder(m_mode, m_gatewayLine);
    setTabOrder(m_gatewayLine, m_copyGatewayLine);
    setTabOrder(m_copyGatewayLine, m_uri);
    setTabOrder(m_uri, m_copyUri);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &TokenSelectorWidget::showChoice);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        showChoice();
        if (!m_following && row >= 0 && row < m_tokens.size())
            Q_EMIT tokenChosen(m_tokens.at(row));
    });
    connect(m_copyGatewayLine, &QPushButton::clicked, this, [this] { copy(m_gatewayLine); });
    connect(m_copyUri, &QPushButton::clicked, this, [this] { copy(m_uri); });
    showChoice();
}

void TokenSelectorWidget::setSlots(const QList<SlotInfo> &slots) {
    const std::optional<SlotInfo> previous = currentSlot();
    m_following = true;
    m_list->clear();
    m_tokens.clear();
    for (const SlotInfo &slot : slots) {
        if (!slot.token || !slot.token->has(CKF_TOKEN_INITIALIZED))
            continue;
        m_tokens.append(slot);
        auto *item = new QListWidgetItem(TokenSelector::describe(slot), m_list);
        item->setToolTip(
            tr("%1, %2 %3").arg(slot.token->manufacturer, slot.token->model, slot.description));
    }
    if (m_tokens.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No initialized token is present."), m_list);
        none->setFlags(Qt::NoItemFlags);
    }
    m_following = false;
    setCurrentSlot(previous ? std::optional<CK_SLOT_ID>(previous->id) : std::nullopt);
}

void TokenSelectorWidget::setCurrentSlot(std::optional<CK_SLOT_ID> slot) {
    int row = -1;
    for (int i = 0; slot && i < m_tokens.size(); ++i) {
        if (m_tokens.at(i).id == *slot)
            row = i;
    }
    m_following = true;
    m_list->setCurrentRow(row);
    m_following = false;
    showChoice();
}

std::optional<SlotInfo> TokenSelectorWidget::currentSlot() const {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_tokens.size())
        return std::nullopt;
    return m_tokens.at(row);
}

GatewayTokenMode TokenSelectorWidget::mode() const {
    return static_cast<GatewayTokenMode>(m_mode->currentData().toInt());
}

void TokenSelectorWidget::setMode(GatewayTokenMode mode) {
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(mode)));
}

QList<SlotInfo> TokenSelectorWidget::sharingLabel(const SlotInfo &slot) const {
    QList<SlotInfo> out;
    for (const SlotInfo &other : m_tokens) {
        if (other.id != slot.id && other.token->label == slot.token->label)
            out.append(other);
    }
    return out;
}

void TokenSelectorWidget::showChoice() {
    const std::optional<SlotInfo> slot = currentSlot();
    m_copyGatewayLine->setEnabled(slot.has_value());
    m_copyUri->setEnabled(slot.has_value());
    if (!slot) {
        m_gatewayLine->clear();
        m_gatewayLine->setPlaceholderText(tr("Choose a token above."));
        m_uri->clear();
        m_ambiguity->hide();
        Q_EMIT choiceChanged();
        return;
    }
    m_gatewayLine->setText(TokenSelector::gatewayLine(*slot, mode()));
    m_uri->setText(TokenSelector::uriFor(*slot));

    const QList<SlotInfo> others = sharingLabel(*slot);
    if (mode() == GatewayTokenMode::Label && !others.isEmpty()) {
        QStringList names;
        for (const SlotInfo &other : others)
            names << TokenSelector::describe(other);
        m_ambiguity->setText(
            tr("Another token has the same label '%1': %2. Given HSM_TOKEN_LABEL, the gateway "
               "could pick either of them. Select the token by its serial instead "
               "(HSM_TOKEN_SERIAL=%3).")
                .arg(slot->token->label, names.join(QStringLiteral(", ")), slot->token->serial));
        m_ambiguity->show();
    } else {
        m_ambiguity->hide();
    }
    Q_EMIT choiceChanged();
}

void TokenSelectorWidget::copy(const QLineEdit *line) {
    if (!line->text().isEmpty())
        QGuiApplication::clipboard()->setText(line->text());
}

} // namespace hsm::ui
