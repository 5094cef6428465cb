// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/token/TokenSelection.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hsm {

// What the gateway needs to find its HSM and its fragments, and the deployment files made
// from it. The PIN is never part of it unless asked for: exports show a placeholder.
struct GatewayConfig {
    enum class Format { Docker, Env, Compose, Kubernetes, Helm };
    // The vendor's two Helm charts read the same settings under different value paths.
    enum class HelmChart { Gateway, ApiGateway }; // akeyless-gateway, akeyless-api-gateway

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
    HelmChart helmChart = HelmChart::Gateway;
    // The folder mounted into the container (docker, compose) or where the Helm chart's
    // volume is mounted; the library must be inside it. Empty: defaultMountRoot().
    QString mountRoot;
    // The host side of that mount when it differs (an imported `-v /host:/opt/vendor`).
    QString mountHostFolder;
    // SOFTHSM2_CONF of the built-in demo HSM, whose tokens live in this machine's SoftHSM
    // folder: set, the settings are for a gateway on this machine only (the env format), and
    // the container formats refuse with that reason.
    QString softHsmConf;

    static constexpr char kFragmentsMount[] = "/home/akeyless/.akeyless/customer_fragments.json";
    static constexpr char kPinPlaceholder[] = "<HSM PIN>";
    static const QList<int> &gatewayPorts(); // 8000 8200 18888 8080 8081 5696

    static constexpr char kPersistenceSize[] = "1Gi";

    static bool parseFormat(const QString &name, Format *format);
    static QString formatName(Format format);
    static bool parseHelmChart(const QString &name, HelmChart *chart);
    static QString helmChartName(HelmChart chart); // "akeyless-gateway"

    // The vendor's root folder, as the vendor mounts it: the first folder under /opt
    // (/opt/cloudhsm for /opt/cloudhsm/lib/libcloudhsm_pkcs11.so), else the library's folder.
    static QString defaultMountRoot(const QString &libraryPath);
    QString effectiveMountRoot() const;
    QString effectiveMountHostFolder() const;
    // Whether the export in `format` holds the PIN when includePin is set (the Kubernetes
    // commands and Helm values never do: they read it from a secret).
    static bool carriesPin(Format format);
    // What the operator should know about an export that render() still writes, one line each.
    QStringList warnings(Format format) const;

    // The library path is absolute and exactly one token identifier is set.
    Status validate() const;
    // The deployment text for `format`; validate() first.
    Result<QString> render(Format format) const;

    // The environment variable and value that identify the token.
    QString tokenVariable() const; // "HSM_TOKEN_SERIAL"
    // The slot, read as the gateway and TokenSelector read it (decimal); for Slot mode.
    Result<CK_SLOT_ID> slotNumber() const;
    // tokenValue as the exports write it: a slot in plain decimal ("010" becomes "10").
    QString exportedTokenValue() const;

    bool operator==(const GatewayConfig &other) const;
};

} // namespace hsm
