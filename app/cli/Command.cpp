// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "app/cli/TextTable.h"
#include "core/client/Language.h"
#include "core/token/DemoHsm.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hsm::cli {

QList<QCommandLineOption> globalOptions() {
    // The help texts are marked for lupdate and translated here, once the translation
    // for --lang is installed.
    auto option = [](const char *name, const char *help, const char *valueName = nullptr) {
        return valueName ? QCommandLineOption(QLatin1String(name), Command::tr(help),
                                              QLatin1String(valueName))
                         : QCommandLineOption(QLatin1String(name), Command::tr(help));
    };
    QList<QCommandLineOption> options = {
        option("module",
               QT_TRANSLATE_NOOP(
                   "Command", "PKCS#11 library to use (default: PKCS11_LIB_PATH, else the built-in "
                              "demo HSM)."),
               "path"),
        option("slot",
               QT_TRANSLATE_NOOP("Command", "Token by slot id, in decimal (default: HSM_SLOT)."),
               "id"),
        option("token-label",
               QT_TRANSLATE_NOOP("Command", "Token by its exact label (default: HSM_TOKEN_LABEL)."),
               "label"),
        option("token-serial",
               QT_TRANSLATE_NOOP("Command", "Token by serial number (default: HSM_TOKEN_SERIAL)."),
               "serial"),
        option("token-uri",
               QT_TRANSLATE_NOOP("Command",
                                 "Token by PKCS#11 URI (RFC 7512), e.g. pkcs11:token=demo."),
               "uri"),
        option("pin-file",
               QT_TRANSLATE_NOOP("Command",
                                 "Read the user PIN from the first line of this file (it wins "
                                 "over HSM_PIN; without either, a prompt on a terminal)."),
               "file"),
        option("allow-final-try",
               QT_TRANSLATE_NOOP("Command",
                                 "Log in even when the token says one PIN attempt is left.")),
        option("trace",
               QT_TRANSLATE_NOOP(
                   "Command",
                   "Write every PKCS#11 call made (time, function, slot or session, return value, "
                   "duration; never an argument) to this file."),
               "file"),
        option("timeout",
               QT_TRANSLATE_NOOP(
                   "Command",
                   "Give up on a PKCS#11 call that has not answered after this many seconds "
                   "(default: 30; 0: wait for ever)."),
               "seconds"),
    };
    options << language::option();
    options << QCommandLineOption(QStringLiteral("format"),
                                  Command::tr("Output format: text or json (default: text)."),
                                  QStringLiteral("format"), QStringLiteral("text"));
    return options;
}

CommandContext::CommandContext(const QCommandLineParser &globals, const QCommandLineParser &own,
                               HsmClient &client, QTextStream &out, QTextStream &err,
                               StandardStreams streams)
    : m_globals(globals)
    , m_own(own)
    , m_client(client)
    , m_out(out)
    , m_err(err)
    , m_streams(streams) {
    if (value(QStringLiteral("format")) == QLatin1String("json"))
        m_format = OutputFormat::Json;
}

// The first pass only knows the global options; ask it only about options it has seen.
bool CommandContext::isSet(const QString &name) const {
    return m_own.isSet(name) || m_globals.optionNames().contains(name);
}

QString CommandContext::value(const QString &name) const {
    if (m_own.isSet(name))
        return m_own.value(name);
    if (m_globals.optionNames().contains(name))
        return m_globals.value(name);
    return m_own.value(name); // the default, if any
}

// Messages quote what they were given (labels, names, paths); each stays one line.
PinSource CommandContext::pinSource() const {
    return PinSource(value(QStringLiteral("pin-file")), m_streams);
}

int CommandContext::fail(const QString &message) {
    m_err << tr("error: %1").arg(TextTable::printable(message)) << Qt::endl;
    return 1;
}

int CommandContext::usage(const QString &message) {
    m_err << tr("error: %1").arg(TextTable::printable(message)) << Qt::endl;
    return 2;
}

void CommandContext::note(const QString &message) {
    m_err << tr("note: %1").arg(TextTable::printable(message)) << Qt::endl;
}

void CommandContext::warn(const QString &message) {
    m_err << tr("warning: %1").arg(TextTable::printable(message)) << Qt::endl;
}

void CommandContext::printJson(const QJsonValue &value) {
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << doc.toJson(QJsonDocument::Indented);
    m_out.flush();
}

Status CommandContext::loadModule() {
    QString path = value(QStringLiteral("module"));
    if (path.isEmpty())
        path = qEnvironmentVariable("PKCS11_LIB_PATH");
    Result<ModuleInfo> loaded = await(path.isEmpty() ? m_client.loadDemo() : m_client.load(path));
    if (!loaded)
        return loaded.error();
    if (loaded->demo)
        noteDemo();
    return Done{};
}

void CommandContext::noteDemo() {
    note(tr("using the built-in demo HSM (SoftHSMv2, user PIN %1), not for "
            "production; choose a library with --module or PKCS11_LIB_PATH.")
             .arg(QLatin1String(demoHsm::kUserPin)));
}

TokenSelection CommandContext::selection() const {
    TokenSelection fromFlags;
    auto flag = [this](const char *name) {
        const QString key = QLatin1String(name);
        return TokenSelection::Identifier{value(key).trimmed(), QStringLiteral("--") + key};
    };
    fromFlags.slot = flag("slot");
    // Leading spaces are part of a PKCS#11 label (only the right is padded): kept, so
    // "  hsm" selects that token and not "hsm".
    QString label = value(QStringLiteral("token-label"));
    while (label.endsWith(QLatin1Char(' ')))
        label.chop(1);
    fromFlags.label = {label, QStringLiteral("--token-label")};
    fromFlags.serial = flag("token-serial");
    fromFlags.uri = flag("token-uri");
    // An explicit choice on the command line replaces the gateway's environment as a whole.
    return fromFlags.isEmpty() ? TokenSelection::fromEnvironment() : fromFlags;
}

Result<SlotInfo> CommandContext::selectToken() {
    return await(m_client.selectToken(selection()));
}

Result<bool> CommandContext::logIn(const SlotInfo &slot, bool required) {
    Result<PinState> state = await(m_client.pinState(slot.id));
    if (!state)
        return state.error();
    const PinSource source = pinSource();
    LoginOptions options;
    options.allowFinalTry = isSet(QStringLiteral("allow-final-try"));
    // Refuse before asking for a PIN that could not be used.
    if (Status s = tokenLogin::admissible(state.value(), options); !s)
        return s.error();
    std::shared_ptr<SecretBytes> pin = std::make_shared<SecretBytes>();
    if (!state->pinPad) {
        if (!required && !source.available())
            return false;
        QString exposed;
        Result<std::shared_ptr<SecretBytes>> read =
            source.read(tr("User PIN for %1: ").arg(slot.token->displayName()), &exposed);
        if (!read)
            return read.error();
        if (!exposed.isEmpty())
            warn(exposed);
        pin = read.value();
    } else {
        note(tr("Enter the PIN on the device's PIN pad."));
    }
    Result<LoginReport> report = await(m_client.login(slot.id, std::move(*pin), options));
    if (!report)
        return report.error();
    for (const QString &w : report->warnings)
        warn(w);
    return true;
}

} // namespace hsm::cli
