// SPDX-License-Identifier: Apache-2.0
// PIN login: the PIN-state rules, a wrong PIN and what it did, and logging in once for
// several requests.
#include "core/base/Placeholders.h"
#include "core/base/ReturnValues.h"
#include "core/client/HsmClient.h"
#include "tests/support/SoftHsmFixture.h"

#include <QTest>

using namespace hsm;
using namespace hsm::test;

class TestTokenLogin : public QObject {
    Q_OBJECT

    static SecretBytes pin(const char *text) { return SecretBytes::fromRaw(text, strlen(text)); }

private Q_SLOTS:
    void pinStateRules() {
        PinState s;
        QVERIFY(tokenLogin::admissible(s, {}));
        QVERIFY(s.describe().contains(QStringLiteral("no failed PIN attempts")));
        s.countLow = true;
        QVERIFY(tokenLogin::admissible(s, {}));
        QVERIFY(s.describe().contains(QStringLiteral("CKF_USER_PIN_COUNT_LOW")));
        s.finalTry = true;
        Status refused = tokenLogin::admissible(s, {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::NeedsConfirmation);
        QVERIFY(refused.error().message.contains(QStringLiteral("One attempt is left")));
        LoginOptions allow;
        allow.allowFinalTry = true;
        QVERIFY(tokenLogin::admissible(s, allow));
        s.locked = true;
        Status locked = tokenLogin::admissible(s, allow);
        QVERIFY(!locked);
        QVERIFY(locked.error().message.contains(QStringLiteral("security officer")));
        QVERIFY(locked.error().message.contains(QStringLiteral("CKF_USER_PIN_LOCKED")));

        TokenInfo t;
        t.flagBits =
            CKF_USER_PIN_FINAL_TRY | CKF_PROTECTED_AUTHENTICATION_PATH | CKF_LOGIN_REQUIRED;
        const PinState fromFlags = PinState::of(t);
        QVERIFY(fromFlags.finalTry && fromFlags.pinPad && fromFlags.loginRequired);
        QVERIFY(!fromFlags.locked && !fromFlags.countLow);
    }

    void wrongPinThenRightPin() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("login")}));
        const CK_SLOT_ID slot = fixture.token(QStringLiteral("login")).slot;
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        QVERIFY(!await(client.isLoggedIn(slot)).value());

        auto wrong = await(client.login(slot, pin("not-the-pin")));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().function, QStringLiteral("C_Login"));
        QCOMPARE(wrong.error().rv, CKR_PIN_INCORRECT);
        // The error says what the failure did to the PIN, read again after C_Login.
        QVERIFY2(wrong.error().message.contains(QStringLiteral("Now: ")),
                 qPrintable(wrong.error().message));
        QVERIFY(!wrong.error().toString().contains(QStringLiteral("not-the-pin")));
        auto state = await(client.pinState(slot));
        QVERIFY(state);
        QVERIFY(wrong.error().message.endsWith(state->describe()));

        auto right = await(client.login(slot, pin(SoftHsmFixture::kUserPin)));
        QVERIFY2(right, qPrintable(right.error().toString()));
        QVERIFY(!right->alreadyLoggedIn);
        QVERIFY(await(client.isLoggedIn(slot)).value());
        // A later request finds the login still there.
        auto again = await(client.login(slot, pin("whatever")));
        QVERIFY(again);
        QVERIFY(again->alreadyLoggedIn);
        QVERIFY(await(client.logout(slot)));
        QVERIFY(!await(client.isLoggedIn(slot)).value());
    }

    void placeholders() {
        for (const char *yes : {"<HSM PIN>", "<access id>", " <user-pin>\n", "<PIN_2>"}) {
            QVERIFY2(placeholders::isPlaceholder(QString::fromLatin1(yes)), yes);
            QVERIFY2(placeholders::isPlaceholder(pin(yes)), yes);
        }
        for (const char *no : {"1234", "<1234>", "<>", "< PIN>", "<PIN >", "<a  b>", "x<PIN>",
                               "<PIN>x", "<pin:word>", "user:<PIN>", "<<PIN>>", ""})
            QVERIFY2(!placeholders::isPlaceholder(pin(no)), no);
        QCOMPARE(placeholders::findIn(
                     QStringLiteral("A=<access id>\nP=<HSM PIN> <HSM PIN> a<b <1> <x y>")),
                 (QStringList{QStringLiteral("<access id>"), QStringLiteral("<HSM PIN>"),
                              QStringLiteral("<x y>")}));
    }

    // A template's PIN is refused before the token is asked anything: no C_Login, no
    // attempt counted.
    void placeholderPinNeverReachesCLogin() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("template")}));
        const CK_SLOT_ID slot = fixture.token(QStringLiteral("template")).slot;
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        auto refused = await(client.login(slot, pin("<HSM PIN>")));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Input);
        QCOMPARE(refused.error().message, tokenLogin::placeholderPinMessage());
        QCOMPARE(client.trace()->countOf("C_Login"), 0);
        QVERIFY(!await(client.pinState(slot))->countLow);
        QVERIFY(await(client.login(slot, pin(SoftHsmFixture::kUserPin))));
    }

    // A PIN the token cannot accept (outside ulMinPinLen..ulMaxPinLen, or with a NUL byte)
    // is refused before C_Login, whatever its source: no attempt is spent on it.
    void pinTheTokenCannotAcceptNeverReachesCLogin() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("bounds")}));
        const CK_SLOT_ID slot = fixture.token(QStringLiteral("bounds")).slot;
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        Result<QList<SlotInfo>> slots = await(client.slotList());
        QVERIFY(slots);
        std::optional<TokenInfo> token;
        for (const SlotInfo &s : slots.value())
            if (s.id == slot)
                token = s.token;
        QVERIFY(token && token->minPinLen > 1 && token->maxPinLen < 4096);
        const QByteArray tooShort(static_cast<qsizetype>(token->minPinLen - 1), '7');
        const QByteArray tooLong(static_cast<qsizetype>(token->maxPinLen + 1), '7');
        QByteArray withNul(SoftHsmFixture::kUserPin);
        withNul.insert(4, '\0');
        for (const QByteArray &bad : {tooShort, tooLong, withNul}) {
            auto refused =
                await(client.login(slot, SecretBytes::fromRaw(bad.constData(), bad.size())));
            QVERIFY(!refused);
            QCOMPARE(refused.error().kind, Error::Kind::Input);
            QVERIFY2(refused.error().message.contains(QStringLiteral("No login was tried")),
                     qPrintable(refused.error().message));
        }
        QCOMPARE(client.trace()->countOf("C_Login"), 0);
        QVERIFY(!await(client.pinState(slot))->countLow);
        QVERIFY(await(client.login(slot, pin(SoftHsmFixture::kUserPin))));
    }

    void pinNeverReachesTheTrace() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("trace")}));
        const CK_SLOT_ID slot = fixture.token(QStringLiteral("trace")).slot;
        HsmClient client;
        QVERIFY(await(client.load(SoftHsmFixture::modulePath())));
        QVERIFY(await(client.login(slot, pin(SoftHsmFixture::kUserPin))));
        QVERIFY(!await(client.login(slot, pin("wrong-pin-zzz"))) || true);
        QString everything;
        for (const CallRecord &r : client.trace()->snapshot())
            everything += QLatin1String(r.function) + describeHandle(r) + returnValueName(r.rv) +
                          QString::number(r.durationNs);
        QVERIFY(everything.contains(QStringLiteral("C_Login")));
        QVERIFY(!everything.contains(QLatin1String(SoftHsmFixture::kUserPin)));
        QVERIFY(!everything.contains(QStringLiteral("wrong-pin-zzz")));
    }

    void secretBytesWipeTheirSource() {
        QByteArray source("user:password");
        source.detach();
        SecretBytes secret = SecretBytes::take(source);
        QVERIFY(source.isEmpty());
        QCOMPARE(secret.size(), size_t(13));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(secret.data()), 13),
                 QByteArray("user:password"));
        SecretBytes moved = std::move(secret);
        QVERIFY(secret.isAbsent());
        QVERIFY(!moved.isAbsent());
        moved.clear();
        QVERIFY(moved.isAbsent());
        QCOMPARE(moved.size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestTokenLogin)
#include "TestTokenLogin.moc"
