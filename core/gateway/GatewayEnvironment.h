// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/SecretBytes.h"
#include "core/gateway/EnvFile.h"
#include "core/token/TokenSelection.h"

#include <memory>

namespace hsm {

// The gateway's HSM settings, as it reads them from its environment.
struct GatewayEnvironment {
    QString libraryPath;              // PKCS11_LIB_PATH
    TokenSelection token;             // HSM_SLOT / HSM_TOKEN_LABEL / HSM_TOKEN_SERIAL
    std::shared_ptr<SecretBytes> pin; // HSM_PIN; absent when unset
    QString useRand;                  // HSM_USE_RAND as written
    QString softHsmConf;              // SOFTHSM2_CONF of an env file (SoftHSM's configuration)
    QString source;                   // "the environment" or the env file's path

    bool useRandIsTrue() const;
    static GatewayEnvironment fromProcess();
    static GatewayEnvironment fromEnvFile(const EnvFile &file, const QString &path);
};

} // namespace hsm
