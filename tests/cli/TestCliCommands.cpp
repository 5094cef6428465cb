// SPDX-License-Identifier: Apache-2.0
// hsm-admin-cli as an operator runs it: JSON output checked against the fixture's tokens,
// and the exit status for success (0), failure (1) and usage errors (2).
#include "tests/support/CliRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hsm::test;

class TestCliCommands : public QObject {
    Q_OBJECT

    static RunResult cli(const SoftHsmFixture &fixture, const QStringList &args,
                         const QStringList &extraEnv = {}) {
        return cliRun::inProcess(args, fixture.environment() + extraEnv, QString());
    }

    static QStringList withModule(const QStringList &args) {
        return QStringList{QStringLiteral("--module"), SoftHsmFixture::modulePath()} + args;
    }

private Q_SLOTS:
    void slotsJson() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("gateway"), QStringLiteral("backup")}));
        const RunResult r =
            cli(fixture, withModule({QStringLiteral("slots"), QStringLiteral("--format"),
                                     QStringLiteral("json")}));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray slots = doc.array();
        QCOMPARE(slots.size(), 3);
        int matched = 0;
        for (const QJsonValue &v : slots) {
            const QJsonObject slot = v.toObject();
            QVERIFY(slot.contains(QStringLiteral("description")));
            QVERIFY(slot.contains(QStringLiteral("manufacturer")));
            QCOMPARE(slot.value(QStringLiteral("token_present")).toBool(), true);
            const QJsonObject token = slot.value(QStringLiteral("token")).toObject();
            const FixtureToken expected =
                fixture.token(token.value(QStringLiteral("label")).toString());
            if (expected.label.isEmpty())
                continue;
            ++matched;
            QCOMPARE(token.value(QStringLiteral("serial")).toString(), expected.serial);
            QCOMPARE(static_cast<CK_SLOT_ID>(slot.value(QStringLiteral("slot_id")).toDouble()),
                     expected.slot);
            QCOMPARE(token.value(QStringLiteral("model")).toString(), QStringLiteral("SoftHSM v2"));
            const QJsonArray flags = token.value(QStringLiteral("flags")).toArray();
            for (const char *flag :
                 {"rng", "login_required", "user_pin_initialized", "token_initialized"})
                QVERIFY2(flags.contains(QLatin1String(flag)), flag);
        }
        QCOMPARE(matched, 2);
    }

    void slotsText() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("texty")}));
        const RunResult r = cli(fixture, withModule({QStringLiteral("slots")}));
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains(fixture.token(QStringLiteral("texty")).serial.toLatin1()));
        QVERIFY(r.out.contains("(not initialized)"));
    }

    void mechanismsJson() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("one"), QStringLiteral("two")}));
        const FixtureToken two = fixture.token(QStringLiteral("two"));
        const RunResult r =
            cli(fixture, withModule({QStringLiteral("mechanisms"), QStringLiteral("--slot"),
                                     QString::number(two.slot), QStringLiteral("--format"),
                                     QStringLiteral("json")}));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        bool found = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
            const QJsonObject m = v.toObject();
            if (m.value(QStringLiteral("name")).toString() != QLatin1String("CKM_SHA256_HMAC"))
                continue;
            found = true;
            QCOMPARE(m.value(QStringLiteral("id")).toInt(), 593);
            QCOMPARE(m.value(QStringLiteral("min_key_size")).toInt(), 32);
            QCOMPARE(m.value(QStringLiteral("max_key_size")).toInt(), 512);
            const QJsonArray flags = m.value(QStringLiteral("flags")).toArray();
            QVERIFY(flags.contains(QStringLiteral("sign")) &&
                    flags.contains(QStringLiteral("verify")));
        }
        QVERIFY(found);

        // HSM_SLOT from the gateway's environment selects the slot too.
        const RunResult viaEnv = cli(fixture, withModule({QStringLiteral("mechanisms")}),
                                     {QStringLiteral("HSM_SLOT=%1").arg(two.slot)});
        QVERIFY2(viaEnv.status == 0, qPrintable(viaEnv.err));
        QVERIFY(viaEnv.out.contains("CKM_SHA256_HMAC"));
    }

    void mechanismsNeedsAChoiceBetweenTokens() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("one"), QStringLiteral("two")}));
        const RunResult r = cli(fixture, withModule({QStringLiteral("mechanisms")}));
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")) &&
                     r.err.contains(QStringLiteral("--slot")),
                 qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }

    void moduleFromEnvironment() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("envtoken")}));
        const RunResult r =
            cli(fixture, {QStringLiteral("slots")},
                {QStringLiteral("PKCS11_LIB_PATH=") + SoftHsmFixture::modulePath()});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains("envtoken"));
    }

    void modulesJson() {
        SoftHsmFixture fixture;
        const RunResult r = cli(fixture, {QStringLiteral("modules"), QStringLiteral("--format"),
                                          QStringLiteral("json")});
        QCOMPARE(r.status, 0);
        const QString softhsm = QFileInfo(SoftHsmFixture::modulePath()).canonicalFilePath();
        bool found = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            found = found || QFileInfo(v.toObject().value(QStringLiteral("path")).toString())
                                     .canonicalFilePath() == softhsm;
        QVERIFY2(found, r.out.constData());
    }

    void exitStatuses() {
        SoftHsmFixture fixture;
        RunResult r = cli(fixture, {QStringLiteral("--version")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.startsWith("hsm-admin-cli "));
        r = cli(fixture, {QStringLiteral("--help")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains("mechanisms"));
        r = cli(fixture, {QStringLiteral("nosuchcommand")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.startsWith(QStringLiteral("error: unknown command")));
        r = cli(fixture,
                {QStringLiteral("slots"), QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(r.status, 2);
        r = cli(fixture, {QStringLiteral("slots"), QStringLiteral("--no-such-flag")});
        QCOMPARE(r.status, 2);
        r = cli(fixture, {QStringLiteral("--module"), QStringLiteral("/nonexistent/lib.so"),
                          QStringLiteral("slots")});
        QCOMPARE(r.status, 1);
        QCOMPARE(r.err, QStringLiteral("error: /nonexistent/lib.so does not exist.\n"));
        r = cli(fixture, withModule({QStringLiteral("mechanisms"), QStringLiteral("--slot"),
                                     QStringLiteral("abc")}));
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("is not a slot number")));
    }

    void demoIsTheDefault() {
        SoftHsmFixture fixture; // its environment puts the demo's data in the fixture folder
        const RunResult r = cli(
            fixture, {QStringLiteral("slots"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        bool demo = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            demo = demo || v.toObject()
                                   .value(QStringLiteral("token"))
                                   .toObject()
                                   .value(QStringLiteral("label")) == QStringLiteral("demo");
        QVERIFY(demo);
        QVERIFY(QFile::exists(fixture.directory() +
                              QStringLiteral("/data/hsm-admin/demo-hsm/softhsm2.conf")));
    }
};

QTEST_GUILESS_MAIN(TestCliCommands)
#include "TestCliCommands.moc"
