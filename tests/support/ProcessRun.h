// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/RunResult.h"

#include <QStringList>

#include <functional>

namespace hsm::test {

struct ProcessOptions {
    QStringList environment;          // exactly this; empty: this process's own
    QString workingDirectory;         // empty: this process's
    std::function<void()> childSetup; // runs in the child before exec (e.g. to lower a limit)
    QString stdoutFile;               // standard output into this file instead of `out`
    int timeoutMs = 120000;
};

namespace processRun {

// Runs `program` to its end with standard input closed, so it is never a terminal.
RunResult run(const QString &program, const QStringList &args, const ProcessOptions &options = {});

} // namespace processRun
} // namespace hsm::test
