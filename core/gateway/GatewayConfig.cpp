// SPDX-License-Identifier: Apache-2.0
#include "core/gateway/GatewayConfig.h"

#include "core/gateway/ShellWords.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace hsm {
namespace {

Error configError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

// A YAML double-quoted scalar: JSON's string escaping is valid YAML, and a quoted scalar
// stays a string whatever it holds (colons, quotes, leading spaces, "true", "0x10").
QString yamlString(const QString &value) {
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// Compose interpolates $VAR in values; $$ is a literal dollar.
QString composeString(const QString &value) {
    return yamlString(QString(value).replace(QLatin1Char('$'), QStringLiteral("$$")));
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
        bool ok = false;
        tokenValue.toULong(&ok);
        if (!ok)
            return configError(
                QStringLiteral("HSM_SLOT must be a number, not '%1'.").arg(tokenValue));
    }
    for (const QString *v : {&libraryPath, &tokenValue, &fragmentsPath, &accessId, &pin}) {
        if (v->contains(QLatin1Char('\n')) || v->contains(QLatin1Char('\r')))
            return configError(QStringLiteral("Gateway settings cannot contain line breaks."));
    }
    if (!fragmentsPath.isEmpty() && !QDir::isAbsolutePath(fragmentsPath))
        return configError(QStringLiteral("The fragments file must be given as an absolute path, "
                                          "not '%1'.")
                               .arg(fragmentsPath));
    return Done{};
}

Result<QString> GatewayConfig::render(Format format) const {
    if (Status s = validate(); !s)
        return s.error();
    const QString pinValue = includePin ? pin : QLatin1String(kPinPlaceholder);
    const QString libraryFolder = QFileInfo(libraryPath).absolutePath();
    const QString useRandText = boolText(useRand);
    QString out;

    switch (format) {
    case Format::Docker: {
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
        out += env(tokenVariable(), tokenValue);
        out += env(QStringLiteral("HSM_USE_RAND"), useRandText);
        out += env(QStringLiteral("PKCS11_LIB_PATH"), libraryPath);
        // The whole folder: vendors keep their configuration beside the library.
        out += QStringLiteral("  -v %1 \\\n")
                   .arg(shellWords::quote(libraryFolder + QLatin1Char(':') + libraryFolder));
        if (!fragmentsPath.isEmpty())
            out += QStringLiteral("  -v %1 \\\n")
                       .arg(shellWords::quote(fragmentsPath + QLatin1Char(':') +
                                              QLatin1String(kFragmentsMount)));
        out += QStringLiteral("  --name akeyless-gw akeyless/base:latest-akeyless\n");
        return out;
    }
    case Format::Env: {
        // docker run --env-file takes every value literally: no quotes, no escapes.
        out +=
            QStringLiteral("# Gateway settings for docker run --env-file, written by HSM Admin.\n");
        out += QStringLiteral("ADMIN_ACCESS_ID=%1\n").arg(accessId);
        out += QStringLiteral("HSM_PIN=%1\n").arg(pinValue);
        out += QStringLiteral("%1=%2\n").arg(tokenVariable(), tokenValue);
        out += QStringLiteral("HSM_USE_RAND=%1\n").arg(useRandText);
        out += QStringLiteral("PKCS11_LIB_PATH=%1\n").arg(libraryPath);
        if (fragmentsInline) {
            const QJsonDocument doc = QJsonDocument::fromJson(fragmentsJson.toUtf8());
            if (doc.isNull())
                return configError(QStringLiteral("The fragments file is not valid JSON."));
            out += QStringLiteral("CUSTOMER_FRAGMENTS=%1\n")
                       .arg(QString::fromUtf8(doc.toJson(QJsonDocument::Compact)));
        }
        return out;
    }
    case Format::Compose: {
        out += QStringLiteral("# docker-compose.yml for the gateway, written by HSM Admin.\n"
                              "services:\n"
                              "  akeyless-gw:\n"
                              "    image: \"akeyless/base:latest-akeyless\"\n"
                              "    container_name: \"akeyless-gw\"\n"
                              "    ports:\n");
        for (int port : gatewayPorts())
            out += QStringLiteral("      - \"%1:%1\"\n").arg(port);
        out += QStringLiteral("    environment:\n");
        auto env = [&out](const QString &key, const QString &value) {
            out += QStringLiteral("      %1: %2\n").arg(key, composeString(value));
        };
        env(QStringLiteral("ADMIN_ACCESS_ID"), accessId);
        env(QStringLiteral("HSM_PIN"), pinValue);
        env(tokenVariable(), tokenValue);
        env(QStringLiteral("HSM_USE_RAND"), useRandText);
        env(QStringLiteral("PKCS11_LIB_PATH"), libraryPath);
        out += QStringLiteral("    volumes:\n");
        out += QStringLiteral("      - %1\n")
                   .arg(composeString(libraryFolder + QLatin1Char(':') + libraryFolder));
        if (!fragmentsPath.isEmpty())
            out += QStringLiteral("      - %1\n")
                       .arg(composeString(fragmentsPath + QLatin1Char(':') +
                                          QLatin1String(kFragmentsMount)));
        return out;
    }
    case Format::Kubernetes: {
        out += QStringLiteral("# The customer fragments, as the secret the gateway chart reads:\n");
        out += QStringLiteral("kubectl create secret generic %1 --from-file=%2\n")
                   .arg(kFragmentsSecret,
                        shellWords::quote(QStringLiteral("customer-fragments=") +
                                          (fragmentsPath.isEmpty()
                                               ? QStringLiteral("./customer_fragments.json")
                                               : fragmentsPath)));
        out += QStringLiteral("# The HSM PIN under the key \"pin\":\n");
        if (includePin)
            out += QStringLiteral("kubectl create secret generic %1 --from-literal=%2\n")
                       .arg(kPinSecret, shellWords::quote(QStringLiteral("pin=") + pin));
        else
            out += QStringLiteral("# write the PIN to ./hsm-pin (no trailing newline) first\n"
                                  "kubectl create secret generic %1 --from-file=pin=./hsm-pin\n")
                       .arg(kPinSecret);
        out += QStringLiteral("# Then install the chart with the values from the helm format:\n"
                              "# helm install akeyless-gw <gateway chart> -f values.yaml\n");
        return out;
    }
    case Format::Helm: {
        out += QStringLiteral("# values.yaml for the gateway chart, written by HSM Admin.\n"
                              "# Create the secrets first (see the k8s format).\n");
        out += QStringLiteral("globalConfig:\n  customerFragmentsExistingSecret: %1\n")
                   .arg(yamlString(kFragmentsSecret));
        out += QStringLiteral("hsm:\n");
        out += QStringLiteral("  pkcs11LibPath: %1\n").arg(yamlString(libraryPath));
        out += QStringLiteral("  pinExistingSecret: %1\n").arg(yamlString(kPinSecret));
        switch (tokenMode) {
        case GatewayTokenMode::Slot:
            out += QStringLiteral("  slot: %1\n").arg(tokenValue.toULong());
            break;
        case GatewayTokenMode::Label:
            out += QStringLiteral("  tokenLabel: %1\n").arg(yamlString(tokenValue));
            break;
        case GatewayTokenMode::Serial:
            out += QStringLiteral("  tokenSerial: %1\n").arg(yamlString(tokenValue));
            break;
        }
        out += QStringLiteral("  useRand: %1\n").arg(useRandText);
        return out;
    }
    }
    return out;
}

bool GatewayConfig::operator==(const GatewayConfig &o) const {
    return libraryPath == o.libraryPath && tokenMode == o.tokenMode && tokenValue == o.tokenValue &&
           useRand == o.useRand && fragmentsPath == o.fragmentsPath && accessId == o.accessId;
}

} // namespace hsm
