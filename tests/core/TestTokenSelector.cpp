// SPDX-License-Identifier: Apache-2.0
// Token selection as the gateway does it: each identifier alone, the environment, URIs,
// shared labels, conflicts, missing tokens and label prefixes; on hand-made inventories
// and on real SoftHSM tokens.
#include "core/client/HsmClient.h"
#include "core/token/TokenSelector.h"
#include "tests/support/SoftHsmFixture.h"

#include <QTest>

using namespace hsm;
using namespace hsm::test;

namespace {

SlotInfo slotWith(CK_SLOT_ID id, const QString &label, const QString &serial,
                  bool initialized = true) {
    SlotInfo s;
    s.id = id;
    s.tokenPresent = true;
    TokenInfo t;
    t.label = label;
    t.serial = serial;
    t.model = QStringLiteral("SoftHSM v2");
    t.manufacturer = QStringLiteral("SoftHSM project");
    t.flagBits = initialized ? CKF_TOKEN_INITIALIZED : 0;
    s.token = t;
    return s;
}

TokenSelection::Identifier id(const QString &value, const char *source) {
    return {value, QLatin1String(source)};
}

} // namespace

class TestTokenSelector : public QObject {
    Q_OBJECT

    QList<SlotInfo> m_slots;
    TokenSelector selector() const { return TokenSelector(m_slots); }

    CK_SLOT_ID selected(const TokenSelection &s) const {
        Result<SlotInfo> r = selector().select(s);
        if (!r)
            qWarning("%s", qPrintable(r.error().toString()));
        return r ? r->id : 0;
    }
    QString failure(const TokenSelection &s) const {
        Result<SlotInfo> r = selector().select(s);
        return r ? QString() : r.error().message;
    }

private Q_SLOTS:
    void init() {
        m_slots = {
            slotWith(1, QStringLiteral("gateway"), QStringLiteral("aaaa000000000001")),
            slotWith(2, QStringLiteral("gateway-backup"), QStringLiteral("bbbb000000000002")),
            slotWith(3, QStringLiteral("shared"), QStringLiteral("cccc000000000003")),
            slotWith(4, QStringLiteral("shared"), QStringLiteral("dddd000000000004")),
            slotWith(6, QString(), QStringLiteral("eeee000000000006"), false)};
        SlotInfo empty;
        empty.id = 5;
        m_slots.append(empty);
        qunsetenv("HSM_SLOT");
        qunsetenv("HSM_TOKEN_LABEL");
        qunsetenv("HSM_TOKEN_SERIAL");
    }

    void eachIdentifierAlone() {
        TokenSelection s;
        s.slot = id(QStringLiteral("2"), "HSM_SLOT");
        QCOMPARE(selected(s), 2ul);
        s = {};
        s.label = id(QStringLiteral("gateway"), "HSM_TOKEN_LABEL");
        QCOMPARE(selected(s), 1ul);
        s = {};
        s.serial = id(QStringLiteral("dddd000000000004"), "HSM_TOKEN_SERIAL");
        QCOMPARE(selected(s), 4ul);
    }

    void labelsMatchInFullNeverByPrefix() {
        TokenSelection s;
        s.label = id(QStringLiteral("gate"), "--token-label");
        const QString why = failure(s);
        QVERIFY2(why.contains(QStringLiteral("No token is labelled 'gate' (--token-label)")),
                 qPrintable(why));
        QVERIFY(why.contains(QStringLiteral("Labels must match in full")));
        QVERIFY(why.contains(QStringLiteral("'gateway', 'gateway-backup'")));
        // "gateway" is a prefix of "gateway-backup" and must still pick slot 1 only.
        s.label = id(QStringLiteral("gateway"), "--token-label");
        QCOMPARE(selected(s), 1ul);
    }

    void sharedLabelListsCandidatesAndAsksForTheSerial() {
        TokenSelection s;
        s.label = id(QStringLiteral("shared"), "HSM_TOKEN_LABEL");
        const QString why = failure(s);
        QVERIFY2(why.contains(QStringLiteral("2 tokens are labelled 'shared' (HSM_TOKEN_LABEL)")),
                 qPrintable(why));
        QVERIFY(why.contains(QStringLiteral("shared (#cccc000000000003, slot 3)")));
        QVERIFY(why.contains(QStringLiteral("shared (#dddd000000000004, slot 4)")));
        QVERIFY(why.contains(QStringLiteral("serial")));
        // Given beside the label, the serial says which of the two is meant.
        s.serial = id(QStringLiteral("cccc000000000003"), "HSM_TOKEN_SERIAL");
        QCOMPARE(selected(s), 3ul);
        s.serial = id(QStringLiteral("aaaa000000000001"), "HSM_TOKEN_SERIAL");
        QVERIFY(failure(s).contains(QStringLiteral("names shared (#cccc000000000003, slot 3), "
                                                   "shared (#dddd000000000004, slot 4)")));
    }

    void identifiersMustAgree() {
        TokenSelection s;
        s.slot = id(QStringLiteral("1"), "HSM_SLOT");
        s.serial = id(QStringLiteral("aaaa000000000001"), "HSM_TOKEN_SERIAL");
        QCOMPARE(selected(s), 1ul);
        s.label = id(QStringLiteral("gateway-backup"), "HSM_TOKEN_LABEL");
        const QString why = failure(s);
        QVERIFY2(why.contains(QStringLiteral("HSM_TOKEN_SERIAL=aaaa000000000001 names gateway")),
                 qPrintable(why));
        QVERIFY(
            why.contains(QStringLiteral("HSM_TOKEN_LABEL=gateway-backup names gateway-backup")));
    }

    // HSM_SLOT and --slot are decimal, as the gateway reads them: 010 is slot 10 (not 8),
    // and 0x10 (slot 16 in hex) is refused rather than guessed.
    void slotsAreDecimal() {
        m_slots << slotWith(8, QStringLiteral("eight"), QStringLiteral("8888000000000008"))
                << slotWith(10, QStringLiteral("ten"), QStringLiteral("1010000000000010"))
                << slotWith(16, QStringLiteral("sixteen"), QStringLiteral("1616000000000016"));
        TokenSelection s;
        s.slot = id(QStringLiteral("010"), "HSM_SLOT");
        QCOMPARE(selected(s), CK_SLOT_ID(10));
        s.slot = id(QStringLiteral(" 16 "), "--slot");
        QCOMPARE(selected(s), CK_SLOT_ID(16));
        s.slot = id(QStringLiteral("0x10"), "HSM_SLOT");
        QCOMPARE(failure(s), QStringLiteral("HSM_SLOT=0x10 is hexadecimal; the gateway reads slot "
                                            "numbers in decimal only: write 16."));
        QVERIFY(!s.validate());
        for (const QString &bad : {QStringLiteral("+10"), QStringLiteral("-1"),
                                   QStringLiteral("1e1"), QStringLiteral("0x")}) {
            s.slot = id(bad, "--slot");
            QCOMPARE(failure(s), QStringLiteral("--slot=%1 is not a slot number; the gateway "
                                                "reads slot numbers as decimal digits only.")
                                     .arg(bad));
        }
        s.slot = id(QStringLiteral("99999999999999999999999"), "HSM_SLOT");
        QVERIFY(failure(s).contains(QStringLiteral("is larger than any slot number")));
        QCOMPARE(TokenSelection::slotNumber(id(QStringLiteral("0010"), "HSM_SLOT")).value(),
                 CK_SLOT_ID(10));
    }

    void missingTokens() {
        TokenSelection s;
        s.slot = id(QStringLiteral("5"), "HSM_SLOT");
        QVERIFY(failure(s).contains(QStringLiteral("Slot 5 (HSM_SLOT=5) has no token")));
        s.slot = id(QStringLiteral("6"), "HSM_SLOT");
        QVERIFY(failure(s).contains(QStringLiteral("is not initialized")));
        s.slot = id(QStringLiteral("99"), "HSM_SLOT");
        QVERIFY(failure(s).contains(QStringLiteral("There is no slot 99")));
        s.slot = id(QStringLiteral("one"), "HSM_SLOT");
        QVERIFY(failure(s).contains(QStringLiteral("HSM_SLOT=one is not a slot number")));
        s = {};
        s.serial = id(QStringLiteral("ffff"), "--token-serial");
        QVERIFY(
            failure(s).contains(QStringLiteral("No token has the serial 'ffff' (--token-serial)")));
    }

    void emptySelectionNeedsASingleToken() {
        QVERIFY(failure({}).contains(QStringLiteral("Several tokens are present")));
        TokenSelector one({m_slots.first(), m_slots.last()});
        QCOMPARE(one.select({})->id, 1ul);
    }

    void environmentDefaults() {
        qputenv("HSM_TOKEN_SERIAL", "bbbb000000000002");
        const TokenSelection s = TokenSelection::fromEnvironment();
        QCOMPARE(s.serial.source, QStringLiteral("HSM_TOKEN_SERIAL"));
        QCOMPARE(selected(s), 2ul);
        qputenv("HSM_TOKEN_LABEL", "gateway");
        QVERIFY(failure(TokenSelection::fromEnvironment())
                    .contains(QStringLiteral("HSM_TOKEN_LABEL=gateway names")));
    }

    void uris() {
        TokenSelection s;
        s.uri = id(QStringLiteral("pkcs11:token=gateway"), "--token-uri");
        QCOMPARE(selected(s), 1ul);
        s.uri = id(QStringLiteral("pkcs11:token=shared;serial=dddd000000000004"), "--token-uri");
        QCOMPARE(selected(s), 4ul);
        s.uri =
            id(QStringLiteral(
                   "pkcs11:model=SoftHSM%20v2;manufacturer=SoftHSM%20project;token=gateway-backup"),
               "--token-uri");
        QCOMPARE(selected(s), 2ul);
        s.uri = id(QStringLiteral("pkcs11:slot-id=3"), "--token-uri");
        QCOMPARE(selected(s), 3ul);
        s.uri = id(QStringLiteral("pkcs11:token=shared"), "--token-uri");
        QVERIFY(failure(s).contains(QStringLiteral("2 tokens match 'pkcs11:token=shared'")));
        s.uri = id(QStringLiteral("pkcs11:token=nope"), "--token-uri");
        QVERIFY(failure(s).contains(QStringLiteral("No token matches")));
        s.uri = id(QStringLiteral("https://example.com"), "--token-uri");
        QVERIFY(failure(s).contains(QStringLiteral("is not a valid PKCS#11 URI")));
        s.uri = id(QStringLiteral("pkcs11:token=gateway?pin-value=1234"), "--token-uri");
        QVERIFY(failure(s).contains(QStringLiteral("pin-value")));
    }

    // RFC 7512: an attribute appears once. p11-kit would silently keep the last one, so
    // "token=gateway;token=shared" would select a token the operator did not name first.
    void uriRepeatingAnAttributeIsRefused() {
        TokenSelection s;
        for (const char *uri :
             {"pkcs11:token=gateway;token=shared",
              "pkcs11:serial=aaaa000000000001;token=gateway;serial=cccc000000000003",
              "pkcs11:slot-id=1;slot-id=3", "pkcs11:token=gateway;TOKEN=shared"}) {
            s.uri = id(QLatin1String(uri), "--token-uri");
            const QString why = failure(s);
            QVERIFY2(why.contains(QStringLiteral("more than once")),
                     qPrintable(QLatin1String(uri) + why));
            QVERIFY(why.contains(QStringLiteral("--token-uri")));
        }
    }

    // An attribute a token is not matched on would be ignored: the error names it.
    void uriWithAnUnsupportedAttributeNamesIt() {
        TokenSelection s;
        for (const char *name : {"library-description", "slot-description", "object", "id",
                                 "frobnicate", "module-path"}) {
            const QString uri =
                QStringLiteral("pkcs11:token=gateway;%1=x").arg(QLatin1String(name));
            s.uri = id(QStringLiteral("module-path") == QLatin1String(name)
                           ? QStringLiteral("pkcs11:token=gateway?module-path=/x.so")
                           : uri,
                       "--token-uri");
            const QString why = failure(s);
            QVERIFY2(why.contains(QStringLiteral("'%1'").arg(QLatin1String(name))),
                     qPrintable(why));
            QVERIFY(why.contains(QStringLiteral("not supported")));
        }
    }

    // PKCS#11 pads labels on the right only: leading spaces are part of the label, and a
    // URI (percent-encoded) or the flag selects that token and not the unpadded one.
    void labelWithLeadingSpacesIsSelectedExactly() {
        m_slots << slotWith(9, QStringLiteral("  padded"), QStringLiteral("9999000000000009"))
                << slotWith(10, QStringLiteral("padded"), QStringLiteral("1010000000000010"));
        TokenSelection s;
        s.uri = id(QStringLiteral("pkcs11:token=%20%20padded"), "--token-uri");
        QCOMPARE(selected(s), 9ul);
        s.uri = id(QStringLiteral("pkcs11:token=padded"), "--token-uri");
        QCOMPARE(selected(s), 10ul);
        s = {};
        s.label = id(QStringLiteral("  padded"), "--token-label");
        QCOMPARE(selected(s), 9ul);
        // The URI printed for it selects it again.
        s = {};
        s.uri = id(TokenSelector::uriFor(m_slots.at(m_slots.size() - 2)), "--token-uri");
        QCOMPARE(selected(s), 9ul);
    }

    void gatewayLinesAndUri() {
        const SlotInfo &s = m_slots.first();
        QCOMPARE(TokenSelector::gatewayLine(s, GatewayTokenMode::Slot),
                 QStringLiteral("HSM_SLOT=1"));
        QCOMPARE(TokenSelector::gatewayLine(s, GatewayTokenMode::Label),
                 QStringLiteral("HSM_TOKEN_LABEL=gateway"));
        QCOMPARE(TokenSelector::gatewayLine(s, GatewayTokenMode::Serial),
                 QStringLiteral("HSM_TOKEN_SERIAL=aaaa000000000001"));
        const QString uri = TokenSelector::uriFor(s);
        QVERIFY2(uri.startsWith(QStringLiteral("pkcs11:")), qPrintable(uri));
        QVERIFY(uri.contains(QStringLiteral("serial=aaaa000000000001")));
        QVERIFY(uri.contains(QStringLiteral("token=gateway")));
        // The URI we print selects the same token again.
        TokenSelection back;
        back.uri = id(uri, "--token-uri");
        QCOMPARE(selected(back), 1ul);
    }

    void realTokensSharingALabel() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens(
            {QStringLiteral("twin"), QStringLiteral("twin"), QStringLiteral("twinkle")}));
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        TokenSelection s;
        s.label = id(QStringLiteral("twin"), "HSM_TOKEN_LABEL");
        auto ambiguous = await(client.selectToken(s));
        QVERIFY(!ambiguous);
        QVERIFY2(ambiguous.error().message.contains(QStringLiteral("2 tokens are labelled 'twin'")),
                 qPrintable(ambiguous.error().message));
        for (const FixtureToken &t : fixture.tokens()) {
            TokenSelection bySerial;
            bySerial.serial = id(t.serial, "HSM_TOKEN_SERIAL");
            auto r = await(client.selectToken(bySerial));
            QVERIFY2(r, qPrintable(r.error().toString()));
            QCOMPARE(r->id, t.slot);
            QCOMPARE(r->token->label, t.label);
        }
        s.label = id(QStringLiteral("twinkle"), "HSM_TOKEN_LABEL");
        QCOMPARE(await(client.selectToken(s))->token->label, QStringLiteral("twinkle"));
    }
};

QTEST_GUILESS_MAIN(TestTokenSelector)
#include "TestTokenSelector.moc"
