// SPDX-License-Identifier: Apache-2.0
// Slots, tokens and mechanisms read from SoftHSM tokens, checked against what the fixture
// created and against OpenSC's pkcs11-tool as an independent reader.
#include "core/pkcs11/Module.h"
#include "core/token/Inventory.h"
#include "tests/support/SoftHsmFixture.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace hsm;
using namespace hsm::test;

class TestInventory : public QObject {
    Q_OBJECT

    static QString pkcs11Tool(const SoftHsmFixture &fixture, const QStringList &args) {
        QProcess p;
        p.setEnvironment(fixture.environment());
        p.start(QStringLiteral(PKCS11_TOOL),
                QStringList{QStringLiteral("--module"), SoftHsmFixture::modulePath()} + args);
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private Q_SLOTS:
    void slotsAndTokens() {
        SoftHsmFixture fixture;
        QString error;
        QVERIFY2(fixture.initTokens({QStringLiteral("alpha"), QStringLiteral("beta")}, &error),
                 qPrintable(error));
        auto module = Module::load(SoftHsmFixture::modulePath(), std::make_shared<CallTrace>());
        QVERIFY(module);
        auto slots = inventory::slots(*module.value());
        QVERIFY2(slots, qPrintable(slots.error().toString()));
        // Two tokens and SoftHSM's one free slot.
        QCOMPARE(slots->size(), 3);
        int initialized = 0;
        for (const SlotInfo &s : slots.value()) {
            QVERIFY(s.tokenPresent);
            QVERIFY(s.token.has_value());
            QVERIFY(s.flags.contains(QStringLiteral("token_present")));
            if (!s.token->has(CKF_TOKEN_INITIALIZED))
                continue;
            ++initialized;
            const FixtureToken expected = fixture.token(s.token->label);
            QCOMPARE(s.token->label, expected.label);
            QCOMPARE(s.token->serial, expected.serial);
            QCOMPARE(s.id, expected.slot);
            QCOMPARE(s.token->serial.size(), 16);
            QCOMPARE(s.token->model, QStringLiteral("SoftHSM v2"));
            QCOMPARE(s.token->displayName(),
                     QStringLiteral("%1 (#%2)").arg(expected.label, expected.serial));
            for (const char *flag :
                 {"rng", "login_required", "user_pin_initialized", "token_initialized"})
                QVERIFY2(s.token->flags.contains(QLatin1String(flag)), flag);
            QCOMPARE(s.token->minPinLen, 4ul);
        }
        QCOMPARE(initialized, 2);

        // pkcs11-tool lists the same serials under the same labels.
        const QString listing = pkcs11Tool(fixture, {QStringLiteral("--list-slots")});
        for (const FixtureToken &t : fixture.tokens()) {
            const QRegularExpression block(
                QStringLiteral("token label\\s*:\\s*%1\\s*\\n(?:.*\\n)*?\\s*serial num\\s*:\\s*%2")
                    .arg(QRegularExpression::escape(t.label), t.serial));
            QVERIFY2(block.match(listing).hasMatch(), qPrintable(listing));
        }
    }

    void oneSlot() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("solo")}));
        auto module = Module::load(SoftHsmFixture::modulePath(), std::make_shared<CallTrace>());
        QVERIFY(module);
        const FixtureToken t = fixture.token(QStringLiteral("solo"));
        auto slot = inventory::slot(*module.value(), t.slot);
        QVERIFY(slot);
        QCOMPARE(slot->token->serial, t.serial);
        auto invalid = inventory::slot(*module.value(), 0xdeadbeef);
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().function, QStringLiteral("C_GetSlotInfo"));
        QCOMPARE(invalid.error().rv, CKR_SLOT_ID_INVALID);
        QVERIFY(invalid.error().toString().contains(QStringLiteral("CKR_SLOT_ID_INVALID")));
        auto withToken = inventory::slotsWithToken(*module.value());
        QVERIFY(withToken);
        QVERIFY(withToken->contains(t.slot));
    }

    void mechanisms() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("mech")}));
        auto module = Module::load(SoftHsmFixture::modulePath(), std::make_shared<CallTrace>());
        QVERIFY(module);
        const FixtureToken t = fixture.token(QStringLiteral("mech"));
        auto list = inventory::mechanisms(*module.value(), t.slot);
        QVERIFY2(list, qPrintable(list.error().toString()));
        const MechanismInfo *hmac = nullptr;
        for (const MechanismInfo &m : list.value()) {
            QVERIFY(m.infoError.isEmpty());
            QVERIFY2(!m.name.startsWith(QStringLiteral("0x")), qPrintable(m.name));
            if (m.type == CKM_SHA256_HMAC)
                hmac = &m;
        }
        QVERIFY(hmac);
        QCOMPARE(hmac->name, QStringLiteral("CKM_SHA256_HMAC"));
        QCOMPARE(hmac->minKeySize, 32ul);
        QCOMPARE(hmac->maxKeySize, 512ul);
        QVERIFY(hmac->flags.contains(QStringLiteral("sign")));
        QVERIFY(hmac->flags.contains(QStringLiteral("verify")));

        // The same number of mechanisms as pkcs11-tool sees.
        const QString listing = pkcs11Tool(
            fixture, {QStringLiteral("--slot"), QString::number(t.slot), QStringLiteral("-M")});
        const qsizetype peerCount = listing.split(QLatin1Char('\n'))
                                        .filter(QRegularExpression(QStringLiteral("^\\s+\\S")))
                                        .size();
        QCOMPARE(list->size(), peerCount);
    }

    void invalidMechanismSlot() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("x")}));
        auto module = Module::load(SoftHsmFixture::modulePath(), std::make_shared<CallTrace>());
        auto list = inventory::mechanisms(*module.value(), 0xdeadbeef);
        QVERIFY(!list);
        QCOMPARE(list.error().function, QStringLiteral("C_GetMechanismList"));
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "TestInventory.moc"
