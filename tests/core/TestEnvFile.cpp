// SPDX-License-Identifier: Apache-2.0
// Gateway env files, read as `docker run --env-file` reads them (docker/cli's kvfile):
// values literally, names without whitespace, and one-line errors that never show a value.
#include "core/gateway/GatewayEnvironment.h"
#include "core/gateway/GatewayImport.h"

#include <QTest>

using namespace hsm;

namespace {

QByteArray pinOf(const GatewayEnvironment &env) {
    return QByteArray(reinterpret_cast<const char *>(env.pin->data()),
                      static_cast<qsizetype>(env.pin->size()));
}

} // namespace

class TestEnvFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsValuesLiterally() {
        const QByteArray content = "# gateway settings\n"
                                   "PKCS11_LIB_PATH=/opt/cloudhsm/lib/libcloudhsm_pkcs11.so\n"
                                   "\n"
                                   "   \t HSM_TOKEN_LABEL=\"my token\"\n"
                                   "HSM_PIN='user:pa\"ss'\n"
                                   "HSM_USE_RAND=true # from the HSM\n"
                                   "ADMIN_ACCESS_ID=p-x=y \n"
                                   "  # an indented comment\n"
                                   "with.dots=1\n"
                                   "EMPTY=\n";
        auto file = EnvFile::parse(content, QStringLiteral("gw.env"));
        QVERIFY2(file, qPrintable(file.error().toString()));
        QCOMPARE(file->value(QStringLiteral("PKCS11_LIB_PATH")),
                 QStringLiteral("/opt/cloudhsm/lib/libcloudhsm_pkcs11.so"));
        // Quotes, '#' after the start and trailing spaces are part of the value.
        QCOMPARE(file->value(QStringLiteral("HSM_TOKEN_LABEL")), QStringLiteral("\"my token\""));
        QCOMPARE(file->value(QStringLiteral("HSM_PIN")), QStringLiteral("'user:pa\"ss'"));
        QCOMPARE(file->value(QStringLiteral("HSM_USE_RAND")),
                 QStringLiteral("true # from the HSM"));
        QCOMPARE(file->value(QStringLiteral("ADMIN_ACCESS_ID")), QStringLiteral("p-x=y "));
        QCOMPARE(file->value(QStringLiteral("with.dots")), QStringLiteral("1"));
        QVERIFY(file->contains(QStringLiteral("EMPTY")));
        QCOMPARE(file->value(QStringLiteral("EMPTY")), QString());
        QCOMPARE(file->line(QStringLiteral("HSM_TOKEN_LABEL")), 4);
        QCOMPARE(file->entries().size(), 7);

        const GatewayEnvironment env =
            GatewayEnvironment::fromEnvFile(file.value(), QStringLiteral("gw.env"));
        QCOMPARE(env.token.label.value, QStringLiteral("\"my token\""));
        QCOMPARE(env.token.label.source, QStringLiteral("HSM_TOKEN_LABEL"));
        QVERIFY(!env.token.slot.isSet());
        QCOMPARE(pinOf(env), QByteArray("'user:pa\"ss'"));
        QVERIFY(!env.useRandIsTrue()); // "true # from the HSM" is not "true"
    }

    // LF, CR LF and a byte order mark give the same variables; a lone CR is refused.
    void lineEnds() {
        const QByteArray lf = "HSM_SLOT=1\nHSM_PIN=1234\nHSM_USE_RAND=true\n";
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        const auto fromLf = EnvFile::parse(lf, QStringLiteral("gw.env"));
        const auto fromCrlf = EnvFile::parse("\xEF\xBB\xBF" + crlf, QStringLiteral("gw.env"));
        QVERIFY(fromLf);
        QVERIFY2(fromCrlf, qPrintable(fromCrlf.error().message));
        QCOMPARE(fromCrlf->entries(), fromLf->entries());
        QCOMPARE(fromCrlf->value(QStringLiteral("HSM_PIN")), QStringLiteral("1234"));
        QCOMPARE(fromCrlf->line(QStringLiteral("HSM_USE_RAND")), 3);
    }

    void lineWithOnlyANameTakesTheCallersValue() {
        const QByteArray name = "HSM_ADMIN_TEST_INHERITED";
        qputenv(name.constData(), "from the caller");
        qunsetenv("HSM_ADMIN_TEST_UNSET");
        auto file = EnvFile::parse("  " + name + "\nHSM_ADMIN_TEST_UNSET\nHSM_PIN\n",
                                   QStringLiteral("gw.env"));
        QVERIFY2(file, qPrintable(file.error().toString()));
        QVERIFY(!file->contains(QString::fromLatin1(name)));
        QCOMPARE(file->inherited(),
                 (QStringList{QString::fromLatin1(name), QStringLiteral("HSM_ADMIN_TEST_UNSET"),
                              QStringLiteral("HSM_PIN")}));
        QCOMPARE(file->valueForContainer(QString::fromLatin1(name)),
                 std::optional<QString>(QStringLiteral("from the caller")));
        QCOMPARE(file->valueForContainer(QStringLiteral("HSM_ADMIN_TEST_UNSET")), std::nullopt);
        qunsetenv(name.constData());

        // HSM_PIN on its own passes the caller's PIN on, as docker does.
        qputenv("HSM_PIN", "4321");
        const GatewayEnvironment env =
            GatewayEnvironment::fromEnvFile(file.value(), QStringLiteral("gw.env"));
        qunsetenv("HSM_PIN");
        QCOMPARE(pinOf(env), QByteArray("4321"));
        const GatewayEnvironment none =
            GatewayEnvironment::fromEnvFile(file.value(), QStringLiteral("gw.env"));
        QVERIFY(none.pin->isAbsent());

        const auto imported =
            GatewayImport::fromEnvFile("HSM_PIN\nHSM_SLOT=1\n", QStringLiteral("gw.env"));
        QVERIFY(imported);
        QCOMPARE(imported->unused,
                 QStringList{QStringLiteral("HSM_PIN (taken from the host's environment)")});
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("export")
            << QByteArray("A=1\nexport HSM_PIN=secret\n")
            << QStringLiteral("gw.env, line 2: docker takes 'export HSM_PIN' as the name and "
                              "refuses it for its whitespace (an env file is not a shell script); "
                              "write HSM_PIN=… without 'export'.");
        QTest::newRow("space before =")
            << QByteArray("HSM_PIN =secret\n")
            << QStringLiteral("gw.env, line 1: the name 'HSM_PIN ' holds whitespace, which docker "
                              "refuses; write NAME=VALUE with nothing around the name.");
        QTest::newRow("no = but spaces")
            << QByteArray("HSM_PIN secret\n")
            << QStringLiteral("gw.env, line 1: the line has no '=' and holds whitespace, which "
                              "docker refuses; write NAME=VALUE.");
        QTest::newRow("empty name")
            << QByteArray("\n=secret\n")
            << QStringLiteral("gw.env, line 2: there is no name before the '='.");
        QTest::newRow("repeated")
            << QByteArray("HSM_SLOT=1\r\nHSM_SLOT=2\r\n")
            << QStringLiteral("gw.env, line 2: HSM_SLOT is set again (first on line 1); docker "
                              "would silently use the last one, so keep only the one you mean.");
        QTest::newRow("repeated, once by name")
            << QByteArray("HSM_PIN\nHSM_PIN=secret\n")
            << QStringLiteral("gw.env, line 2: HSM_PIN is set again (first on line 1)");
        // CR-only line ends: docker would read HSM_PIN's line into A's value.
        QTest::newRow("CR only")
            << QByteArray("A=1\rHSM_PIN=secret\rB=2\r")
            << QStringLiteral("gw.env, line 1: a carriage return ends the line alone (old Mac "
                              "line ends); docker ends lines only at LF or CR LF and would read "
                              "the next line into the value of A. Save the file with LF line "
                              "ends.");
        QTest::newRow("CR only after CR LF")
            << QByteArray("A=1\r\nB=2\rHSM_PIN=secret\r\n")
            << QStringLiteral("gw.env, line 2: a carriage return ends the line alone");
        QTest::newRow("CR only, no name")
            << QByteArray("# x\r\n\rHSM_PIN=secret\n")
            << QStringLiteral("line 2: a carriage return ends the line alone (old Mac line "
                              "ends); docker ends lines only at LF or CR LF and would read the "
                              "next line into this line.");
        QTest::newRow("not UTF-8") << QByteArray("A=1\nB=\xff\xfe\n")
                                   << QStringLiteral("gw.env, line 2: the line is not valid UTF-8");
    }

    void errors() {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        auto file = EnvFile::parse(content, QStringLiteral("gw.env"));
        QVERIFY(!file);
        QVERIFY2(file.error().message.contains(reason), qPrintable(file.error().message));
        QVERIFY2(!file.error().message.contains(QStringLiteral("secret")),
                 qPrintable(file.error().message));
        // The import reads the file the same way and refuses the same.
        const auto imported = GatewayImport::fromEnvFile(content, QStringLiteral("gw.env"));
        QVERIFY(!imported);
        QCOMPARE(imported.error().message, file.error().message);
    }
};

QTEST_GUILESS_MAIN(TestEnvFile)
#include "TestEnvFile.moc"
