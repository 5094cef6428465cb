#include "tests/support/CliRun.h"

#include <QProcess>

namespace hsm::test {

CliRun CliRun::run(const QStringList &args, const QStringList &environment,
                   const QString &workingDirectory, const std::function<void()> &childSetup) {
    QProcess p;
    p.setEnvironment(environment);
    p.setWorkingDirectory(workingDirectory);
    if (childSetup)
        p.setChildProcessModifier(childSetup);
    p.start(QStringLiteral(HSM_ADMIN_CLI_PATH), args);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace hsm::test
