#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace hsm::test {

// One run of the built hsm-admin-cli: exit status (-1 when it crashed), stdout, stderr.
struct CliRun {
    int status = -1;
    QByteArray out;
    QString err;

    // Runs the CLI with `args` in `workingDirectory`, with exactly `environment` (use
    // SoftHsmFixture::environment() plus what the test adds). `childSetup` runs in the
    // child before exec (e.g. to lower a resource limit).
    static CliRun run(const QStringList &args, const QStringList &environment,
                      const QString &workingDirectory,
                      const std::function<void()> &childSetup = {});
};

} // namespace hsm::test
