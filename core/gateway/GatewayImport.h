// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/gateway/GatewayConfig.h"
#include "core/token/TokenSelection.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace hsm {

// Reads gateway settings back from a `docker run` command (line continuations and POSIX
// shell quoting) or an env file. What it does not use is listed, never dropped silently.
// A variable set twice is refused, naming it and both lines (docker would silently take
// the last one), and so is a gateway variable with an empty value.
struct GatewayImport {
    GatewayConfig config;
    QStringList unused; // e.g. "-p 8000:8000", "ADMIN_ACCESS_ID=p-xxx", "--name akeyless-gw"
    // Every HSM_SLOT / HSM_TOKEN_LABEL / HSM_TOKEN_SERIAL found, its value as written and
    // its variable as the source; config names the one the exports use.
    TokenSelection token;
    bool useRandSet = false; // HSM_USE_RAND was there (else config.useRand is false)

    // The identifiers in `token` as written, "HSM_SLOT=1", in the order they came.
    QStringList tokenAssignments() const;

    static Result<GatewayImport> fromDockerRun(const QString &command);
    static Result<GatewayImport> fromEnvFile(const QByteArray &content, const QString &name);

private:
    // Takes one of the gateway's variables from a KEY=VALUE pair; lists any other.
    // `where` ("gw.env, line 3") starts the refusal of a gateway variable left empty,
    // which the gateway would read as unset.
    Status takeVariable(const QString &key, const QString &value, const QString &asWritten,
                        const QString &where);

    QList<GatewayTokenMode> m_tokenOrder; // the identifiers in `token`, in the order they came
};

} // namespace hsm
