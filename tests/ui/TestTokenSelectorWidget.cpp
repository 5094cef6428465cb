// SPDX-License-Identifier: Apache-2.0
#include "core/token/TokenSelector.h"
#include "ui/token/TokenSelectorWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace hsm;
using namespace hsm::ui;

namespace {

SlotInfo tokenSlot(CK_SLOT_ID id, const QString &label, const QString &serial) {
    SlotInfo slot;
    slot.id = id;
    slot.description = QStringLiteral("Test slot %1").arg(id);
    slot.tokenPresent = true;
    TokenInfo token;
    token.label = label;
    token.serial = serial;
    token.manufacturer = QStringLiteral("Test Vendor");
    token.model = QStringLiteral("Model T");
    token.flagBits = CKF_TOKEN_INITIALIZED | CKF_LOGIN_REQUIRED;
    slot.token = token;
    return slot;
}

} // namespace

// The gateway tab's token selector, fed a hand-made slot list: two tokens share the label
// "shared", one is "other", and two slots must not be listed at all.
class TestTokenSelectorWidget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsOnlyInitializedTokens();
    void gatewayLineFollowsMode();
    void ambiguityNoteOnlyForSharedLabel();
    void uriNamesTheSerial();
    void userChoiceIsSignalled();
    void copiesTheGatewayLine();

private:
    template <typename T> T *child(const char *name) const {
        T *found = m_widget->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    void choose(int row);
    void setModeByKeyboard(GatewayTokenMode mode);

    QList<SlotInfo> m_slots;
    std::unique_ptr<TokenSelectorWidget> m_widget;
};

void TestTokenSelectorWidget::init() {
    SlotInfo uninitialized = tokenSlot(44, QStringLiteral("fresh"), QStringLiteral("0000"));
    uninitialized.token->flagBits = 0;
    SlotInfo empty;
    empty.id = 55;
    m_slots = {tokenSlot(11, QStringLiteral("shared"), QStringLiteral("4e3ca826da2daf8b")),
               uninitialized,
               tokenSlot(22, QStringLiteral("shared"), QStringLiteral("1111222233334444")),
               tokenSlot(33, QStringLiteral("other"), QStringLiteral("aaaabbbbccccdddd")), empty};
    m_widget = std::make_unique<TokenSelectorWidget>();
    m_widget->setSlots(m_slots);
    m_widget->resize(640, 420);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
}

void TestTokenSelectorWidget::cleanup() {
    m_widget.reset();
}

void TestTokenSelectorWidget::choose(int row) {
    auto *list = child<QListWidget>("tokenList");
    QListWidgetItem *item = list->item(row);
    QVERIFY(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    QCOMPARE(list->currentRow(), row);
}

void TestTokenSelectorWidget::setModeByKeyboard(GatewayTokenMode mode) {
    auto *combo = child<QComboBox>("selectorMode");
    const int wanted = combo->findData(static_cast<int>(mode));
    QVERIFY(wanted >= 0);
    while (combo->currentIndex() < wanted)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > wanted)
        QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(m_widget->mode(), mode);
}

void TestTokenSelectorWidget::listsOnlyInitializedTokens() {
    auto *list = child<QListWidget>("tokenList");
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(0)->text(), TokenSelector::describe(m_slots.at(0)));
    QCOMPARE(list->item(1)->text(), TokenSelector::describe(m_slots.at(2)));
    QCOMPARE(list->item(2)->text(), TokenSelector::describe(m_slots.at(3)));
    // Nothing chosen (the list picks its first token when it gets the focus): nothing to copy.
    m_widget->setCurrentSlot(std::nullopt);
    QVERIFY(child<QLineEdit>("gatewayLine")->text().isEmpty());
    QVERIFY(!child<QPushButton>("copyGatewayLine")->isEnabled());
}

void TestTokenSelectorWidget::gatewayLineFollowsMode() {
    auto *line = child<QLineEdit>("gatewayLine");
    choose(0);

    setModeByKeyboard(GatewayTokenMode::Serial);
    QCOMPARE(line->text(), QStringLiteral("HSM_TOKEN_SERIAL=4e3ca826da2daf8b"));
    setModeByKeyboard(GatewayTokenMode::Label);
    QCOMPARE(line->text(), QStringLiteral("HSM_TOKEN_LABEL=shared"));
    setModeByKeyboard(GatewayTokenMode::Slot);
    QCOMPARE(line->text(), QStringLiteral("HSM_SLOT=11"));

    // Another token, same mode: the line follows the token too.
    choose(2);
    QCOMPARE(line->text(), QStringLiteral("HSM_SLOT=33"));
    setModeByKeyboard(GatewayTokenMode::Serial);
    QCOMPARE(line->text(), QStringLiteral("HSM_TOKEN_SERIAL=aaaabbbbccccdddd"));
}

void TestTokenSelectorWidget::ambiguityNoteOnlyForSharedLabel() {
    auto *note = child<QLabel>("ambiguityNote");
    choose(1); // the second "shared"

    setModeByKeyboard(GatewayTokenMode::Label);
    QVERIFY(note->isVisible());
    // It names the other token and points to the serial.
    QVERIFY2(note->text().contains(TokenSelector::describe(m_slots.at(0))),
             qPrintable(note->text()));
    QVERIFY2(note->text().contains(QStringLiteral("HSM_TOKEN_SERIAL=1111222233334444")),
             qPrintable(note->text()));

    setModeByKeyboard(GatewayTokenMode::Serial);
    QVERIFY(!note->isVisible());
    setModeByKeyboard(GatewayTokenMode::Slot);
    QVERIFY(!note->isVisible());

    // A label no other token has is unambiguous.
    setModeByKeyboard(GatewayTokenMode::Label);
    QVERIFY(note->isVisible());
    choose(2);
    QCOMPARE(child<QLineEdit>("gatewayLine")->text(), QStringLiteral("HSM_TOKEN_LABEL=other"));
    QVERIFY(!note->isVisible());
}

void TestTokenSelectorWidget::uriNamesTheSerial() {
    choose(0);
    const QString uri = child<QLineEdit>("tokenUri")->text();
    QVERIFY2(uri.startsWith(QStringLiteral("pkcs11:")), qPrintable(uri));
    QVERIFY2(uri.contains(QStringLiteral("serial=4e3ca826da2daf8b")), qPrintable(uri));
    QVERIFY2(uri.contains(QStringLiteral("token=shared")), qPrintable(uri));
    QCOMPARE(uri, TokenSelector::uriFor(m_slots.at(0)));
}

void TestTokenSelectorWidget::userChoiceIsSignalled() {
    QSignalSpy chosen(m_widget.get(), &TokenSelectorWidget::tokenChosen);
    choose(2);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().value<SlotInfo>().id, CK_SLOT_ID(33));

    // Following the tree is not a choice of the user's: no signal, but the lines follow.
    m_widget->setCurrentSlot(11);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(child<QListWidget>("tokenList")->currentRow(), 0);
    QVERIFY(child<QLineEdit>("gatewayLine")->text().endsWith(QStringLiteral("4e3ca826da2daf8b")));

    // A slot without an initialized token clears the choice.
    m_widget->setCurrentSlot(44);
    QVERIFY(!m_widget->currentSlot());
    QVERIFY(child<QLineEdit>("gatewayLine")->text().isEmpty());

    // A fresh slot list keeps the choice when the token is still there.
    m_widget->setCurrentSlot(22);
    m_widget->setSlots(m_slots);
    QVERIFY(m_widget->currentSlot());
    QCOMPARE(m_widget->currentSlot()->id, CK_SLOT_ID(22));
    QCOMPARE(chosen.size(), 1);
}

void TestTokenSelectorWidget::copiesTheGatewayLine() {
    choose(2);
    setModeByKeyboard(GatewayTokenMode::Serial);
    QTest::mouseClick(child<QPushButton>("copyGatewayLine"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("HSM_TOKEN_SERIAL=aaaabbbbccccdddd"));
    QTest::mouseClick(child<QPushButton>("copyTokenUri"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), TokenSelector::uriFor(m_slots.at(3)));
}

int main(int argc, char *argv[]) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestTokenSelectorWidget test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestTokenSelectorWidget.moc"
