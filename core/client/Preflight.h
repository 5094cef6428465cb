// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/HsmClient.h"
#include "core/gateway/GatewayEnvironment.h"

#include <QList>

namespace hsm {

// Checks a gateway's HSM settings the way the gateway will use them, one line each.
struct PreflightCheck {
    bool passed = false;
    QString subject; // "library", "token", "login", "random numbers", "fragment cf-..."
    QString detail;  // why it passed or failed, in plain words
};

class Preflight {
public:
    // Loads the library into `client` and runs every check in order. A check that needs an
    // earlier one that failed fails too, saying so. Blocks until done: call it from the CLI
    // or a worker, never the GUI thread.
    static QList<PreflightCheck> run(HsmClient &client, const GatewayEnvironment &env,
                                     const QString &fragmentsPath);
    static bool allPassed(const QList<PreflightCheck> &checks);
};

} // namespace hsm
