// SPDX-License-Identifier: Apache-2.0
// Gateway env files: what docker --env-file and compose accept, and one-line errors for
// what they would get wrong.
#include "core/gateway/GatewayEnvironment.h"

#include <QTest>

using namespace hsm;

class TestEnvFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reads() {
        const QByteArray content = "# gateway settings\r\n"
                                   "PKCS11_LIB_PATH=/opt/cloudhsm/lib/libcloudhsm_pkcs11.so\r\n"
                                   "\r\n"
                                   "export HSM_TOKEN_LABEL=\"my token\"\r\n"
                                   "HSM_PIN='user:pa\"ss'\r\n"
                                   "HSM_USE_RAND=true # from the HSM\r\n"
                                   "ADMIN_ACCESS_ID=\"p-\\\"x\\\\\"\r\n"
                                   "EMPTY=\r\n";
        auto file = EnvFile::parse(content, QStringLiteral("gw.env"));
        QVERIFY2(file, qPrintable(file.error().toString()));
        QCOMPARE(file->value(QStringLiteral("PKCS11_LIB_PATH")),
                 QStringLiteral("/opt/cloudhsm/lib/libcloudhsm_pkcs11.so"));
        QCOMPARE(file->value(QStringLiteral("HSM_TOKEN_LABEL")), QStringLiteral("my token"));
        QCOMPARE(file->value(QStringLiteral("HSM_PIN")), QStringLiteral("user:pa\"ss"));
        QCOMPARE(file->value(QStringLiteral("HSM_USE_RAND")),
                 QStringLiteral("true # from the HSM"));
        QCOMPARE(file->value(QStringLiteral("ADMIN_ACCESS_ID")), QStringLiteral("p-\"x\\"));
        QVERIFY(file->contains(QStringLiteral("EMPTY")));
        QCOMPARE(file->value(QStringLiteral("EMPTY")), QString());

        const GatewayEnvironment env =
            GatewayEnvironment::fromEnvFile(file.value(), QStringLiteral("gw.env"));
        QCOMPARE(env.token.label.value, QStringLiteral("my token"));
        QCOMPARE(env.token.label.source, QStringLiteral("HSM_TOKEN_LABEL"));
        QVERIFY(!env.token.slot.isSet());
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(env.pin->data()), env.pin->size()),
                 QByteArray("user:pa\"ss"));
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unbalanced double")
            << QByteArray("A=1\nHSM_PIN=\"abc\n")
            << QStringLiteral("gw.env, line 2: the value of HSM_PIN opens a double quote");
        QTest::newRow("unbalanced single")
            << QByteArray("HSM_PIN='abc")
            << QStringLiteral("line 1: the value of HSM_PIN opens a single quote");
        QTest::newRow("no equals")
            << QByteArray("HSM_PIN\n") << QStringLiteral("line 1: expected KEY=VALUE");
        QTest::newRow("bad key") << QByteArray("1HSM=2\n")
                                 << QStringLiteral("'1HSM' is not a variable name");
        QTest::newRow("empty key")
            << QByteArray("=2\n") << QStringLiteral("'' is not a variable name");
        QTest::newRow("repeated") << QByteArray("HSM_SLOT=1\r\nHSM_SLOT=2\r\n")
                                  << QStringLiteral(
                                         "line 2: HSM_SLOT is set again (first on line 1)");
        QTest::newRow("junk after quote")
            << QByteArray("A=\"x\" y\n")
            << QStringLiteral("unexpected text after the quoted value of A");
    }

    void errors() {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        auto file = EnvFile::parse(content, QStringLiteral("gw.env"));
        QVERIFY(!file);
        QVERIFY2(file.error().message.contains(reason), qPrintable(file.error().message));
        QVERIFY(!file.error().message.contains(QStringLiteral("abc")) ||
                reason.contains(QStringLiteral("abc")));
    }
};

QTEST_GUILESS_MAIN(TestEnvFile)
#include "TestEnvFile.moc"
