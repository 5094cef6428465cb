// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CliApplication.h"

#include "app/cli/CallTraceFile.h"
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
#include "app/cli/RewrapCustomerFragmentCommand.h"
#include "app/cli/SlotsCommand.h"
#include "core/files/OutputFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>

#include <algorithm>
#include <sys/stat.h>

namespace hsm::cli {
namespace {

// Whether two paths name one file: the same inode when both exist (through links too),
// else the same absolute path.
bool sameFile(const QString &a, const QString &b) {
    struct stat sa {};
    struct stat sb {};
    if (::stat(QFile::encodeName(a).constData(), &sa) == 0 &&
        ::stat(QFile::encodeName(b).constData(), &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    return QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
}

// An output that names one of the run's other files (--trace naming the fragments file,
// --out naming the PIN file or the library) would destroy it: refused before anything is
// read or written. Returns the refusal, or an empty string.
QString outputNamingAnotherFile(const CommandContext &context, const QStringList &known) {
    // The files a command reads or writes, by option; --output and --input-file are both
    // read and written.
    static const QStringList files = {
        QStringLiteral("trace"),      QStringLiteral("out"),       QStringLiteral("output"),
        QStringLiteral("input-file"), QStringLiteral("fragments"), QStringLiteral("env-file"),
        QStringLiteral("docker-run"), QStringLiteral("pin-file"),  QStringLiteral("module")};
    static const QStringList outputs = {QStringLiteral("trace"), QStringLiteral("out"),
                                        QStringLiteral("output"), QStringLiteral("input-file")};
    QList<QPair<QString, QString>> named; // option, path
    for (const QString &option : files) {
        if (!known.contains(option))
            continue;
        QString path = context.value(option);
        if (path.isEmpty() && option == QLatin1String("module"))
            path = qEnvironmentVariable("PKCS11_LIB_PATH");
        if (!path.isEmpty())
            named.append({option, path});
    }
    for (const auto &[output, path] : named) {
        if (!outputs.contains(output))
            continue;
        for (const auto &[other, otherPath] : named) {
            if (other == output || !sameFile(path, otherPath))
                continue;
            return QCoreApplication::translate(
                       "main", "--%1 names %2, which is also the file of --%3; nothing was "
                               "written. Give --%1 a file of its own.")
                .arg(output, path, other);
        }
    }
    return QString();
}

} // namespace

CliApplication::CliApplication(StandardStreams streams)
    : m_streams(streams) {
    m_commands.push_back(std::make_unique<ModulesCommand>());
    m_commands.push_back(std::make_unique<SlotsCommand>());
    m_commands.push_back(std::make_unique<MechanismsCommand>());
    m_commands.push_back(std::make_unique<LoginCheckCommand>());
    m_commands.push_back(std::make_unique<ObjectsCommand>());
    m_commands.push_back(std::make_unique<CreateKeyCommand>());
    m_commands.push_back(std::make_unique<CheckKeyCommand>());
    m_commands.push_back(std::make_unique<RandomCommand>());
    m_commands.push_back(std::make_unique<EntropyCheckCommand>());
    m_commands.push_back(std::make_unique<GenCustomerFragmentCommand>());
    m_commands.push_back(std::make_unique<RewrapCustomerFragmentCommand>());
    m_commands.push_back(std::make_unique<DeriveCommand>());
    m_commands.push_back(std::make_unique<FragmentsCommand>());
    m_commands.push_back(std::make_unique<PreflightCommand>());
    m_commands.push_back(std::make_unique<ExportConfigCommand>());
    m_commands.push_back(std::make_unique<ProbeCommand>());
}

CliApplication::~CliApplication() = default;

QString CliApplication::commandList() const {
    QString text = QCoreApplication::translate("main", "Commands:") + QLatin1Char('\n');
    qsizetype width = 0;
    for (const auto &c : m_commands)
        width = std::max(width, c->name().size());
    for (const auto &c : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(c->name().leftJustified(width), c->summary());
    return text;
}

Command *CliApplication::find(const QString &name) const {
    Command *command = nullptr;
    for (const auto &c : m_commands) {
        if (c->name() == name)
            command = c.get();
    }
    return command;
}

int CliApplication::run(const QStringList &arguments) {
    QTextStream out(m_streams.out);
    QTextStream err(m_streams.err);

    // First pass: the global options and the command name; everything after the command
    // name is the command's own.
    QCommandLineParser globals;
    globals.setApplicationDescription(
        QCoreApplication::translate("main",
                                    "Administer the PKCS#11 HSM behind the secrets gateway.") +
        QStringLiteral("\n\n") + commandList());
    globals.addOptions(globalOptions());
    const QCommandLineOption help = globals.addHelpOption();
    const QCommandLineOption version = globals.addVersionOption();
    globals.addPositionalArgument(QStringLiteral("command"),
                                  QCoreApplication::translate("main", "The command to run."),
                                  QCoreApplication::translate("main", "<command> [options]"));
    globals.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!globals.parse(arguments)) {
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

    Command *command = find(rest.first());
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
    return runCommand(*command, globals, own, out, err);
}

int CliApplication::runCommand(Command &command, const QCommandLineParser &globals,
                               const QCommandLineParser &own, QTextStream &out, QTextStream &err) {
    // Declared before the client, so the file is written after the client has unloaded
    // the module and C_Finalize is in it too.
    CallTraceFile traceFile;
    HsmClient client;
    CommandContext context(globals, own, client, out, err, m_streams);
    QStringList known;
    for (const QCommandLineOption &option : globalOptions() + command.options())
        known << option.names();
    if (const QString problem = outputNamingAnotherFile(context, known); !problem.isEmpty())
        return context.usage(problem);
    if (context.isSet(QStringLiteral("trace"))) {
        // A target that can never be written is refused before the HSM is touched.
        const QString tracePath = context.value(QStringLiteral("trace"));
        if (const QString problem = OutputFile::checkTarget(tracePath); !problem.isEmpty())
            return context.fail(problem);
        traceFile.follow(tracePath, client.trace(), err);
    }
    const QString format = context.value(QStringLiteral("format"));
    if (command.usesOutputFormat() && format != QLatin1String("text") &&
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
    if (command.needsModule()) {
        if (Status loaded = context.loadModule(); !loaded)
            return context.fail(loaded.error());
    }
    const int status = command.run(context);
    // Output that did not reach its file (a full disk, a closed pipe) is a failure, not a
    // silent success with half a deployment file.
    out.flush();
    if (out.status() != QTextStream::Ok || std::fflush(m_streams.out) != 0 ||
        std::ferror(m_streams.out)) {
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

} // namespace hsm::cli
