// SPDX-License-Identifier: Apache-2.0
// Deployment exports: golden files, a real shell and a real YAML parser reading them back,
// no PIN unless asked, and imports of docker run commands and env files.
#include "core/gateway/GatewayConfig.h"
#include "core/gateway/GatewayImport.h"
#include "core/gateway/ShellWords.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace hsm;

namespace {

// Labels operators really have: spaces, quotes of both kinds, a dollar, a colon.
const QString kNastyLabel = QStringLiteral("prod \"gw\" it's $HOME: x");

GatewayConfig fixedConfig() {
    GatewayConfig c;
    c.libraryPath = QStringLiteral("/opt/cloudhsm/lib/libcloudhsm_pkcs11.so");
    c.tokenMode = GatewayTokenMode::Label;
    c.tokenValue = kNastyLabel;
    c.useRand = true;
    c.fragmentsPath = QStringLiteral("/srv/gateway/customer_fragments.json");
    c.accessId = QStringLiteral("p-abc123");
    return c;
}

QString golden(const QString &name) {
    QFile f(QStringLiteral(HSM_TEST_GOLDEN_DIR "/") + name);
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll());
}

struct Ran {
    int status = -1;
    QByteArray out;
    QByteArray err;
};

Ran run(const QString &program, const QStringList &args, const QByteArray &input) {
    QProcess p;
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

// A real YAML parser: Debian's python3-yaml, as JSON for us to compare.
QJsonObject parseYaml(const QString &yaml) {
    const Ran r =
        run(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import sys, json, yaml; "
                                                  "print(json.dumps(yaml.safe_load(sys.stdin)))")},
            yaml.toUtf8());
    if (r.status != 0)
        qWarning("%s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestGatewayConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goldenFiles_data() {
        QTest::addColumn<QString>("format");
        for (const char *f : {"docker", "env", "compose", "k8s", "helm"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void goldenFiles() {
        QFETCH(QString, format);
        GatewayConfig::Format f;
        QVERIFY(GatewayConfig::parseFormat(format, &f));
        Result<QString> text = fixedConfig().render(f);
        QVERIFY2(text, qPrintable(text.error().toString()));
        QCOMPARE(text.value(), golden(format + QStringLiteral(".txt")));
        QVERIFY(text->contains(QLatin1String(GatewayConfig::kPinPlaceholder)) ||
                format == QLatin1String("helm") || format == QLatin1String("k8s"));
    }

    void dockerCommandIsShellSafe() {
        GatewayConfig c = fixedConfig();
        c.includePin = true;
        c.pin = QStringLiteral("user:pa ss'$(rm -rf /)`x`");
        const QString command = c.render(GatewayConfig::Format::Docker).value();
        // Syntax first, then let a shell split the words: print each argument of "docker".
        QCOMPARE(run(QStringLiteral("/bin/sh"), {QStringLiteral("-n")}, command.toUtf8()).status,
                 0);
        const QByteArray script = "docker() { printf '%s\\n' \"$@\"; }\n" + command.toUtf8();
        const Ran r = run(QStringLiteral("/bin/sh"), {}, script);
        QCOMPARE(r.status, 0);
        const QStringList args =
            QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(args.contains(QStringLiteral("HSM_TOKEN_LABEL=") + kNastyLabel));
        QVERIFY(args.contains(QStringLiteral("HSM_PIN=") + c.pin));
        QVERIFY(args.contains(
            QStringLiteral("PKCS11_LIB_PATH=/opt/cloudhsm/lib/libcloudhsm_pkcs11.so")));
        QVERIFY(args.contains(QStringLiteral("/opt/cloudhsm/lib:/opt/cloudhsm/lib")));
        QVERIFY(args.contains(QStringLiteral("/srv/gateway/customer_fragments.json:/home/akeyless/"
                                             ".akeyless/customer_fragments.json")));
        QCOMPARE(args.first(), QStringLiteral("run"));
        QCOMPARE(args.last(), QStringLiteral("akeyless/base:latest-akeyless"));
        // Our own splitter agrees with the shell.
        Result<QStringList> ours = shellWords::split(command);
        QVERIFY(ours);
        QCOMPARE(ours->mid(1), args);
    }

    void yamlReadsBackTheSameValues() {
        const GatewayConfig c = fixedConfig();
        const QJsonObject compose = parseYaml(c.render(GatewayConfig::Format::Compose).value());
        const QJsonObject service = compose.value(QStringLiteral("services"))
                                        .toObject()
                                        .value(QStringLiteral("akeyless-gw"))
                                        .toObject();
        const QJsonObject env = service.value(QStringLiteral("environment")).toObject();
        // Compose turns $$ into $: the label arrives unchanged.
        QCOMPARE(env.value(QStringLiteral("HSM_TOKEN_LABEL"))
                     .toString()
                     .replace(QStringLiteral("$$"), QStringLiteral("$")),
                 kNastyLabel);
        QCOMPARE(env.value(QStringLiteral("HSM_USE_RAND")).toString(), QStringLiteral("true"));
        QCOMPARE(env.value(QStringLiteral("HSM_PIN")).toString(),
                 QLatin1String(GatewayConfig::kPinPlaceholder));
        QCOMPARE(service.value(QStringLiteral("ports")).toArray().size(), 6);

        const QJsonObject values = parseYaml(c.render(GatewayConfig::Format::Helm).value());
        const QJsonObject hsmValues = values.value(QStringLiteral("hsm")).toObject();
        QCOMPARE(hsmValues.value(QStringLiteral("tokenLabel")).toString(), kNastyLabel);
        QCOMPARE(hsmValues.value(QStringLiteral("useRand")).toBool(), true);
        QCOMPARE(hsmValues.value(QStringLiteral("pkcs11LibPath")).toString(), c.libraryPath);
        QCOMPARE(hsmValues.value(QStringLiteral("pinExistingSecret")).toString(),
                 QStringLiteral("gateway-hsm-pin"));
        QCOMPARE(values.value(QStringLiteral("globalConfig"))
                     .toObject()
                     .value(QStringLiteral("customerFragmentsExistingSecret"))
                     .toString(),
                 QStringLiteral("gateway-customer-fragments"));

        // Values YAML would otherwise read as other types stay strings.
        for (const QString &tricky :
             {QStringLiteral("true"), QStringLiteral("0x10"), QStringLiteral(" lead"),
              QStringLiteral("a: b"), QStringLiteral("- item"), QStringLiteral("#x")}) {
            GatewayConfig t = c;
            t.tokenValue = tricky;
            const QJsonValue v = parseYaml(t.render(GatewayConfig::Format::Helm).value())
                                     .value(QStringLiteral("hsm"))
                                     .toObject()
                                     .value(QStringLiteral("tokenLabel"));
            QVERIFY2(v.isString() && v.toString() == tricky, qPrintable(tricky));
        }
        GatewayConfig slot = c;
        slot.tokenMode = GatewayTokenMode::Slot;
        slot.tokenValue = QStringLiteral("3");
        QCOMPARE(parseYaml(slot.render(GatewayConfig::Format::Helm).value())
                     .value(QStringLiteral("hsm"))
                     .toObject()
                     .value(QStringLiteral("slot"))
                     .toInt(),
                 3);
    }

    void pinOnlyWhenAsked() {
        GatewayConfig c = fixedConfig();
        c.pin = QStringLiteral("secret-pin-123");
        for (auto f : {GatewayConfig::Format::Docker, GatewayConfig::Format::Env,
                       GatewayConfig::Format::Compose, GatewayConfig::Format::Kubernetes,
                       GatewayConfig::Format::Helm})
            QVERIFY(!c.render(f)->contains(c.pin));
        c.includePin = true;
        QVERIFY(c.render(GatewayConfig::Format::Env)
                    ->contains(QStringLiteral("HSM_PIN=secret-pin-123")));
        QVERIFY(c.render(GatewayConfig::Format::Kubernetes)
                    ->contains(QStringLiteral("--from-literal=pin=secret-pin-123")));
    }

    void inlineFragments() {
        GatewayConfig c = fixedConfig();
        c.fragmentsInline = true;
        c.fragmentsJson = QStringLiteral("{\n  \"customer_fragments\": [\n    {\"id\": \"cf-1\", "
                                         "\"value\": \"eA==\"}\n  ]\n}\n");
        const QString env = c.render(GatewayConfig::Format::Env).value();
        QVERIFY(env.contains(QStringLiteral("CUSTOMER_FRAGMENTS={\"customer_fragments\":[{\"id\":"
                                            "\"cf-1\",\"value\":\"eA==\"}]}\n")));
    }

    void validation() {
        GatewayConfig c = fixedConfig();
        c.libraryPath = QStringLiteral("lib/libvendor.so");
        QVERIFY(c.validate().error().message.contains(QStringLiteral("absolute path")));
        c = fixedConfig();
        c.tokenValue.clear();
        QVERIFY(c.validate().error().message.contains(QStringLiteral("exactly one of HSM_SLOT")));
        c = fixedConfig();
        c.tokenMode = GatewayTokenMode::Slot;
        c.tokenValue = QStringLiteral("first");
        QVERIFY(c.validate().error().message.contains(QStringLiteral("HSM_SLOT must be a number")));
        c = fixedConfig();
        c.tokenValue = QStringLiteral("two\nlines");
        QVERIFY(!c.validate());
        QVERIFY(!c.render(GatewayConfig::Format::Docker));
    }

    void importsTheSeedDocumentsExample() {
        // Verbatim from the public HSM integration document.
        const QString command =
            QStringLiteral("docker run -d -p 8000:8000 -p 8200:8200 -p 18888:18888 -p 8080:8080 -p "
                           "8081:8081 -p 5696:5696 \\\n"
                           "-e ADMIN_ACCESS_ID=\"p-xxxxxxx\" \\\n"
                           "-e HSM_PIN=\"<HSM PIN>\" \\\n"
                           "-e HSM_SLOT=\"<slot number>\" \\\n"
                           "-e HSM_TOKEN_LABEL=\"<token label>\" \\\n"
                           "-e HSM_TOKEN_SERIAL=\"<token serial>\" \\\n"
                           "-e HSM_USE_RAND=\"true\" \\\n"
                           "-e PKCS11_LIB_PATH=\"/opt/cloudhsm/lib/libcloudhsm_pkcs11.so\" \\\n"
                           "-v /opt/cloudhsm:/opt/cloudhsm \\\n"
                           "--name akeyless-gw akeyless/base:latest-akeyless\n");
        Result<GatewayImport> imported = GatewayImport::fromDockerRun(command);
        QVERIFY2(imported, qPrintable(imported.error().toString()));
        const GatewayConfig &c = imported->config;
        QCOMPARE(c.libraryPath, QStringLiteral("/opt/cloudhsm/lib/libcloudhsm_pkcs11.so"));
        QCOMPARE(c.useRand, true);
        QCOMPARE(c.accessId, QStringLiteral("p-xxxxxxx"));
        QCOMPARE(imported->tokenAssignments(),
                 (QStringList{QStringLiteral("HSM_SLOT=<slot number>"),
                              QStringLiteral("HSM_TOKEN_LABEL=<token label>"),
                              QStringLiteral("HSM_TOKEN_SERIAL=<token serial>")}));
        QCOMPARE(imported->token.slot.value, QStringLiteral("<slot number>"));
        QCOMPARE(imported->token.label.source, QStringLiteral("HSM_TOKEN_LABEL"));
        QCOMPARE(imported->token.serial.value, QStringLiteral("<token serial>"));
        QCOMPARE(c.tokenMode, GatewayTokenMode::Serial);
        QCOMPARE(c.tokenValue, QStringLiteral("<token serial>"));
        // Listed, not dropped: the ports, the name, the PIN.
        QVERIFY(imported->unused.contains(QStringLiteral("-p 8000:8000")));
        QVERIFY(imported->unused.contains(QStringLiteral("--name akeyless-gw")));
        QVERIFY(imported->unused.filter(QStringLiteral("HSM_PIN")).size() == 1);
        QVERIFY(imported->unused.filter(QStringLiteral("<HSM PIN>")).isEmpty());
        // The vendor folder mount comes with PKCS11_LIB_PATH.
        QVERIFY(imported->unused.filter(QStringLiteral("/opt/cloudhsm:/opt/cloudhsm")).isEmpty());
    }

    void exportThenImportGivesTheSameSettings_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("value");
        QTest::newRow("label") << int(GatewayTokenMode::Label) << kNastyLabel;
        QTest::newRow("serial") << int(GatewayTokenMode::Serial)
                                << QStringLiteral("4e3ca826da2daf8b");
        QTest::newRow("slot") << int(GatewayTokenMode::Slot) << QStringLiteral("1538628664");
    }

    void exportThenImportGivesTheSameSettings() {
        QFETCH(int, mode);
        QFETCH(QString, value);
        GatewayConfig c = fixedConfig();
        c.tokenMode = static_cast<GatewayTokenMode>(mode);
        c.tokenValue = value;
        c.useRand = mode != int(GatewayTokenMode::Slot);
        Result<GatewayImport> fromDocker =
            GatewayImport::fromDockerRun(c.render(GatewayConfig::Format::Docker).value());
        QVERIFY2(fromDocker, qPrintable(fromDocker.error().toString()));
        QVERIFY(fromDocker->config == c);
        Result<GatewayImport> fromEnv = GatewayImport::fromEnvFile(
            c.render(GatewayConfig::Format::Env)->toUtf8(), QStringLiteral("gw.env"));
        QVERIFY2(fromEnv, qPrintable(fromEnv.error().toString()));
        GatewayConfig expected = c;
        expected.fragmentsPath.clear(); // an env file has no mounts
        QVERIFY(fromEnv->config == expected);
    }

    void shellWords() {
        QCOMPARE(
            shellWords::split(
                QStringLiteral("a 'b c' \"d \\\"e\\\" $f\" g\\ h \\\r\ni # comment\nj"))
                .value(),
            (QStringList{QStringLiteral("a"), QStringLiteral("b c"), QStringLiteral("d \"e\" $f"),
                         QStringLiteral("g h"), QStringLiteral("i"), QStringLiteral("j")}));
        QVERIFY(shellWords::split(QStringLiteral("a 'b"))
                    .error()
                    .message.contains(QStringLiteral("single quote")));
        QVERIFY(shellWords::split(QStringLiteral("a \"b"))
                    .error()
                    .message.contains(QStringLiteral("double quote")));
        QCOMPARE(shellWords::quote(QStringLiteral("plain/path:1")), QStringLiteral("plain/path:1"));
        QCOMPARE(shellWords::quote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(shellWords::quote(QStringLiteral("path\n")), QStringLiteral("'path\n'"));
        QVERIFY(!GatewayImport::fromDockerRun(QStringLiteral("podman ps")));
    }
};

QTEST_GUILESS_MAIN(TestGatewayConfig)
#include "TestGatewayConfig.moc"
