// SPDX-License-Identifier: Apache-2.0
// export-config and probe as an operator runs them.
#include "tests/support/CliRun.h"
#include "tests/support/SoftHsmFixture.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
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

// The CLI as it runs beside `fixture`: its SOFTHSM2_CONF, and the demo HSM in its folder.
RunResult cliBeside(const SoftHsmFixture &fixture, const QStringList &args,
                    const QStringList &env = {}) {
    QStringList base = fixture.environment();
    base.erase(std::remove_if(base.begin(), base.end(),
                              [](const QString &v) { return v.startsWith(QLatin1String("HSM_")); }),
               base.end());
    return cliRun::inProcess(args, base + env, fixture.directory());
}

QString errorLine(const RunResult &r) {
    const QStringList errors = r.err.split(QLatin1Char('\n')).filter(QStringLiteral("error: "));
    return errors.size() == 1 ? errors.first() : QString();
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

    // No library: the demo HSM, its only token, and its SOFTHSM2_CONF in the env file, which
    // preflight then passes; the container formats refuse it in one line.
    void demoExportPassesPreflight() {
        SoftHsmFixture fixture; // SOFTHSM2_CONF: another SoftHSM, whose tokens are not the demo
        QVERIFY(fixture.initTokens({QStringLiteral("other")}));
        const QString demoConf =
            fixture.directory() + QStringLiteral("/data/hsm-admin/demo-hsm/softhsm2.conf");
        const QString fragments = fixture.directory() + QStringLiteral("/customer_fragments.json");
        const QStringList pin{QStringLiteral("HSM_PIN=1234")};
        RunResult r =
            cliBeside(fixture,
                      {QStringLiteral("gen-customer-fragment"), QStringLiteral("-n"),
                       QStringLiteral("DEMO_CF"), QStringLiteral("-t"),
                       QStringLiteral("hsm_wrap_hmac"), QStringLiteral("-k"),
                       QStringLiteral("akeyless_hsm"), QStringLiteral("--output"), fragments},
                      pin);
        QVERIFY2(r.status == 0, qPrintable(r.err));

        r = cliBeside(fixture,
                      {QStringLiteral("export-config"), QStringLiteral("--format"),
                       QStringLiteral("env"), QStringLiteral("--include-pin"),
                       QStringLiteral("--fragments"), fragments},
                      pin);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("using the built-in demo HSM")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("the only initialised token, demo (#")),
                 qPrintable(r.err));
        const QString env = QString::fromUtf8(r.out);
        QVERIFY2(env.contains(QStringLiteral("\nSOFTHSM2_CONF=") + demoConf + QLatin1Char('\n')),
                 qPrintable(env));
        QVERIFY2(
            env.contains(QStringLiteral("\nPKCS11_LIB_PATH=/usr/lib/softhsm/libsofthsm2.so\n")),
            qPrintable(env));
        QVERIFY2(env.contains(QStringLiteral("\nHSM_TOKEN_SERIAL=")), qPrintable(env));
        QVERIFY2(env.contains(QStringLiteral("not deployable into a container")), qPrintable(env));
        const QString envFile = fixture.directory() + QStringLiteral("/demo.env");
        QFile file(envFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(r.out);
        file.close();

        r = cliBeside(fixture, {QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile,
                                QStringLiteral("--fragments"), fragments});
        QVERIFY2(r.status == 0, r.out.constData());
        const QStringList lines =
            QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 6);
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QStringLiteral("PASS  ")), qPrintable(line));
        QVERIFY(r.out.contains("PASS  fragment cf-"));

        // Without the demo's configuration the same file finds the fixture's tokens only.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(env.split(QLatin1Char('\n'))
                       .filter(QRegularExpression(QStringLiteral("^(?!SOFTHSM2_CONF=)")))
                       .join(QLatin1Char('\n'))
                       .toUtf8());
        file.close();
        r = cliBeside(fixture, {QStringLiteral("preflight"), QStringLiteral("--env-file"), envFile,
                                QStringLiteral("--fragments"), fragments});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.out.contains("FAIL  token: No token has the serial"), r.out.constData());

        for (const char *format : {"docker", "compose", "k8s", "helm"}) {
            r = cliBeside(fixture, {QStringLiteral("export-config"), QStringLiteral("--format"),
                                    QLatin1String(format)});
            QCOMPARE(r.status, 1);
            QVERIFY(r.out.isEmpty());
            QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0); // one line, nothing loaded
            QVERIFY2(errorLine(r).contains(QStringLiteral(
                         "The built-in demo HSM is not deployable into a container")),
                     qPrintable(r.err));
        }
    }

    // With --module and no identifier: the only initialised token, by its serial; with two,
    // a clear refusal, until one is named.
    void theOnlyTokenNeedsNoIdentifier() {
        SoftHsmFixture fixture;
        QVERIFY(fixture.initTokens({QStringLiteral("solo")}));
        const QStringList args{QStringLiteral("--module"), SoftHsmFixture::modulePath(),
                               QStringLiteral("export-config"), QStringLiteral("--format"),
                               QStringLiteral("env")};
        RunResult r = cliBeside(fixture, args);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("\nHSM_TOKEN_SERIAL=" +
                                fixture.token(QStringLiteral("solo")).serial.toLatin1() + '\n'),
                 r.out.constData());
        QVERIFY(!r.out.contains("SOFTHSM2_CONF")); // not the demo
        QVERIFY(!r.err.contains(QStringLiteral("demo HSM")));

        QVERIFY(fixture.initTokens({QStringLiteral("second")}));
        r = cliBeside(fixture, args);
        QCOMPARE(r.status, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(errorLine(r).contains(QStringLiteral("has 2 initialised tokens")),
                 qPrintable(r.err));
        QVERIFY2(errorLine(r).contains(
                     QStringLiteral("choose one with --slot, --token-label or --token-serial")),
                 qPrintable(r.err));
        r = cliBeside(
            fixture, QStringList{QStringLiteral("--token-label"), QStringLiteral("second")} + args);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("\nHSM_TOKEN_LABEL=second\n"));
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
