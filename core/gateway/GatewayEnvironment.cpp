// SPDX-License-Identifier: Apache-2.0
#include "core/gateway/GatewayEnvironment.h"

namespace hsm {

bool GatewayEnvironment::useRandIsTrue() const {
    return useRand.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

GatewayEnvironment GatewayEnvironment::fromProcess() {
    GatewayEnvironment env;
    env.source = QStringLiteral("the environment");
    env.libraryPath = qEnvironmentVariable("PKCS11_LIB_PATH");
    env.token = TokenSelection::fromEnvironment();
    env.useRand = qEnvironmentVariable("HSM_USE_RAND");
    env.pin = std::make_shared<SecretBytes>();
    if (qEnvironmentVariableIsSet("HSM_PIN")) {
        QByteArray value = qgetenv("HSM_PIN");
        *env.pin = SecretBytes::take(value);
    }
    return env;
}

GatewayEnvironment GatewayEnvironment::fromEnvFile(const EnvFile &file, const QString &path) {
    GatewayEnvironment env;
    env.source = path;
    // What the container gets: a line with only the name passes the caller's value on.
    auto value = [&file](const char *name) {
        return file.valueForContainer(QLatin1String(name)).value_or(QString());
    };
    env.libraryPath = value("PKCS11_LIB_PATH");
    auto id = [&](const char *name) {
        return TokenSelection::Identifier{value(name).trimmed(), QLatin1String(name)};
    };
    env.token.slot = id("HSM_SLOT");
    env.token.label = id("HSM_TOKEN_LABEL");
    env.token.serial = id("HSM_TOKEN_SERIAL");
    env.useRand = value("HSM_USE_RAND");
    // A gateway on this machine that runs on SoftHSM (the demo HSM) needs its configuration.
    env.softHsmConf = value("SOFTHSM2_CONF");
    env.pin = std::make_shared<SecretBytes>();
    if (std::optional<QString> pin = file.valueForContainer(QStringLiteral("HSM_PIN"))) {
        QByteArray bytes = pin->toUtf8();
        *env.pin = SecretBytes::take(bytes);
        pin->fill(QLatin1Char(' '));
    }
    return env;
}

} // namespace hsm
