// SPDX-License-Identifier: Apache-2.0
#include "tests/support/CliRun.h"

#include "app/cli/CliApplication.h"
#include "core/client/Application.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcessEnvironment>

#include <cstdio>
#include <cstdlib>

namespace hsm::test::cliRun {
namespace {

void setEnvironment(const QStringList &entries) {
    ::clearenv();
    // As QProcess::setEnvironment: a later entry for a name replaces an earlier one.
    for (const QString &entry : entries) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq > 0)
            qputenv(entry.left(eq).toUtf8(), entry.mid(eq + 1).toUtf8());
    }
}

QByteArray contents(FILE *file) {
    QByteArray bytes;
    std::fflush(file);
    std::rewind(file);
    char buffer[65536];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        bytes.append(buffer, static_cast<qsizetype>(n));
    return bytes;
}

FILE *g_messages = nullptr; // the running CLI's standard error

// Qt's messages land in the run's standard error, as they would in the program's.
void toRunStderr(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    std::fputs(qUtf8Printable(qFormatLogMessage(type, context, message) + QLatin1Char('\n')),
               g_messages);
}

// What a run of the CLI may change in this process, put back when the run ends.
class ProcessState {
public:
    ProcessState()
        : m_environment(QProcessEnvironment::systemEnvironment().toStringList())
        , m_directory(QDir::currentPath())
        , m_name(QCoreApplication::applicationName())
        , m_domain(QCoreApplication::organizationDomain())
        , m_organization(QCoreApplication::organizationName())
        , m_version(QCoreApplication::applicationVersion()) {}
    ProcessState(const ProcessState &) = delete;
    ProcessState &operator=(const ProcessState &) = delete;
    ~ProcessState() {
        qInstallMessageHandler(m_handler);
        QCoreApplication::setApplicationName(m_name);
        QCoreApplication::setOrganizationDomain(m_domain);
        QCoreApplication::setOrganizationName(m_organization);
        QCoreApplication::setApplicationVersion(m_version);
        QDir::setCurrent(m_directory);
        setEnvironment(m_environment);
    }
    void routeMessages(FILE *err) {
        g_messages = err;
        m_handler = qInstallMessageHandler(toRunStderr);
    }

private:
    QStringList m_environment;
    QString m_directory;
    QString m_name;
    QString m_domain;
    QString m_organization;
    QString m_version;
    QtMessageHandler m_handler = nullptr;
};

} // namespace

RunResult inProcess(const QStringList &args, const QStringList &environment,
                    const QString &workingDirectory) {
    FILE *in = std::fopen("/dev/null", "r");
    FILE *out = std::tmpfile();
    FILE *err = std::tmpfile();
    if (!in || !out || !err)
        qFatal("cliRun::inProcess: cannot open its standard streams");
    RunResult result;
    {
        ProcessState saved;
        setEnvironment(environment);
        if (!workingDirectory.isEmpty())
            QDir::setCurrent(workingDirectory);
        setApplicationIdentity(); // as main() does
        saved.routeMessages(err);
        QElapsedTimer timer;
        timer.start();
        result.status = cli::CliApplication({in, out, err})
                            .run(QStringList{QStringLiteral(HSM_ADMIN_CLI_PATH)} + args);
        result.ms = timer.elapsed();
    }
    result.out = contents(out);
    result.err = QString::fromUtf8(contents(err));
    std::fclose(in);
    std::fclose(out);
    std::fclose(err);
    return result;
}

RunResult process(const QStringList &args, const QStringList &environment,
                  const QString &workingDirectory, ProcessOptions options) {
    options.environment = environment;
    options.workingDirectory = workingDirectory;
    return processRun::run(QStringLiteral(HSM_ADMIN_CLI_PATH), args, options);
}

} // namespace hsm::test::cliRun
