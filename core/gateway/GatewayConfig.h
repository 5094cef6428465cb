// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/TokenSelection.h"

#include <QList>
#include <QString>

namespace hsm {

// What the gateway needs to find its HSM and its fragments, and the deployment files made
// from it. The PIN is never part of it unless asked for: exports show a placeholder.
struct GatewayConfig {
    enum class Format { Docker, Env, Compose, Kubernetes, Helm };

    QString libraryPath; // PKCS11_LIB_PATH, absolute
    GatewayTokenMode tokenMode = GatewayTokenMode::Serial;
    QString tokenValue;                               // the slot number, label or serial
    bool useRand = true;                              // HSM_USE_RAND
    QString fragmentsPath;                            // the customer_fragments.json to mount
    QString accessId = QStringLiteral("<access id>"); // ADMIN_ACCESS_ID
    QString pin;                                      // only with includePin
    bool includePin = false;
    bool fragmentsInline = false; // env: CUSTOMER_FRAGMENTS as one-line JSON instead of a mount
    QString fragmentsJson;        // the file's content, for fragmentsInline

    static constexpr char kFragmentsMount[] = "/home/akeyless/.akeyless/customer_fragments.json";
    static constexpr char kPinPlaceholder[] = "<HSM PIN>";
    static const QList<int> &gatewayPorts(); // 8000 8200 18888 8080 8081 5696

    static bool parseFormat(const QString &name, Format *format);
    static QString formatName(Format format);

    // The library path is absolute and exactly one token identifier is set.
    Status validate() const;
    // The deployment text for `format`; validate() first.
    Result<QString> render(Format format) const;

    // The environment variable and value that identify the token.
    QString tokenVariable() const; // "HSM_TOKEN_SERIAL"

    bool operator==(const GatewayConfig &other) const;
};

} // namespace hsm
