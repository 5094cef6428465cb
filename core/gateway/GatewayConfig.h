#pragma once

#include "core/base/Result.h"
#include "core/token/TokenSelection.h"

#include <QString>
#include <QStringList>

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

// Reads gateway settings back from a `docker run` command (line continuations and POSIX
// shell quoting) or an env file. What it does not use is listed, never dropped silently.
// A variable set twice is refused, naming it and both lines (docker would silently take
// the last one), and so is a gateway variable with an empty value.
struct GatewayImport {
    GatewayConfig config;
    QStringList unused; // e.g. "-p 8000:8000", "ADMIN_ACCESS_ID=p-xxx", "--name akeyless-gw"
    QStringList tokenIdentifiers; // every HSM_SLOT/LABEL/SERIAL found, "HSM_SLOT=1"
    bool useRandSet = false;      // HSM_USE_RAND was there (else config.useRand is false)

    static Result<GatewayImport> fromDockerRun(const QString &command);
    static Result<GatewayImport> fromEnvFile(const QByteArray &content, const QString &name);
};

// POSIX shell word splitting: quotes, backslashes and backslash-newline continuations.
// No expansion of any kind. CRLF line ends read as LF. Errors name an unbalanced quote
// and its line; `lines`, when given, receives the line each word begins on.
Result<QStringList> splitShellWords(const QString &command, QList<int> *lines = nullptr);
// 'value' quoted for a POSIX shell, or the value alone when it needs no quoting.
QString shellQuote(const QString &value);

} // namespace hsm
