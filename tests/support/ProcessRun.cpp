// SPDX-License-Identifier: Apache-2.0
#include "tests/support/ProcessRun.h"

#include <QElapsedTimer>
#include <QProcess>

namespace hsm::test::processRun {

RunResult run(const QString &program, const QStringList &args, const ProcessOptions &options) {
    QProcess p;
    if (!options.environment.isEmpty())
        p.setEnvironment(options.environment);
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    if (options.childSetup)
        p.setChildProcessModifier(options.childSetup);
    if (!options.stdoutFile.isEmpty())
        p.setStandardOutputFile(options.stdoutFile);
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    p.closeWriteChannel();
    const bool ended = p.waitForFinished(options.timeoutMs);
    return {ended && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError()),
            timer.elapsed()};
}

} // namespace hsm::test::processRun
