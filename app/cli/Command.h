// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/PinSource.h"
#include "app/cli/StandardStreams.h"
#include "core/client/HsmClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonValue>
#include <QTextStream>

namespace hsm::cli {

enum class OutputFormat { Text, Json };

// What a running command can use: its parsed options (global ones included), the client
// with the selected module loaded, and the run's streams.
class CommandContext {
    Q_DECLARE_TR_FUNCTIONS(CommandContext)

public:
    CommandContext(const QCommandLineParser &globals, const QCommandLineParser &own,
                   HsmClient &client, QTextStream &out, QTextStream &err, StandardStreams streams);

    // The option's value from the command's own arguments, else from the global ones
    // before the command name; else its default.
    QString value(const QString &name) const;
    bool isSet(const QString &name) const;
    OutputFormat format() const { return m_format; }
    HsmClient &client() { return m_client; }
    QTextStream &out() { return m_out; }
    // Standard output as a C stream, for bytes that are not text (random's raw output).
    FILE *rawOut() { return m_streams.out; }
    // The PIN from HSM_PIN, --pin-file or a prompt on this run's terminal.
    PinSource pinSource() const;

    // "error: <message>" on stderr; returns the exit status for an operation failure (1).
    int fail(const QString &message);
    int fail(const Error &error) { return fail(error.toString()); }
    // Same, for a usage error (exit status 2).
    int usage(const QString &message);
    // "note: ..." / "warning: ..." on stderr.
    void note(const QString &message);
    void warn(const QString &message);

    void printJson(const QJsonValue &value);

    // Loads --module, else PKCS11_LIB_PATH, else the demo HSM (with a note saying so).
    Status loadModule();
    // The note that the built-in demo HSM is in use.
    void noteDemo();

    // --slot / --token-label / --token-serial / --token-uri when any is given, else the
    // gateway's HSM_SLOT / HSM_TOKEN_LABEL / HSM_TOKEN_SERIAL.
    TokenSelection selection() const;
    // The selected token's slot, resolved by the core's TokenSelector.
    Result<SlotInfo> selectToken();

    // Logs in to the token with the PIN from HSM_PIN, --pin-file or a prompt, honouring
    // --allow-final-try; warnings go to stderr. With `required` false and no PIN source,
    // returns false without logging in.
    Result<bool> logIn(const SlotInfo &slot, bool required);

private:
    const QCommandLineParser &m_globals;
    const QCommandLineParser &m_own;
    HsmClient &m_client;
    QTextStream &m_out;
    QTextStream &m_err;
    StandardStreams m_streams;
    OutputFormat m_format = OutputFormat::Text;
};

// One CLI command. Each lives in its own file and only talks to the core through the
// HsmClient it is handed.
// One that works on a token derives from TokenCommand.
class Command {
    Q_DECLARE_TR_FUNCTIONS(Command)

public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Options besides the global ones.
    virtual QList<QCommandLineOption> options() const { return {}; }
    // Whether run() needs the selected module loaded first.
    virtual bool needsModule() const { return true; }
    // Whether --format means text|json for this command.
    virtual bool usesOutputFormat() const { return true; }
    virtual int run(CommandContext &context) = 0;
};

// The options every command accepts (--lang among them: see language::requested).
QList<QCommandLineOption> globalOptions();

} // namespace hsm::cli
