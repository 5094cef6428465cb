// SPDX-License-Identifier: Apache-2.0
// export-config and probe as an operator runs them.
#include "tests/support/CliRun.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hsm::test;

namespace {

// This process's environment without the gateway's settings, and `env`.
RunResult cli(const QStringList &args, const QStringList &env = {}) {
    QStringList base = QProcessEnvironment::systemEnvironment().toStringList();
    base.erase(std::remove_if(base.begin(), base.end(),
                              [](const QString &v) {
                                  return v.startsWith(QLatin1String("HSM_")) ||
                                         v.startsWith(QLatin1String("PKCS11_LIB_PATH="));
                              }),
               base.end());
    return cliRun::inProcess(args, base + env, QString());
}

} // namespace

class TestCliGateway : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportFromTheGatewayEnvironment() {
        const RunResult r = cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                                 QStringLiteral("docker"), QStringLiteral("--fragments"),
                                 QStringLiteral("/srv/cf.json")},
                                {QStringLiteral("PKCS11_LIB_PATH=/opt/vendor/lib/libp11.so"),
                                 QStringLiteral("HSM_TOKEN_SERIAL=4e3ca826da2daf8b"),
                                 QStringLiteral("HSM_PIN=12345678")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("-e HSM_TOKEN_SERIAL=4e3ca826da2daf8b \\"));
        QVERIFY(r.out.contains("-v /opt/vendor/lib:/opt/vendor/lib \\"));
        QVERIFY(r.out.contains("-e 'HSM_PIN=<HSM PIN>'"));
        QVERIFY(!r.out.contains("12345678"));
    }

    void includePinWarns() {
        const RunResult r = cli(
            {QStringLiteral("--token-label"), QStringLiteral("gw"), QStringLiteral("export-config"),
             QStringLiteral("--format"), QStringLiteral("env"), QStringLiteral("--include-pin")},
            {QStringLiteral("PKCS11_LIB_PATH=/opt/v/lib.so"), QStringLiteral("HSM_PIN=user:pass")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains("HSM_PIN=user:pass\n"));
        QVERIFY(r.err.contains(QStringLiteral("warning: the output contains the HSM PIN")));
    }

    void refusals() {
        RunResult r = cli(
            {QStringLiteral("export-config"), QStringLiteral("--format"), QStringLiteral("docker")},
            {QStringLiteral("PKCS11_LIB_PATH=/opt/v/lib.so"), QStringLiteral("HSM_SLOT=1"),
             QStringLiteral("HSM_TOKEN_LABEL=gw")});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(
            QStringLiteral("Several token identifiers are set (HSM_SLOT, HSM_TOKEN_LABEL)")));
        r = cli(
            {QStringLiteral("export-config"), QStringLiteral("--format"), QStringLiteral("docker")},
            {QStringLiteral("PKCS11_LIB_PATH=lib.so"), QStringLiteral("HSM_SLOT=1")});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("absolute path")));
        r = cli(
            {QStringLiteral("export-config"), QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(r.status, 2);
    }

    void importAnEnvFileOrADockerCommand() {
        QTemporaryDir dir;
        const QString env = dir.filePath(QStringLiteral("gateway.env"));
        QFile f(env);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PKCS11_LIB_PATH=/opt/v/lib.so\r\nHSM_TOKEN_LABEL=my "
                "token\r\nHSM_USE_RAND=false\r\nEXTRA=1\r\n");
        f.close();
        RunResult r = cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                           QStringLiteral("helm"), QStringLiteral("--env-file"), env});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("tokenLabel: \"my token\""));
        QVERIFY(r.out.contains("useRand: false"));
        QVERIFY(r.err.contains(QStringLiteral("note: not used: EXTRA=1")));

        const QString docker = dir.filePath(QStringLiteral("run.sh"));
        QFile d(docker);
        QVERIFY(d.open(QIODevice::WriteOnly));
        d.write("docker run -d \\\n  -e HSM_TOKEN_SERIAL='abc def' \\\n  -e "
                "PKCS11_LIB_PATH=/opt/v/lib.so \\\n"
                "  -v /data/cf.json:/home/akeyless/.akeyless/customer_fragments.json \\\n  "
                "akeyless/base:latest-akeyless\n");
        d.close();
        r = cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                 QStringLiteral("compose"), QStringLiteral("--docker-run"), docker});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("HSM_TOKEN_SERIAL: \"abc def\""));
        QVERIFY(
            r.out.contains("\"/data/cf.json:/home/akeyless/.akeyless/customer_fragments.json\""));
    }

    void probe() {
        QTcpServer open;
        QVERIFY(open.listen(QHostAddress::LocalHost, 0));
        QTcpServer closing;
        QVERIFY(closing.listen(QHostAddress::LocalHost, 0));
        const quint16 closed = closing.serverPort();
        closing.close();
        // The probe's event loop is this thread's, so the server keeps accepting while it
        // waits.
        const RunResult r = cli({QStringLiteral("probe"), QStringLiteral("--host"),
                                 QStringLiteral("127.0.0.1"), QStringLiteral("--ports"),
                                 QStringLiteral("%1,%2").arg(open.serverPort()).arg(closed),
                                 QStringLiteral("--health-port"), QString::number(closed),
                                 QStringLiteral("--timeout-ms"), QStringLiteral("2000")});
        const QString out = QString::fromUtf8(r.out);
        QCOMPARE(r.status, 1);
        QVERIFY2(out.contains(QStringLiteral("OK    127.0.0.1:%1: open").arg(open.serverPort())),
                 qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("FAIL  127.0.0.1:%1: connection refused").arg(closed)));
        QVERIFY(out.contains(
            QStringLiteral("FAIL  127.0.0.1:%1 /health: GET /health: connection refused")
                .arg(closed)));
        QCOMPARE(cli({QStringLiteral("probe")}).status, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliGateway)
#include "TestCliGateway.moc"
