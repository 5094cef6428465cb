// SPDX-License-Identifier: Apache-2.0
#include "core/gateway/GatewayConfig.h"

#include "core/gateway/ShellWords.h"
#include "core/gateway/YamlWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace hsm {
namespace {

Error configError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

// Folders of the container's own system; a mount over them would hide its libraries.
const QStringList &systemFolders() {
    static const QStringList folders{
        QStringLiteral("/usr/lib"),       QStringLiteral("/usr/lib32"),
        QStringLiteral("/usr/lib64"),     QStringLiteral("/usr/libx32"),
        QStringLiteral("/lib"),           QStringLiteral("/lib32"),
        QStringLiteral("/lib64"),         QStringLiteral("/libx32"),
        QStringLiteral("/usr/local/lib"), QStringLiteral("/usr/local/lib64"),
        QStringLiteral("/usr/bin"),       QStringLiteral("/usr/sbin"),
        QStringLiteral("/bin"),           QStringLiteral("/sbin"),
        QStringLiteral("/usr/local/bin"), QStringLiteral("/usr/share"),
        QStringLiteral("/etc"),           QStringLiteral("/home/akeyless")};
    return folders;
}

bool isInside(const QString &path, const QString &folder) {
    return path == folder || folder == QLatin1String("/") ||
           path.startsWith(folder + QLatin1Char('/'));
}

// The mount (docker, compose) or the chart's volume (helm) at `root` must not cover the
// container's system folders.
Status checkMountRoot(const QString &root) {
    for (const QString &system : systemFolders()) {
        if (isInside(root, system) || isInside(system, root))
            return Error::make(
                Error::Kind::Input,
                QCoreApplication::translate(
                    "hsm::GatewayConfig",
                    "%1 would be mounted over the container's system folder %2: copy the "
                    "vendor's folder under /opt (e.g. /opt/vendor) and point "
                    "PKCS11_LIB_PATH there.")
                    .arg(root, system));
    }
    return Done{};
}

QString boolText(bool value) {
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

const QString kPinSecret = QStringLiteral("gateway-hsm-pin");
const QString kFragmentsSecret = QStringLiteral("gateway-customer-fragments");

} // namespace

const QList<int> &GatewayConfig::gatewayPorts() {
    static const QList<int> ports{8000, 8200, 18888, 8080, 8081, 5696};
    return ports;
}

QString GatewayConfig::formatName(Format format) {
    switch (format) {
    case Format::Docker:
        return QStringLiteral("docker");
    case Format::Env:
        return QStringLiteral("env");
    case Format::Compose:
        return QStringLiteral("compose");
    case Format::Kubernetes:
        return QStringLiteral("k8s");
    case Format::Helm:
        break;
    }
    return QStringLiteral("helm");
}

bool GatewayConfig::parseFormat(const QString &name, Format *format) {
    for (Format f :
         {Format::Docker, Format::Env, Format::Compose, Format::Kubernetes, Format::Helm}) {
        if (formatName(f) == name) {
            *format = f;
            return true;
        }
    }
    return false;
}

QString GatewayConfig::helmChartName(HelmChart chart) {
    return chart == HelmChart::ApiGateway ? QStringLiteral("akeyless-api-gateway")
                                          : QStringLiteral("akeyless-gateway");
}

bool GatewayConfig::parseHelmChart(const QString &name, HelmChart *chart) {
    for (HelmChart c : {HelmChart::Gateway, HelmChart::ApiGateway}) {
        if (helmChartName(c) == name) {
            *chart = c;
            return true;
        }
    }
    return false;
}

QString GatewayConfig::defaultMountRoot(const QString &libraryPath) {
    const QString path = QDir::cleanPath(libraryPath);
    const QStringList parts = path.split(QLatin1Char('/'));
    // "", "opt", vendor, …, library
    if (parts.size() >= 4 && parts[0].isEmpty() && parts[1] == QLatin1String("opt"))
        return QStringLiteral("/opt/") + parts[2];
    return QFileInfo(path).path();
}

QString GatewayConfig::effectiveMountRoot() const {
    return mountRoot.isEmpty() ? defaultMountRoot(libraryPath) : QDir::cleanPath(mountRoot);
}

QString GatewayConfig::effectiveMountHostFolder() const {
    return mountHostFolder.isEmpty() ? effectiveMountRoot() : QDir::cleanPath(mountHostFolder);
}

bool GatewayConfig::carriesPin(Format format) {
    return format == Format::Docker || format == Format::Env || format == Format::Compose;
}

Result<CK_SLOT_ID> GatewayConfig::slotNumber() const {
    return TokenSelection::slotNumber({tokenValue, QStringLiteral("HSM_SLOT")});
}

QString GatewayConfig::exportedTokenValue() const {
    // "010" is written as the 10 the gateway reads, so no reader can take it for octal.
    if (tokenMode == GatewayTokenMode::Slot) {
        if (Result<CK_SLOT_ID> slot = slotNumber())
            return QString::number(slot.value());
    }
    return tokenValue;
}

QString GatewayConfig::tokenVariable() const {
    switch (tokenMode) {
    case GatewayTokenMode::Slot:
        return QStringLiteral("HSM_SLOT");
    case GatewayTokenMode::Label:
        return QStringLiteral("HSM_TOKEN_LABEL");
    case GatewayTokenMode::Serial:
        break;
    }
    return QStringLiteral("HSM_TOKEN_SERIAL");
}

Status GatewayConfig::validate() const {
    if (libraryPath.isEmpty())
        return configError(
            QStringLiteral("The PKCS#11 library path (PKCS11_LIB_PATH) is missing."));
    if (!QDir::isAbsolutePath(libraryPath))
        return configError(QStringLiteral("PKCS11_LIB_PATH must be an absolute path inside the "
                                          "container, not '%1'.")
                               .arg(libraryPath));
    if (tokenValue.isEmpty())
        return configError(QStringLiteral("No token identifier: set exactly one of HSM_SLOT, "
                                          "HSM_TOKEN_LABEL or HSM_TOKEN_SERIAL."));
    if (tokenMode == GatewayTokenMode::Slot) {
        if (Result<CK_SLOT_ID> slot = slotNumber(); !slot)
            return slot.error();
    }
    for (const QString *v : {&libraryPath, &tokenValue, &fragmentsPath, &accessId, &pin, &mountRoot,
                             &mountHostFolder, &softHsmConf}) {
        if (v->contains(QLatin1Char('\n')) || v->contains(QLatin1Char('\r')))
            return configError(QStringLiteral("Gateway settings cannot contain line breaks."));
    }
    for (const QString *v : {&mountRoot, &mountHostFolder}) {
        if (!v->isEmpty() && !QDir::isAbsolutePath(*v))
            return configError(
                QCoreApplication::translate("hsm::GatewayConfig",
                                            "The mount folder must be an absolute path, not '%1'.")
                    .arg(*v));
    }
    if (!mountRoot.isEmpty() &&
        !QDir::cleanPath(libraryPath).startsWith(QDir::cleanPath(mountRoot) + QLatin1Char('/')) &&
        QDir::cleanPath(mountRoot) != QLatin1String("/"))
        return configError(
            QCoreApplication::translate("hsm::GatewayConfig",
                                        "PKCS11_LIB_PATH %1 is not inside the mount folder %2.")
                .arg(libraryPath, mountRoot));
    if (!fragmentsPath.isEmpty() && !QDir::isAbsolutePath(fragmentsPath))
        return configError(QStringLiteral("The fragments file must be given as an absolute path, "
                                          "not '%1'.")
                               .arg(fragmentsPath));
    return Done{};
}

Result<QString> GatewayConfig::render(Format format) const {
    if (!softHsmConf.isEmpty() && format != Format::Env)
        return configError(QCoreApplication::translate(
            "hsm::GatewayConfig",
            "The built-in demo HSM is not deployable into a container: its tokens live in "
            "this machine's SoftHSM folder. Export the env file to run a gateway on this "
            "machine, or open your HSM's library."));
    if (Status s = validate(); !s)
        return s.error();
    const QString pinValue = includePin ? pin : QLatin1String(kPinPlaceholder);
    const QString useRandText = boolText(useRand);
    const QString root = effectiveMountRoot();
    const QString hostRoot = effectiveMountHostFolder();
    // The fragments reach the gateway either as CUSTOMER_FRAGMENTS or as the mounted file.
    const bool fragmentsVariable = fragmentsInline;
    const bool fragmentsMount = !fragmentsInline && !fragmentsPath.isEmpty();
    QString fragmentsCompact;
    if (fragmentsVariable) {
        const QJsonDocument doc = QJsonDocument::fromJson(fragmentsJson.toUtf8());
        if (doc.isNull())
            return configError(QStringLiteral("The fragments file is not valid JSON."));
        fragmentsCompact = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    }
    if (format == Format::Docker || format == Format::Compose || format == Format::Helm) {
        if (Status s = checkMountRoot(root); !s)
            return s.error();
    }
    QString out;

    switch (format) {
    case Format::Docker: {
        for (const QString &path : {hostRoot, root, fragmentsMount ? fragmentsPath : QString()}) {
            if (path.contains(QLatin1Char(':')) || path.contains(QLatin1Char(',')))
                return configError(QCoreApplication::translate(
                                       "hsm::GatewayConfig",
                                       "docker run -v cannot mount '%1': the path contains "
                                       "':' or ','; move it, or use the compose format.")
                                       .arg(path));
        }
        auto env = [](const QString &key, const QString &value) {
            return QStringLiteral("  -e %1 \\\n")
                .arg(shellWords::quote(key + QLatin1Char('=') + value));
        };
        out += QStringLiteral("docker run -d");
        for (int port : gatewayPorts())
            out += QStringLiteral(" -p %1:%1").arg(port);
        out += QStringLiteral(" \\\n");
        out += env(QStringLiteral("ADMIN_ACCESS_ID"), accessId);
        out += env(QStringLiteral("HSM_PIN"), pinValue);
        out += env(tokenVariable(), exportedTokenValue());
        out += env(QStringLiteral("HSM_USE_RAND"), useRandText);
        out += env(QStringLiteral("PKCS11_LIB_PATH"), libraryPath);
        if (fragmentsVariable)
            out += env(QStringLiteral("CUSTOMER_FRAGMENTS"), fragmentsCompact);
        // The vendor's whole folder: vendors keep their configuration beside the library.
        out += QStringLiteral("  -v %1 \\\n")
                   .arg(shellWords::quote(hostRoot + QLatin1Char(':') + root));
        if (fragmentsMount)
            out += QStringLiteral("  -v %1 \\\n")
                       .arg(shellWords::quote(fragmentsPath + QLatin1Char(':') +
                                              QLatin1String(kFragmentsMount)));
        out += QStringLiteral("  --name akeyless-gw akeyless/base:latest-akeyless\n");
        return out;
    }
    case Format::Env: {
        // docker run --env-file takes every value literally: no quotes, no escapes; '#'
        // starts a comment only at the start of a line.
        if (!softHsmConf.isEmpty()) {
            // The demo: a gateway process on this machine, which finds the demo's tokens
            // through SOFTHSM2_CONF; there is nothing to mount.
            out += QStringLiteral("# Gateway settings for the built-in demo HSM, written by HSM "
                                  "Admin: for a gateway on this machine only, not deployable "
                                  "into a container.\n");
            if (fragmentsMount)
                out += QStringLiteral("# Not in this file: the fragments file %1; copy it into "
                                      "the gateway's configuration folder as "
                                      "customer_fragments.json.\n")
                           .arg(fragmentsPath);
        } else {
            out += QStringLiteral(
                "# Gateway settings for docker run --env-file, written by HSM Admin.\n");
            // Mounts are not settings an env file can hold: named here, for the docker command.
            if (checkMountRoot(root))
                out +=
                    QStringLiteral("# Not in this file: mount the HSM client folder with -v %1\n")
                        .arg(hostRoot + QLatin1Char(':') + root);
            else
                out += QStringLiteral("# Not in this file: the HSM client folder must be mounted; "
                                      "%1 is a system folder, so copy the vendor's folder under "
                                      "/opt first.\n")
                           .arg(root);
            if (fragmentsMount)
                out += QStringLiteral("# Not in this file: mount the fragments file with -v %1\n")
                           .arg(fragmentsPath + QLatin1Char(':') + QLatin1String(kFragmentsMount));
        }
        out += QStringLiteral("ADMIN_ACCESS_ID=%1\n").arg(accessId);
        out += QStringLiteral("HSM_PIN=%1\n").arg(pinValue);
        out += QStringLiteral("%1=%2\n").arg(tokenVariable(), exportedTokenValue());
        out += QStringLiteral("HSM_USE_RAND=%1\n").arg(useRandText);
        out += QStringLiteral("PKCS11_LIB_PATH=%1\n").arg(libraryPath);
        if (!softHsmConf.isEmpty())
            out += QStringLiteral("SOFTHSM2_CONF=%1\n").arg(softHsmConf);
        if (fragmentsVariable)
            out += QStringLiteral("CUSTOMER_FRAGMENTS=%1\n").arg(fragmentsCompact);
        return out;
    }
    case Format::Compose: {
        YamlWriter y;
        y.comment(QStringLiteral("docker-compose.yml for the gateway, written by HSM Admin."));
        y.beginMap(QStringLiteral("services"));
        y.beginMap(QStringLiteral("akeyless-gw"));
        y.string(QStringLiteral("image"), QStringLiteral("akeyless/base:latest-akeyless"));
        y.string(QStringLiteral("container_name"), QStringLiteral("akeyless-gw"));
        y.beginSequence(QStringLiteral("ports"));
        for (int port : gatewayPorts())
            y.item(QStringLiteral("%1:%1").arg(port));
        y.end();
        // Compose interpolates $VAR in values; $$ is a literal dollar.
        auto env = [&y](const QString &key, const QString &value) {
            y.string(key, QString(value).replace(QLatin1Char('$'), QStringLiteral("$$")));
        };
        y.beginMap(QStringLiteral("environment"));
        env(QStringLiteral("ADMIN_ACCESS_ID"), accessId);
        env(QStringLiteral("HSM_PIN"), pinValue);
        env(tokenVariable(), exportedTokenValue());
        env(QStringLiteral("HSM_USE_RAND"), useRandText);
        env(QStringLiteral("PKCS11_LIB_PATH"), libraryPath);
        if (fragmentsVariable)
            env(QStringLiteral("CUSTOMER_FRAGMENTS"), fragmentsCompact);
        y.end();
        // The long syntax: any path (colons and commas too) reaches the container unchanged.
        auto bind = [&y](const QString &source, const QString &target) {
            y.beginItemMap();
            y.string(QStringLiteral("type"), QStringLiteral("bind"));
            y.string(QStringLiteral("source"),
                     QString(source).replace(QLatin1Char('$'), QStringLiteral("$$")));
            y.string(QStringLiteral("target"),
                     QString(target).replace(QLatin1Char('$'), QStringLiteral("$$")));
            y.end();
        };
        y.beginSequence(QStringLiteral("volumes"));
        bind(hostRoot, root);
        if (fragmentsMount)
            bind(fragmentsPath, QLatin1String(kFragmentsMount));
        y.end();
        y.end();
        y.end();
        return y.text();
    }
    case Format::Kubernetes: {
        out += QStringLiteral("# The customer fragments, as the secret both gateway charts read "
                              "(key customer-fragments):\n");
        if (!fragmentsPath.isEmpty() || !fragmentsVariable) {
            out += QStringLiteral("kubectl create secret generic %1 --from-file=%2\n")
                       .arg(kFragmentsSecret,
                            shellWords::quote(QStringLiteral("customer-fragments=") +
                                              (fragmentsPath.isEmpty()
                                                   ? QStringLiteral("./customer_fragments.json")
                                                   : fragmentsPath)));
        } else {
            // Only the imported CUSTOMER_FRAGMENTS value: fed to kubectl as a here-document
            // with a quoted delimiter, so the shell expands nothing in it.
            out +=
                QStringLiteral("kubectl create secret generic %1 "
                               "--from-file=customer-fragments=/dev/stdin <<'%2'\n%3\n%2\n")
                    .arg(kFragmentsSecret, QStringLiteral("HSM_ADMIN_FRAGMENTS"), fragmentsCompact);
        }
        // Never --from-literal: a PIN on a command line stays in the shell's history.
        out += QStringLiteral("# The HSM PIN under the key \"pin\", from a file: a PIN on a "
                              "command line stays in the shell history.\n");
        if (includePin)
            out += QStringLiteral("# (The PIN is not written here, even when asked for.)\n");
        out += QStringLiteral("# Write the PIN into ./hsm-pin with an editor (no trailing "
                              "newline; chmod 600 ./hsm-pin), then:\n"
                              "kubectl create secret generic %1 --from-file=pin=./hsm-pin\n"
                              "# and remove the file: shred -u ./hsm-pin\n")
                   .arg(kPinSecret);
        out += QStringLiteral("# Then install the chart with the values from the helm format "
                              "(--chart akeyless-gateway or akeyless-api-gateway):\n"
                              "# helm install akeyless-gw <gateway chart> -f values.yaml\n");
        return out;
    }
    case Format::Helm: {
        const bool gatewayChart = helmChart == HelmChart::Gateway;
        YamlWriter y;
        y.comment(QStringLiteral("values.yaml for the %1 chart, written by HSM Admin.\n"
                                 "Create the secrets %2 and %3 first (see the k8s format).")
                      .arg(helmChartName(helmChart), kPinSecret, kFragmentsSecret));
        if (accessId != QLatin1String("<access id>"))
            y.comment(QStringLiteral("Not in this file: the access id %1; set it with the "
                                     "chart's own access settings.")
                          .arg(accessId));
        if (gatewayChart)
            y.beginMap(QStringLiteral("gateway"));
        y.beginMap(QStringLiteral("hsm"));
        // The chart renders the HSM variables only when enabled.
        y.boolean(QStringLiteral("enabled"), true);
        y.string(QStringLiteral("pkcs11LibPath"), libraryPath);
        y.string(QStringLiteral("pinExistingSecret"), kPinSecret);
        // Identifiers are strings: Helm prints a bare 1538628664 as 1.538628664e+09.
        switch (tokenMode) {
        case GatewayTokenMode::Slot:
            if (slotNumber().value() == 0)
                y.comment(QStringLiteral("The charts write HSM_SLOT only {{ if .slot }}, which "
                                         "drops a bare 0; prefer tokenLabel or tokenSerial."));
            y.string(QStringLiteral("slot"), exportedTokenValue());
            break;
        case GatewayTokenMode::Label:
            y.string(QStringLiteral("tokenLabel"), tokenValue);
            break;
        case GatewayTokenMode::Serial:
            y.string(QStringLiteral("tokenSerial"), tokenValue);
            break;
        }
        y.boolean(QStringLiteral("useRand"), useRand);
        y.end();
        y.comment(QStringLiteral("A ReadWriteMany volume for the HSM client, mounted at %1 in the "
                                 "gateway container.\n"
                                 "Copy the contents of the vendor's folder %2 onto the volume's "
                                 "root, so that\n%3 resolves.")
                      .arg(root, hostRoot, libraryPath));
        y.beginMap(QStringLiteral("persistence"));
        y.boolean(QStringLiteral("enabled"), true);
        y.string(QStringLiteral("accessMode"), QStringLiteral("ReadWriteMany"));
        y.string(QStringLiteral("size"), QLatin1String(kPersistenceSize));
        y.string(QStringLiteral("mountPath"), root);
        y.end();
        if (gatewayChart) {
            y.end();
            y.beginMap(QStringLiteral("globalConfig"));
        }
        y.string(QStringLiteral("customerFragmentsExistingSecret"), kFragmentsSecret);
        if (gatewayChart)
            y.end();
        return y.text();
    }
    }
    return out;
}

QStringList GatewayConfig::warnings(Format format) const {
    QStringList lines;
    const Result<CK_SLOT_ID> slot = slotNumber();
    if (format == Format::Helm && tokenMode == GatewayTokenMode::Slot && slot && slot.value() == 0)
        lines << QCoreApplication::translate(
            "hsm::GatewayConfig",
            "Slot 0: both Helm charts set HSM_SLOT only {{ if .slot }}, which "
            "drops a slot of 0; select the token by its label or serial instead "
            "(--token-label or --token-serial).");
    return lines;
}

bool GatewayConfig::operator==(const GatewayConfig &o) const {
    return libraryPath == o.libraryPath && tokenMode == o.tokenMode && tokenValue == o.tokenValue &&
           useRand == o.useRand && fragmentsPath == o.fragmentsPath && accessId == o.accessId &&
           effectiveMountRoot() == o.effectiveMountRoot() &&
           effectiveMountHostFolder() == o.effectiveMountHostFolder() &&
           softHsmConf == o.softHsmConf;
}

} // namespace hsm
