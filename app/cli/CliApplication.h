// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/StandardStreams.h"

#include <QStringList>

#include <memory>
#include <vector>

class QCommandLineParser;
class QTextStream;

namespace hsm::cli {

class Command;

// hsm-admin-cli without the process around it: parses the arguments, picks the command,
// loads the selected module and runs the command. main() hands it the process's standard
// streams; tests hand it temporary files and run it in their own process. The caller has
// made the QCoreApplication, named it (setApplicationIdentity) and installed the
// translation.
class CliApplication {
public:
    explicit CliApplication(StandardStreams streams = {});
    ~CliApplication();

    // The arguments as main() has them, the program's name first. Returns the exit
    // status: 0 success, 1 failure, 2 usage error.
    int run(const QStringList &arguments);

private:
    QString commandList() const;
    Command *find(const QString &name) const;
    int runCommand(Command &command, const QCommandLineParser &globals,
                   const QCommandLineParser &own, QTextStream &out, QTextStream &err);

    StandardStreams m_streams;
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace hsm::cli
