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
        QVERIFY(r.out.contains("-v /opt/vendor:/opt/vendor \\"));
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
            r.out.contains("source: \"/data/cf.json\"\n"
                           "        target: \"/home/akeyless/.akeyless/customer_fragments.json\""));
    }

    void helmPerChart() {
        const QStringList env{QStringLiteral("PKCS11_LIB_PATH=/opt/v/lib/lib.so"),
                              QStringLiteral("HSM_SLOT=7")};
        RunResult r = cli(
            {QStringLiteral("export-config"), QStringLiteral("--format"), QStringLiteral("helm")},
            env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith("# values.yaml for the akeyless-gateway chart"));
        QVERIFY(r.out.contains("gateway:\n  hsm:\n    enabled: true\n"));
        QVERIFY(r.out.contains("    slot: \"7\"\n"));
        QVERIFY(r.out.contains("    mountPath: \"/opt/v\"\n"));
        r = cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                 QStringLiteral("helm"), QStringLiteral("--chart"),
                 QStringLiteral("akeyless-api-gateway")},
                env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("\nhsm:\n  enabled: true\n"));
        QVERIFY(
            r.out.contains("\ncustomerFragmentsExistingSecret: \"gateway-customer-fragments\""));
        QVERIFY(!r.out.contains("globalConfig"));
        r = cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                 QStringLiteral("helm"), QStringLiteral("--chart"), QStringLiteral("gateway")},
                env);
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains(QStringLiteral("--chart must be akeyless-gateway or "
                                              "akeyless-api-gateway, not 'gateway'.")));
        r = cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                 QStringLiteral("docker"), QStringLiteral("--chart"),
                 QStringLiteral("akeyless-gateway")},
                env);
        QCOMPARE(r.status, 2);
        // Slot 0: written, quoted, with a warning that proposes the label or serial.
        r = cli(
            {QStringLiteral("export-config"), QStringLiteral("--format"), QStringLiteral("helm")},
            {QStringLiteral("PKCS11_LIB_PATH=/opt/v/lib/lib.so"), QStringLiteral("HSM_SLOT=0")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains("    slot: \"0\"\n"));
        QVERIFY2(r.err.contains(QStringLiteral("warning: Slot 0: both Helm charts")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("--token-label or --token-serial")));
    }

    void mountRoot() {
        const QStringList env{QStringLiteral("PKCS11_LIB_PATH=/opt/nfast/toolkits/pkcs11/lib.so"),
                              QStringLiteral("HSM_TOKEN_LABEL=gw")};
        RunResult r = cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                           QStringLiteral("docker"), QStringLiteral("--mount-root"),
                           QStringLiteral("/opt/nfast/toolkits")},
                          env);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("-v /opt/nfast/toolkits:/opt/nfast/toolkits \\"));
        r = cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                 QStringLiteral("docker"), QStringLiteral("--mount-root"), QStringLiteral("/srv")},
                env);
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("is not inside the mount folder /srv")));
        QVERIFY(r.out.isEmpty());
    }

    void systemLibraryRefusedForMounts() {
        const QStringList env{QStringLiteral("PKCS11_LIB_PATH=/usr/lib/softhsm/libsofthsm2.so"),
                              QStringLiteral("HSM_TOKEN_LABEL=gw")};
        for (const char *format : {"docker", "compose"}) {
            const RunResult r = cli({QStringLiteral("export-config"), QStringLiteral("--format"),
                                     QLatin1String(format)},
                                    env);
            QCOMPARE(r.status, 1);
            QVERIFY(r.out.isEmpty());
            QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0); // one line
            QVERIFY2(r.err.contains(QStringLiteral("copy the vendor's folder under /opt")),
                     qPrintable(r.err));
        }
        const RunResult r = cli(
            {QStringLiteral("export-config"), QStringLiteral("--format"), QStringLiteral("env")},
            env);
        QCOMPARE(r.status, 0);
    }

    void includePinNeverForKubernetes() {
        const RunResult r =
            cli({QStringLiteral("export-config"), QStringLiteral("--format"), QStringLiteral("k8s"),
                 QStringLiteral("--include-pin")},
                {QStringLiteral("PKCS11_LIB_PATH=/opt/v/lib.so"),
                 QStringLiteral("HSM_TOKEN_LABEL=gw"), QStringLiteral("HSM_PIN=98765432")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains("98765432"));
        QVERIFY(!r.out.contains("--from-literal"));
        QVERIFY(r.out.contains("--from-file=pin=./hsm-pin"));
        QVERIFY(!r.err.contains(QStringLiteral("contains the HSM PIN")));
        QVERIFY(r.err.contains(QStringLiteral("reads the PIN from a Kubernetes secret")));
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
