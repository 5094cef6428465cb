#pragma once

#include "client/HsmClient.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>

#include <optional>

namespace hsm::cli {

enum class OutputFormat { Text, Json };

class Command;

// What a running command can use: its parsed options (global ones included), the client
// with the selected module loaded, and the output streams.
class CommandContext {
public:
    CommandContext(const QCommandLineParser &globals, const QCommandLineParser &own,
                   HsmClient &client, QTextStream &out, QTextStream &err);

    // The option's value from the command's own arguments, else from the global ones
    // before the command name; empty when unset.
    QString value(const QString &name) const;
    bool isSet(const QString &name) const;
    OutputFormat format() const { return m_format; }
    HsmClient &client() { return m_client; }
    QTextStream &out() { return m_out; }

    // "error: <message>" on stderr; returns the exit status for an operation failure.
    int fail(const QString &message);
    int fail(const Error &error) { return fail(error.toString()); }
    // Same, for a usage error (exit status 2).
    int usage(const QString &message);

    void printJson(const QJsonValue &value);

    // --slot, else HSM_SLOT, else the only slot holding an initialized token. When there
    // is no answer, `error` says why.
    std::optional<CK_SLOT_ID> selectedSlot(QString &error);

private:
    const QCommandLineParser &m_globals;
    const QCommandLineParser &m_own;
    HsmClient &m_client;
    QTextStream &m_out;
    QTextStream &m_err;
    OutputFormat m_format = OutputFormat::Text;
};

// One CLI command. Each lives in its own file and only talks to the core through the
// HsmClient it is handed.
class Command {
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Options besides the global ones.
    virtual QList<QCommandLineOption> options() const { return {}; }
    // Whether run() needs the selected module loaded first.
    virtual bool needsModule() const { return true; }
    virtual int run(CommandContext &context) = 0;
};

// The options every command accepts.
QList<QCommandLineOption> globalOptions();

} // namespace hsm::cli
