// SPDX-License-Identifier: Apache-2.0
// hsm-admin-cli in German and in English: --lang de translates the help (Qt's own parts
// too), the messages and the table headers; the system locale (LANGUAGE, LC_ALL, LANG)
// picks the language when --lang is not given; --lang en or a C locale is English; an
// unknown --lang warns in one line and stays English.
#include "tests/support/CliRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace hsm::test;

class TestCliLanguage : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    // The machine's environment in a C locale (whatever the machine's own), with its own
    // XDG folders, and `language` set as given.
    QStringList environment(const QStringList &locale = {}) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("PKCS11_LIB_PATH"));
        for (const QString &entry : locale) {
            const qsizetype eq = entry.indexOf(QLatin1Char('='));
            if (entry.mid(eq + 1).isEmpty())
                env.remove(entry.left(eq));
            else
                env.insert(entry.left(eq), entry.mid(eq + 1));
        }
        return env.toStringList();
    }
    // In a process of its own: the language is chosen at start-up, from --lang or the
    // locale, and installed for the life of the process.
    RunResult cli(const QStringList &args, const QStringList &locale = {}) const {
        return cliRun::process(args, environment(locale), m_dir.path());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void helpInGerman() {
        const RunResult r =
            cli({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QString out = QString::fromUtf8(r.out);
        // Ours, and Qt's own parts of the help (qt6-translations-l10n).
        QVERIFY2(out.contains(QStringLiteral("\nBefehle:\n")), qPrintable(out));
        QVERIFY2(
            out.contains(QStringLiteral("Das PKCS#11-HSM hinter dem Secrets-Gateway verwalten.")),
            qPrintable(out));
        QVERIFY2(out.startsWith(QStringLiteral("Aufruf: ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("\nOptionen:\n")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("Commands:")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("Output format")), qPrintable(out));
        // Command and option names stay as they are.
        QVERIFY(out.contains(QStringLiteral("  gen-customer-fragment  ")));
        QVERIFY(out.contains(QStringLiteral("  --lang <code>")));
    }

    void commandHelpInGerman() {
        // --lang after the command name counts too.
        const RunResult r = cli({QStringLiteral("random"), QStringLiteral("--help"),
                                 QStringLiteral("--lang"), QStringLiteral("de")});
        QCOMPARE(r.status, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("Zufällige Bytes vom HSM")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("--source <source>")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("How many bytes")), qPrintable(out));
    }

    void errorInGerman() {
        const RunResult r =
            cli({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("random"),
                 QStringLiteral("--bytes"), QStringLiteral("0")});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("Fehler: random braucht --bytes N")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        const RunResult unknown =
            cli({QStringLiteral("--lang=de"), QStringLiteral("no-such-command")});
        QCOMPARE(unknown.status, 2);
        QVERIFY2(
            unknown.err.startsWith(QStringLiteral("Fehler: unbekannter Befehl „no-such-command“")),
            qPrintable(unknown.err));
    }

    // A real token: German table headers, untouched values.
    void tableInGerman() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("sprache")}));
        QStringList env = fixture.environment();
        const RunResult r = cliRun::process({QStringLiteral("--lang"), QStringLiteral("de"),
                                             QStringLiteral("--module"),
                                             SoftHsmFixture::modulePath(), QStringLiteral("slots")},
                                            env, m_dir.path());
        QCOMPARE(r.status, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(QStringLiteral("SLOT")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("SERIENNUMMER")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("sprache")), qPrintable(out));
        QVERIFY2(out.contains(fixture.token(QStringLiteral("sprache")).serial), qPrintable(out));

        // JSON keys are never translated.
        const RunResult json = cliRun::process(
            {QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--module"),
             SoftHsmFixture::modulePath(), QStringLiteral("--format"), QStringLiteral("json"),
             QStringLiteral("slots")},
            env, m_dir.path());
        QCOMPARE(json.status, 0);
        QVERIFY(json.out.contains("\"slot_id\""));
        QVERIFY(json.out.contains("\"token_present\""));
    }

    void systemLocalePicksGerman_data() {
        QTest::addColumn<QStringList>("locale");
        QTest::newRow("LANG") << QStringList{QStringLiteral("LC_ALL="),
                                             QStringLiteral("LANG=de_DE.UTF-8")};
        QTest::newRow("LC_ALL") << QStringList{QStringLiteral("LC_ALL=de_AT.UTF-8")};
        QTest::newRow("LANGUAGE") << QStringList{QStringLiteral("LANGUAGE=fr:de")};
    }
    void systemLocalePicksGerman() {
        QFETCH(QStringList, locale);
        const RunResult r =
            cli({QStringLiteral("random"), QStringLiteral("--bytes"), QStringLiteral("0")}, locale);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("Fehler: ")), qPrintable(r.err));
    }

    void englishWithoutGerman_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("locale");
        QTest::newRow("C locale") << QStringList{} << QStringList{};
        QTest::newRow("--lang en over a German locale")
            << QStringList{QStringLiteral("--lang"), QStringLiteral("en")}
            << QStringList{QStringLiteral("LC_ALL=de_DE.UTF-8"), QStringLiteral("LANGUAGE=de")};
        QTest::newRow("English first in LANGUAGE")
            << QStringList{} << QStringList{QStringLiteral("LANGUAGE=en:de")};
    }
    void englishWithoutGerman() {
        QFETCH(QStringList, args);
        QFETCH(QStringList, locale);
        const RunResult help = cli(args + QStringList{QStringLiteral("--help")}, locale);
        QCOMPARE(help.status, 0);
        QVERIFY2(help.err.isEmpty(), qPrintable(help.err));
        const QString out = QString::fromUtf8(help.out);
        QVERIFY2(out.startsWith(QStringLiteral("Usage: ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("\nCommands:\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Output format: text or json")), qPrintable(out));

        const RunResult r = cli(args + QStringList{QStringLiteral("random"),
                                                   QStringLiteral("--bytes"), QStringLiteral("0")},
                                locale);
        QCOMPARE(r.status, 2);
        QCOMPARE(r.err, QStringLiteral("error: random needs --bytes N, from 1 to 4 GiB.\n"));
    }

    void unknownLanguageWarnsOnceAndStaysEnglish_data() {
        QTest::addColumn<QString>("code");
        QTest::newRow("no language") << QStringLiteral("xx-nonsense");
        QTest::newRow("no translation") << QStringLiteral("fr");
    }
    void unknownLanguageWarnsOnceAndStaysEnglish() {
        QFETCH(QString, code);
        const RunResult r = cli({QStringLiteral("--lang"), code, QStringLiteral("random"),
                                 QStringLiteral("--bytes"), QStringLiteral("0")},
                                {QStringLiteral("LANGUAGE=de")});
        QCOMPARE(r.status, 2);
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("warning: ")) && lines[0].contains(code),
                 qPrintable(r.err));
        QCOMPARE(lines[1], QStringLiteral("error: random needs --bytes N, from 1 to 4 GiB."));
    }
};

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "TestCliLanguage.moc"
