// hsm-admin-cli: parse, pick the command, load the selected module, run.
#include "app/cli/CheckKeyCommand.h"
#include "app/cli/Command.h"
#include "app/cli/CreateKeyCommand.h"
#include "app/cli/DeriveCommand.h"
#include "app/cli/EntropyCheckCommand.h"
#include "app/cli/ExportConfigCommand.h"
#include "app/cli/FragmentsCommand.h"
#include "app/cli/GenCustomerFragmentCommand.h"
#include "app/cli/LoginCheckCommand.h"
#include "app/cli/MechanismsCommand.h"
#include "app/cli/ModulesCommand.h"
#include "app/cli/ObjectsCommand.h"
#include "app/cli/PreflightCommand.h"
#include "app/cli/ProbeCommand.h"
#include "app/cli/RandomCommand.h"
#include "app/cli/SlotsCommand.h"
#include "core/client/Application.h"
#include "core/client/Language.h"
#include "core/files/OutputFile.h"
#include "core/pkcs11/ProcessProtection.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cstdio>
#include <memory>
#include <vector>

using namespace hsm;
using namespace hsm::cli;

namespace {

std::vector<std::unique_ptr<Command>> allCommands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<ModulesCommand>());
    commands.push_back(std::make_unique<SlotsCommand>());
    commands.push_back(std::make_unique<MechanismsCommand>());
    commands.push_back(std::make_unique<LoginCheckCommand>());
    commands.push_back(std::make_unique<ObjectsCommand>());
    commands.push_back(std::make_unique<CreateKeyCommand>());
    commands.push_back(std::make_unique<CheckKeyCommand>());
    commands.push_back(std::make_unique<RandomCommand>());
    commands.push_back(std::make_unique<EntropyCheckCommand>());
    commands.push_back(std::make_unique<GenCustomerFragmentCommand>());
    commands.push_back(std::make_unique<DeriveCommand>());
    commands.push_back(std::make_unique<FragmentsCommand>());
    commands.push_back(std::make_unique<PreflightCommand>());
    commands.push_back(std::make_unique<ExportConfigCommand>());
    commands.push_back(std::make_unique<ProbeCommand>());
    return commands;
}

QString commandList(const std::vector<std::unique_ptr<Command>> &commands) {
    QString text = QCoreApplication::translate("main", "Commands:") + QLatin1Char('\n');
    for (const auto &c : commands)
        text += QStringLiteral("  %1%2\n").arg(c->name().leftJustified(23), c->summary());
    return text;
}

} // namespace

// Writes the call trace of the run to a file when the run ends, however it ends.
class CallTraceFile {
    Q_DECLARE_TR_FUNCTIONS(CallTraceFile)

public:
    CallTraceFile() = default;
    CallTraceFile(const CallTraceFile &) = delete;
    CallTraceFile &operator=(const CallTraceFile &) = delete;
    ~CallTraceFile() {
        if (!m_trace)
            return;
        // Never a device or a pipe (OutputFile); the same text as the call log's Save.
        const Status written = writeCallTrace(m_path, m_trace->snapshot());
        if (!written)
            *m_err << tr("warning: the call trace was not written: %1").arg(written.error().message)
                   << Qt::endl;
    }
    void follow(const QString &path, std::shared_ptr<CallTrace> trace, QTextStream &err) {
        m_path = path;
        m_trace = std::move(trace);
        m_err = &err;
    }

private:
    QString m_path;
    std::shared_ptr<CallTrace> m_trace;
    QTextStream *m_err = nullptr;
};

int main(int argc, char *argv[]) {
    // Before anything can read a PIN: no core dumps, secrets on the locked heap.
    protectProcess();
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Before any text is built: the help texts below are in the chosen language.
    if (const QString problem = language::install(language::requested(app.arguments()));
        !problem.isEmpty())
        err << QCoreApplication::translate("main", "warning: %1").arg(problem) << Qt::endl;
    const auto commands = allCommands();

    // First pass: the global options and the command name; everything after the command
    // name is the command's own.
    QCommandLineParser globals;
    globals.setApplicationDescription(
        QCoreApplication::translate("main",
                                    "Administer the PKCS#11 HSM behind the secrets gateway.") +
        QStringLiteral("\n\n") + commandList(commands));
    globals.addOptions(globalOptions());
    const QCommandLineOption help = globals.addHelpOption();
    const QCommandLineOption version = globals.addVersionOption();
    globals.addPositionalArgument(QStringLiteral("command"),
                                  QCoreApplication::translate("main", "The command to run."),
                                  QCoreApplication::translate("main", "<command> [options]"));
    globals.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!globals.parse(app.arguments())) {
        err << QCoreApplication::translate("main", "error: %1").arg(globals.errorText()) << '\n'
            << QCoreApplication::translate("main", "Run 'hsm-admin-cli --help' for usage.")
            << Qt::endl;
        return 2;
    }
    if (globals.isSet(version)) {
        out << "hsm-admin-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    const QStringList rest = globals.positionalArguments();
    if (globals.isSet(help) || rest.isEmpty()) {
        out << globals.helpText();
        out.flush();
        return rest.isEmpty() && !globals.isSet(help) ? 2 : 0;
    }

    Command *command = nullptr;
    for (const auto &c : commands) {
        if (c->name() == rest.first())
            command = c.get();
    }
    if (!command) {
        err << QCoreApplication::translate(
                   "main", "error: unknown command '%1'; run 'hsm-admin-cli --help' for the list.")
                   .arg(rest.first())
            << Qt::endl;
        return 2;
    }

    QCommandLineParser own;
    own.setApplicationDescription(command->summary());
    own.addOptions(globalOptions());
    own.addOptions(command->options());
    const QCommandLineOption ownHelp = own.addHelpOption();
    // The command name stands where the parser expects the program's name.
    if (!own.parse(rest)) {
        err << QCoreApplication::translate("main", "error: %1").arg(own.errorText()) << '\n'
            << QCoreApplication::translate("main", "Run 'hsm-admin-cli %1 --help' for usage.")
                   .arg(command->name())
            << Qt::endl;
        return 2;
    }
    if (own.isSet(ownHelp)) {
        out << own.helpText();
        out.flush();
        return 0;
    }
    if (!own.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("main", "error: unexpected argument '%1'.")
                   .arg(own.positionalArguments().first())
            << Qt::endl;
        return 2;
    }

    // Declared before the client, so the file is written after the client has unloaded
    // the module and C_Finalize is in it too.
    CallTraceFile traceFile;
    HsmClient client;
    CommandContext context(globals, own, client, out, err);
    if (context.isSet(QStringLiteral("trace"))) {
        // A target that can never be written is refused before the HSM is touched.
        const QString tracePath = context.value(QStringLiteral("trace"));
        if (const QString problem = OutputFile::checkTarget(tracePath); !problem.isEmpty())
            return context.fail(problem);
        traceFile.follow(tracePath, client.trace(), err);
    }
    const QString format = context.value(QStringLiteral("format"));
    if (command->usesOutputFormat() && format != QLatin1String("text") &&
        format != QLatin1String("json"))
        return context.usage(
            QCoreApplication::translate("main", "--format must be text or json, not '%1'.")
                .arg(format));
    if (context.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const QString text = context.value(QStringLiteral("timeout"));
        const double seconds = text.toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 24 * 3600)
            return context.usage(
                QCoreApplication::translate(
                    "main", "--timeout must be a number of seconds from 0 to 86400, not '%1'.")
                    .arg(text));
        client.setCallTimeout(std::chrono::milliseconds(qRound64(seconds * 1000)));
    }
    if (command->needsModule()) {
        if (Status loaded = context.loadModule(); !loaded)
            return context.fail(loaded.error());
    }
    const int status = command->run(context);
    // Output that did not reach its file (a full disk, a closed pipe) is a failure, not a
    // silent success with half a deployment file.
    out.flush();
    if (out.status() != QTextStream::Ok || std::fflush(stdout) != 0 || std::ferror(stdout)) {
        const QString reason = out.device() ? out.device()->errorString() : QString();
        return context.fail(
            reason.isEmpty()
                ? QCoreApplication::translate("main",
                                              "The output could not be written to standard output.")
                : QCoreApplication::translate(
                      "main", "The output could not be written to standard output: %1.")
                      .arg(reason));
    }
    return status;
}
