// SPDX-License-Identifier: Apache-2.0
// Deployment exports: golden files, a real shell and a real YAML parser reading them back,
// no PIN unless asked, and imports of docker run commands and env files.
#include "core/gateway/GatewayConfig.h"
#include "core/gateway/GatewayImport.h"
#include "core/gateway/ShellWords.h"
#include "core/token/TokenSelector.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
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

// HSM_WRITE_GOLDEN=1 rewrites a golden file from the current output (review the diff).
void writeGolden(const QString &name, const QString &text) {
    QFile f(QStringLiteral(HSM_TEST_GOLDEN_DIR "/") + name);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

// The golden files: one per format, Helm once per chart.
struct GoldenCase {
    const char *file;
    GatewayConfig::Format format;
    GatewayConfig::HelmChart chart;
};
const QList<GoldenCase> &goldenCases() {
    static const QList<GoldenCase> cases{
        {"docker.txt", GatewayConfig::Format::Docker, GatewayConfig::HelmChart::Gateway},
        {"env.txt", GatewayConfig::Format::Env, GatewayConfig::HelmChart::Gateway},
        {"compose.txt", GatewayConfig::Format::Compose, GatewayConfig::HelmChart::Gateway},
        {"k8s.txt", GatewayConfig::Format::Kubernetes, GatewayConfig::HelmChart::Gateway},
        {"helm-akeyless-gateway.txt", GatewayConfig::Format::Helm,
         GatewayConfig::HelmChart::Gateway},
        {"helm-akeyless-api-gateway.txt", GatewayConfig::Format::Helm,
         GatewayConfig::HelmChart::ApiGateway},
    };
    return cases;
}

struct Ran {
    int status = -1;
    QByteArray out;
    QByteArray err;
};

Ran run(const QString &program, const QStringList &args, const QByteArray &input,
        const QString &workingDirectory = QString()) {
    QProcess p;
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
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

// Every leaf of a parsed YAML map as "a.b.c".
void leafPaths(const QJsonObject &map, const QString &prefix, QStringList *paths) {
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject())
            leafPaths(it.value().toObject(), path, paths);
        else
            paths->append(path);
    }
}

QJsonValue valueAt(const QJsonObject &root, const QString &path) {
    QJsonValue v = root;
    for (const QString &part : path.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    return v;
}

// The paths each chart reads (tests/core/fixtures/gateway-chart-paths.txt); `required`
// receives those HSM Admin must always write.
QStringList chartPaths(const QString &chart, QStringList *required) {
    QFile f(QStringLiteral(HSM_TEST_FIXTURES_DIR "/gateway-chart-paths.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList paths;
    QString section;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            section = line.mid(1, line.size() - 2);
            continue;
        }
        if (section != chart)
            continue;
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        paths << words.first();
        if (words.size() > 1 && words.at(1) == QLatin1String("required"))
            required->append(words.first());
    }
    return paths;
}

// How `docker run --env-file` reads a file (docker's opts.ParseEnvFile): each line taken
// literally, blank lines and lines starting with '#' skipped, KEY=VALUE split at the
// first '='. Python, so that it is not our own EnvFile reading our own output.
QJsonObject dockerEnvFile(const QString &text) {
    const Ran r =
        run(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import sys, json\n"
                                                  "env = {}\n"
                                                  "for line in sys.stdin.read().split('\\n'):\n"
                                                  "    s = line.lstrip()\n"
                                                  "    if not s or s.startswith('#'):\n"
                                                  "        continue\n"
                                                  "    k, _, v = s.partition('=')\n"
                                                  "    env[k] = v\n"
                                                  "print(json.dumps(env))\n")},
            text.toUtf8());
    return QJsonDocument::fromJson(r.out).object();
}

// The arguments a POSIX shell passes to `docker` for this command.
QStringList dockerArguments(const QString &command) {
    const QByteArray script = "docker() { printf '%s\\0' \"$@\"; }\n" + command.toUtf8();
    const Ran r = run(QStringLiteral("/bin/sh"), {}, script);
    if (r.status != 0)
        return {};
    QStringList args;
    for (const QByteArray &a : r.out.split('\0'))
        args << QString::fromUtf8(a);
    args.removeLast(); // after the last NUL
    return args;
}

// The Secrets `kubectl create secret … --dry-run=client -o yaml` makes from the k8s
// export's commands, run by a shell in `folder`, as JSON objects by name.
QMap<QString, QJsonObject> kubectlSecrets(const QString &commands, const QString &folder,
                                          QString *failure) {
    const QByteArray script = "kubectl() { echo ---; /usr/bin/kubectl \"$@\" --dry-run=client "
                              "-o yaml; }\nset -e\n" +
                              commands.toUtf8();
    const Ran r = run(QStringLiteral("/bin/sh"), {}, script, folder);
    if (r.status != 0) {
        *failure = QString::fromUtf8(r.err);
        return {};
    }
    const Ran yaml = run(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"), QStringLiteral("import sys, json, yaml; print(json.dumps("
                                              "[d for d in yaml.safe_load_all(sys.stdin) if d]))")},
        r.out);
    QMap<QString, QJsonObject> secrets;
    for (const QJsonValue &doc : QJsonDocument::fromJson(yaml.out).array()) {
        const QJsonObject o = doc.toObject();
        secrets.insert(
            o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(),
            o);
    }
    return secrets;
}

QByteArray secretData(const QJsonObject &secret, const QString &key) {
    return QByteArray::fromBase64(
        secret.value(QStringLiteral("data")).toObject().value(key).toString().toLatin1());
}

} // namespace

class TestGatewayConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void goldenFiles_data() {
        QTest::addColumn<int>("index");
        for (int i = 0; i < goldenCases().size(); ++i)
            QTest::newRow(goldenCases().at(i).file) << i;
    }

    void goldenFiles() {
        QFETCH(int, index);
        const GoldenCase &g = goldenCases().at(index);
        GatewayConfig c = fixedConfig();
        c.helmChart = g.chart;
        Result<QString> text = c.render(g.format);
        QVERIFY2(text, qPrintable(text.error().toString()));
        const QString name = QString::fromLatin1(g.file);
        if (qEnvironmentVariableIntValue("HSM_WRITE_GOLDEN") == 1)
            writeGolden(name, text.value());
        QCOMPARE(text.value(), golden(name));
        QCOMPARE(text->contains(QLatin1String(GatewayConfig::kPinPlaceholder)),
                 GatewayConfig::carriesPin(g.format));
    }

    // The golden files read by what reads them in production, not compared with ourselves.
    void goldenDockerThroughAShell() {
        const QStringList args = dockerArguments(golden(QStringLiteral("docker.txt")));
        QVERIFY(!args.isEmpty());
        QCOMPARE(args.first(), QStringLiteral("run"));
        QCOMPARE(args.last(), QStringLiteral("akeyless/base:latest-akeyless"));
        auto after = [&args](const QString &option, const QString &value) {
            for (qsizetype i = 0; i + 1 < args.size(); ++i)
                if (args.at(i) == option && args.at(i + 1) == value)
                    return true;
            return false;
        };
        QVERIFY(after(QStringLiteral("-e"), QStringLiteral("HSM_TOKEN_LABEL=") + kNastyLabel));
        QVERIFY(after(QStringLiteral("-e"), QStringLiteral("HSM_PIN=<HSM PIN>")));
        QVERIFY(after(QStringLiteral("-e"), QStringLiteral("HSM_USE_RAND=true")));
        QVERIFY(after(QStringLiteral("-e"),
                      QStringLiteral("PKCS11_LIB_PATH=/opt/cloudhsm/lib/libcloudhsm_pkcs11.so")));
        // The vendor's whole folder, as the vendor's own command mounts it.
        QVERIFY(after(QStringLiteral("-v"), QStringLiteral("/opt/cloudhsm:/opt/cloudhsm")));
        QVERIFY(
            after(QStringLiteral("-v"), QStringLiteral("/srv/gateway/customer_fragments.json:") +
                                            QLatin1String(GatewayConfig::kFragmentsMount)));
    }

    void goldenEnvAsDockerReadsIt() {
        const QJsonObject env = dockerEnvFile(golden(QStringLiteral("env.txt")));
        QCOMPARE(env.value(QStringLiteral("HSM_TOKEN_LABEL")).toString(), kNastyLabel);
        QCOMPARE(env.value(QStringLiteral("HSM_PIN")).toString(), QStringLiteral("<HSM PIN>"));
        QCOMPARE(env.value(QStringLiteral("PKCS11_LIB_PATH")).toString(),
                 QStringLiteral("/opt/cloudhsm/lib/libcloudhsm_pkcs11.so"));
        QCOMPARE(env.value(QStringLiteral("HSM_USE_RAND")).toString(), QStringLiteral("true"));
        QCOMPARE(env.value(QStringLiteral("ADMIN_ACCESS_ID")).toString(),
                 QStringLiteral("p-abc123"));
        QCOMPARE(env.size(), 5);
        // The mounts an env file cannot carry are named, not dropped.
        const QString text = golden(QStringLiteral("env.txt"));
        QVERIFY(text.contains(QStringLiteral("# Not in this file: mount the HSM client folder "
                                             "with -v /opt/cloudhsm:/opt/cloudhsm\n")));
        QVERIFY(text.contains(QStringLiteral("-v /srv/gateway/customer_fragments.json:") +
                              QLatin1String(GatewayConfig::kFragmentsMount)));
    }

    void goldenComposeParses() {
        const QJsonObject service = parseYaml(golden(QStringLiteral("compose.txt")))
                                        .value(QStringLiteral("services"))
                                        .toObject()
                                        .value(QStringLiteral("akeyless-gw"))
                                        .toObject();
        const QJsonObject env = service.value(QStringLiteral("environment")).toObject();
        QCOMPARE(env.value(QStringLiteral("HSM_TOKEN_LABEL")).toString(),
                 QString(kNastyLabel).replace(QStringLiteral("$"), QStringLiteral("$$")));
        QCOMPARE(env.value(QStringLiteral("HSM_USE_RAND")).toString(), QStringLiteral("true"));
        QCOMPARE(service.value(QStringLiteral("ports")).toArray().size(), 6);
        const QJsonArray volumes = service.value(QStringLiteral("volumes")).toArray();
        QCOMPARE(volumes.size(), 2);
        QCOMPARE(volumes.at(0).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("bind"));
        QCOMPARE(volumes.at(0).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("/opt/cloudhsm"));
        QCOMPARE(volumes.at(0).toObject().value(QStringLiteral("target")).toString(),
                 QStringLiteral("/opt/cloudhsm"));
        QCOMPARE(volumes.at(1).toObject().value(QStringLiteral("target")).toString(),
                 QLatin1String(GatewayConfig::kFragmentsMount));
    }

    void goldenK8sWithKubectl() {
        if (!QFileInfo::exists(QStringLiteral("/usr/bin/kubectl")))
            QSKIP("kubectl is not installed (scripts/setup.sh installs kubernetes-client); the "
                  "secret commands cannot be checked");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString text = golden(QStringLiteral("k8s.txt"));
        QVERIFY(!text.contains(QStringLiteral("--from-literal")));
        // The paths as an operator's machine has them: the fragments file in a temp folder.
        const QString fragments = dir.filePath(QStringLiteral("customer_fragments.json"));
        text.replace(QStringLiteral("/srv/gateway/customer_fragments.json"), fragments);
        const QByteArray fragmentsJson = "{\"customer_fragments\": []}\n";
        QFile f(fragments);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fragmentsJson);
        f.close();
        QFile pin(dir.filePath(QStringLiteral("hsm-pin")));
        QVERIFY(pin.open(QIODevice::WriteOnly));
        pin.write("12 34'$x");
        pin.close();
        QString failure;
        const QMap<QString, QJsonObject> secrets = kubectlSecrets(text, dir.path(), &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(secrets.size(), 2);
        QCOMPARE(
            secretData(secrets.value(QStringLiteral("gateway-hsm-pin")), QStringLiteral("pin")),
            QByteArray("12 34'$x"));
        QCOMPARE(secretData(secrets.value(QStringLiteral("gateway-customer-fragments")),
                            QStringLiteral("customer-fragments")),
                 fragmentsJson);
    }

    void goldenHelmReadsTheChartsPaths_data() {
        QTest::addColumn<QString>("chart");
        QTest::newRow("akeyless-gateway") << QStringLiteral("akeyless-gateway");
        QTest::newRow("akeyless-api-gateway") << QStringLiteral("akeyless-api-gateway");
    }

    void goldenHelmReadsTheChartsPaths() {
        QFETCH(QString, chart);
        QStringList required;
        const QStringList known = chartPaths(chart, &required);
        QVERIFY(!known.isEmpty());
        const QJsonObject values = parseYaml(golden(QStringLiteral("helm-%1.txt").arg(chart)));
        QStringList written;
        leafPaths(values, QString(), &written);
        for (const QString &path : written)
            QVERIFY2(known.contains(path),
                     qPrintable(path + QStringLiteral(" is not read by ") + chart));
        for (const QString &path : required)
            QVERIFY2(written.contains(path), qPrintable(path + QStringLiteral(" is missing")));
        const QString hsm = chart == QLatin1String("akeyless-gateway")
                                ? QStringLiteral("gateway.hsm")
                                : QStringLiteral("hsm");
        const QString persistence = chart == QLatin1String("akeyless-gateway")
                                        ? QStringLiteral("gateway.persistence")
                                        : QStringLiteral("persistence");
        QCOMPARE(valueAt(values, hsm + QStringLiteral(".enabled")), QJsonValue(true));
        QCOMPARE(valueAt(values, hsm + QStringLiteral(".tokenLabel")), QJsonValue(kNastyLabel));
        QCOMPARE(valueAt(values, hsm + QStringLiteral(".useRand")), QJsonValue(true));
        QCOMPARE(valueAt(values, hsm + QStringLiteral(".pkcs11LibPath")),
                 QJsonValue(QStringLiteral("/opt/cloudhsm/lib/libcloudhsm_pkcs11.so")));
        QCOMPARE(valueAt(values, hsm + QStringLiteral(".pinExistingSecret")),
                 QJsonValue(QStringLiteral("gateway-hsm-pin")));
        QCOMPARE(valueAt(values, persistence + QStringLiteral(".accessMode")),
                 QJsonValue(QStringLiteral("ReadWriteMany")));
        // The volume is mounted where the library path points into.
        QCOMPARE(valueAt(values, persistence + QStringLiteral(".mountPath")),
                 QJsonValue(QStringLiteral("/opt/cloudhsm")));
        QVERIFY(golden(QStringLiteral("helm-%1.txt").arg(chart))
                    .contains(QStringLiteral("Copy the contents of the vendor's folder "
                                             "/opt/cloudhsm onto the volume's root")));
    }

    void helmIdentifiersAreStrings_data() {
        QTest::addColumn<QString>("chart");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("key");
        for (const QString &chart :
             {QStringLiteral("akeyless-gateway"), QStringLiteral("akeyless-api-gateway")}) {
            QTest::addRow("%s slot", qPrintable(chart))
                << chart << int(GatewayTokenMode::Slot) << QStringLiteral("1538628664")
                << QStringLiteral("slot");
            QTest::addRow("%s serial", qPrintable(chart))
                << chart << int(GatewayTokenMode::Serial) << QStringLiteral("0012345")
                << QStringLiteral("tokenSerial");
            QTest::addRow("%s label", qPrintable(chart))
                << chart << int(GatewayTokenMode::Label) << QStringLiteral("1e3")
                << QStringLiteral("tokenLabel");
        }
    }

    void helmIdentifiersAreStrings() {
        QFETCH(QString, chart);
        QFETCH(int, mode);
        QFETCH(QString, value);
        QFETCH(QString, key);
        GatewayConfig c = fixedConfig();
        QVERIFY(GatewayConfig::parseHelmChart(chart, &c.helmChart));
        c.tokenMode = static_cast<GatewayTokenMode>(mode);
        c.tokenValue = value;
        const QJsonObject values = parseYaml(c.render(GatewayConfig::Format::Helm).value());
        const QString prefix = chart == QLatin1String("akeyless-gateway")
                                   ? QStringLiteral("gateway.hsm.")
                                   : QStringLiteral("hsm.");
        const QJsonValue v = valueAt(values, prefix + key);
        QVERIFY2(v.isString(), qPrintable(chart + key));
        QCOMPARE(v.toString(), value);
        QVERIFY(c.warnings(GatewayConfig::Format::Helm).isEmpty());
    }

    void helmSlotZeroWarns() {
        GatewayConfig c = fixedConfig();
        c.tokenMode = GatewayTokenMode::Slot;
        c.tokenValue = QStringLiteral("0");
        const QStringList warnings = c.warnings(GatewayConfig::Format::Helm);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(QStringLiteral("--token-label or --token-serial")));
        QVERIFY(c.warnings(GatewayConfig::Format::Docker).isEmpty());
        const QString text = c.render(GatewayConfig::Format::Helm).value();
        QVERIFY(text.contains(QStringLiteral("prefer tokenLabel or tokenSerial")));
        QCOMPARE(valueAt(parseYaml(text), QStringLiteral("gateway.hsm.slot")),
                 QJsonValue(QStringLiteral("0")));
        c.tokenValue = QStringLiteral("1");
        QVERIFY(c.warnings(GatewayConfig::Format::Helm).isEmpty());
    }

    void mountRoots_data() {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QString>("mountRoot");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cloudhsm") << QStringLiteral("/opt/cloudhsm/lib/libcloudhsm_pkcs11.so")
                                  << QString() << QStringLiteral("/opt/cloudhsm");
        QTest::newRow("directly in /opt")
            << QStringLiteral("/opt/libvendor.so") << QString() << QStringLiteral("/opt");
        QTest::newRow("elsewhere") << QStringLiteral("/srv/hsm/lib64/libvendor.so") << QString()
                                   << QStringLiteral("/srv/hsm/lib64");
        QTest::newRow("chosen") << QStringLiteral("/opt/nfast/toolkits/pkcs11/libcknfast.so")
                                << QStringLiteral("/opt/nfast/toolkits")
                                << QStringLiteral("/opt/nfast/toolkits");
    }

    void mountRoots() {
        QFETCH(QString, library);
        QFETCH(QString, mountRoot);
        QFETCH(QString, expected);
        GatewayConfig c = fixedConfig();
        c.libraryPath = library;
        c.mountRoot = mountRoot;
        QCOMPARE(c.effectiveMountRoot(), expected);
        const QStringList args = dockerArguments(c.render(GatewayConfig::Format::Docker).value());
        QVERIFY(args.contains(expected + QLatin1Char(':') + expected));
        const QJsonObject compose = parseYaml(c.render(GatewayConfig::Format::Compose).value());
        QCOMPARE(valueAt(compose, QStringLiteral("services.akeyless-gw"))
                     .toObject()
                     .value(QStringLiteral("volumes"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("target"))
                     .toString(),
                 expected);
        QCOMPARE(valueAt(parseYaml(c.render(GatewayConfig::Format::Helm).value()),
                         QStringLiteral("gateway.persistence.mountPath"))
                     .toString(),
                 expected);
    }

    void mountRefusals_data() {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QString>("mountRoot");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("message");
        const QString system = QStringLiteral("copy the vendor's folder under /opt");
        for (auto f : {GatewayConfig::Format::Docker, GatewayConfig::Format::Compose,
                       GatewayConfig::Format::Helm}) {
            const QByteArray name = GatewayConfig::formatName(f).toLatin1();
            QTest::addRow("%s softhsm", name.constData())
                << QStringLiteral("/usr/lib/softhsm/libsofthsm2.so") << QString() << int(f)
                << QStringLiteral("/usr/lib/softhsm would be mounted over the container's "
                                  "system folder /usr/lib: ") +
                       system;
            QTest::addRow("%s lib64", name.constData())
                << QStringLiteral("/lib64/libvendor.so") << QString() << int(f) << system;
            QTest::addRow("%s local", name.constData())
                << QStringLiteral("/usr/local/lib/vendor/libvendor.so") << QString() << int(f)
                << system;
            QTest::addRow("%s root", name.constData())
                << QStringLiteral("/opt/x/libvendor.so") << QStringLiteral("/") << int(f) << system;
        }
        QTest::newRow("docker colon")
            << QStringLiteral("/opt/a:b/libvendor.so") << QString()
            << int(GatewayConfig::Format::Docker) << QStringLiteral("contains ':' or ','");
        QTest::newRow("docker comma")
            << QStringLiteral("/opt/a,b/libvendor.so") << QString()
            << int(GatewayConfig::Format::Docker) << QStringLiteral("contains ':' or ','");
        QTest::newRow("outside the mount")
            << QStringLiteral("/opt/a/libvendor.so") << QStringLiteral("/opt/b")
            << int(GatewayConfig::Format::Docker)
            << QStringLiteral("is not inside the mount folder /opt/b");
        QTest::newRow("relative mount")
            << QStringLiteral("/opt/a/libvendor.so") << QStringLiteral("opt/a")
            << int(GatewayConfig::Format::Compose) << QStringLiteral("must be an absolute path");
    }

    void mountRefusals() {
        QFETCH(QString, library);
        QFETCH(QString, mountRoot);
        QFETCH(int, format);
        QFETCH(QString, message);
        GatewayConfig c = fixedConfig();
        c.libraryPath = library;
        c.mountRoot = mountRoot;
        const Result<QString> text = c.render(static_cast<GatewayConfig::Format>(format));
        QVERIFY(!text);
        QVERIFY2(text.error().message.contains(message), qPrintable(text.error().message));
        QVERIFY(!text.error().message.contains(QLatin1Char('\n')));
    }

    void systemLibraryStillGivesEnvAndK8s() {
        // Formats without a mount still work; the env file names the mount it cannot make.
        GatewayConfig c = fixedConfig();
        c.libraryPath = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
        const Result<QString> env = c.render(GatewayConfig::Format::Env);
        QVERIFY(env);
        QVERIFY(env->contains(QStringLiteral("copy the vendor's folder under /opt")));
        QVERIFY(c.render(GatewayConfig::Format::Kubernetes));
        // Compose's long volume syntax carries colons and commas docker -v cannot.
        c.libraryPath = QStringLiteral("/opt/a:b,c/libvendor.so");
        const QJsonObject compose = parseYaml(c.render(GatewayConfig::Format::Compose).value());
        QCOMPARE(valueAt(compose, QStringLiteral("services.akeyless-gw"))
                     .toObject()
                     .value(QStringLiteral("volumes"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("source"))
                     .toString(),
                 QStringLiteral("/opt/a:b,c"));
    }

    void demoIsForThisMachineOnly() {
        // The demo HSM's settings: the env file for a gateway here, with its SOFTHSM2_CONF
        // and nothing to mount; every container format refuses, naming the demo.
        GatewayConfig c = fixedConfig();
        c.libraryPath = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
        c.softHsmConf = QStringLiteral("/home/op/.local/share/hsm-admin/demo-hsm/softhsm2.conf");
        const Result<QString> env = c.render(GatewayConfig::Format::Env);
        QVERIFY(env);
        QVERIFY(
            env->contains(QStringLiteral("\nSOFTHSM2_CONF=") + c.softHsmConf + QLatin1Char('\n')));
        QVERIFY(env->contains(QStringLiteral("not deployable into a container")));
        QVERIFY2(!env->contains(QStringLiteral("-v ")), qPrintable(env.value()));
        QCOMPARE(dockerEnvFile(env.value()).value(QStringLiteral("SOFTHSM2_CONF")).toString(),
                 c.softHsmConf);
        for (GatewayConfig::Format f :
             {GatewayConfig::Format::Docker, GatewayConfig::Format::Compose,
              GatewayConfig::Format::Kubernetes, GatewayConfig::Format::Helm}) {
            const Result<QString> refused = c.render(f);
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.startsWith(
                         QStringLiteral("The built-in demo HSM is not deployable")),
                     qPrintable(refused.error().message));
            QVERIFY(!refused.error().message.contains(QLatin1Char('\n')));
        }
        // Without it, the same library is an ordinary one again.
        c.softHsmConf.clear();
        QVERIFY(!c.render(GatewayConfig::Format::Env)->contains(QStringLiteral("SOFTHSM2_CONF")));
        QVERIFY(c.render(GatewayConfig::Format::Kubernetes));
    }

    void importKeepsTheMount() {
        const QString command =
            QStringLiteral("docker run -d \\\n  -e HSM_TOKEN_SERIAL=abc \\\n"
                           "  -e PKCS11_LIB_PATH=/opt/nfast/toolkits/pkcs11/libcknfast.so \\\n"
                           "  -v /srv/nfast:/opt/nfast \\\n  akeyless/base:latest-akeyless\n");
        Result<GatewayImport> imported = GatewayImport::fromDockerRun(command);
        QVERIFY2(imported, qPrintable(imported.error().toString()));
        QCOMPARE(imported->config.effectiveMountRoot(), QStringLiteral("/opt/nfast"));
        QCOMPARE(imported->config.effectiveMountHostFolder(), QStringLiteral("/srv/nfast"));
        QVERIFY(imported->unused.filter(QStringLiteral("/srv/nfast")).isEmpty());
        const QStringList args =
            dockerArguments(imported->config.render(GatewayConfig::Format::Docker).value());
        QVERIFY(args.contains(QStringLiteral("/srv/nfast:/opt/nfast")));
        // A mount that does not hold the library stays listed as unused.
        imported = GatewayImport::fromDockerRun(QString(command).replace(
            QStringLiteral("/srv/nfast:/opt/nfast"), QStringLiteral("/data:/data")));
        QVERIFY(imported);
        QCOMPARE(imported->config.effectiveMountRoot(), QStringLiteral("/opt/nfast"));
        QVERIFY(imported->unused.contains(QStringLiteral("-v /data:/data")));
    }

    void inlineFragmentsInEveryFormat() {
        GatewayConfig c = fixedConfig();
        c.fragmentsPath.clear();
        c.fragmentsInline = true;
        c.fragmentsJson = QStringLiteral("{\"customer_fragments\": [{\"id\": \"cf-1\", "
                                         "\"value\": \"$x 'y'\"}]}");
        const QString compact =
            QStringLiteral("{\"customer_fragments\":[{\"id\":\"cf-1\",\"value\":\"$x 'y'\"}]}");
        QVERIFY(dockerArguments(c.render(GatewayConfig::Format::Docker).value())
                    .contains(QStringLiteral("CUSTOMER_FRAGMENTS=") + compact));
        QCOMPARE(dockerEnvFile(c.render(GatewayConfig::Format::Env).value())
                     .value(QStringLiteral("CUSTOMER_FRAGMENTS"))
                     .toString(),
                 compact);
        QCOMPARE(valueAt(parseYaml(c.render(GatewayConfig::Format::Compose).value()),
                         QStringLiteral("services.akeyless-gw.environment.CUSTOMER_FRAGMENTS"))
                     .toString()
                     .replace(QStringLiteral("$$"), QStringLiteral("$")),
                 compact);
        if (!QFileInfo::exists(QStringLiteral("/usr/bin/kubectl")))
            QSKIP("kubectl is not installed; the k8s here-document cannot be checked");
        QTemporaryDir dir;
        QFile pin(dir.filePath(QStringLiteral("hsm-pin")));
        QVERIFY(pin.open(QIODevice::WriteOnly));
        pin.write("1234");
        pin.close();
        QString failure;
        const QMap<QString, QJsonObject> secrets = kubectlSecrets(
            c.render(GatewayConfig::Format::Kubernetes).value(), dir.path(), &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(secretData(secrets.value(QStringLiteral("gateway-customer-fragments")),
                            QStringLiteral("customer-fragments")),
                 compact.toUtf8() + '\n');
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
        QVERIFY(args.contains(QStringLiteral("/opt/cloudhsm:/opt/cloudhsm")));
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

        // Values YAML would otherwise read as other types stay strings.
        for (const QString &tricky :
             {QStringLiteral("true"), QStringLiteral("0x10"), QStringLiteral(" lead"),
              QStringLiteral("a: b"), QStringLiteral("- item"), QStringLiteral("#x")}) {
            GatewayConfig t = c;
            t.tokenValue = tricky;
            const QJsonValue v = valueAt(parseYaml(t.render(GatewayConfig::Format::Helm).value()),
                                         QStringLiteral("gateway.hsm.tokenLabel"));
            QVERIFY2(v.isString() && v.toString() == tricky, qPrintable(tricky));
        }
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
        // Never on a command line, where it would stay in the shell history.
        for (auto f : {GatewayConfig::Format::Kubernetes, GatewayConfig::Format::Helm}) {
            QVERIFY(!GatewayConfig::carriesPin(f));
            QVERIFY(!c.render(f)->contains(c.pin));
            QVERIFY(!c.render(f)->contains(QStringLiteral("--from-literal")));
        }
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
        QCOMPARE(c.validate().error().message,
                 QStringLiteral("HSM_SLOT=first is not a slot number; the gateway reads slot "
                                "numbers as decimal digits only."));
        c.tokenValue = QStringLiteral("0x10");
        QCOMPARE(c.validate().error().message,
                 QStringLiteral("HSM_SLOT=0x10 is hexadecimal; the gateway reads slot numbers "
                                "in decimal only: write 16."));
        QVERIFY(!c.render(GatewayConfig::Format::Env));
        c = fixedConfig();
        c.tokenValue = QStringLiteral("two\nlines");
        QVERIFY(!c.validate());
        QVERIFY(!c.render(GatewayConfig::Format::Docker));
    }

    // 010 is slot 10 to the gateway (decimal), and every format writes it as 10, the slot
    // TokenSelector picks for the same text.
    void slotIsDecimalInEveryFormat() {
        GatewayConfig c = fixedConfig();
        c.tokenMode = GatewayTokenMode::Slot;
        c.tokenValue = QStringLiteral("010");
        QCOMPARE(c.slotNumber().value(), CK_SLOT_ID(10));
        QCOMPARE(dockerEnvFile(c.render(GatewayConfig::Format::Env).value())
                     .value(QStringLiteral("HSM_SLOT"))
                     .toString(),
                 QStringLiteral("10"));
        QVERIFY(dockerArguments(c.render(GatewayConfig::Format::Docker).value())
                    .contains(QStringLiteral("HSM_SLOT=10")));
        const QJsonObject compose = parseYaml(c.render(GatewayConfig::Format::Compose).value());
        QCOMPARE(valueAt(compose, QStringLiteral("services.akeyless-gw.environment.HSM_SLOT")),
                 QJsonValue(QStringLiteral("10")));
        QCOMPARE(valueAt(parseYaml(c.render(GatewayConfig::Format::Helm).value()),
                         QStringLiteral("gateway.hsm.slot")),
                 QJsonValue(QStringLiteral("10")));
        const TokenSelector selector({[] {
            SlotInfo s;
            s.id = 10;
            s.tokenPresent = true;
            TokenInfo t;
            t.label = QStringLiteral("ten");
            t.flagBits = CKF_TOKEN_INITIALIZED;
            s.token = t;
            return s;
        }()});
        TokenSelection selection;
        selection.slot = {c.tokenValue, QStringLiteral("HSM_SLOT")};
        QCOMPARE(selector.select(selection).value().id, CK_SLOT_ID(10));
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
