// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/ProcessRun.h"

namespace hsm::test::cliRun {

// hsm-admin-cli with `args`, with exactly `environment` (SoftHsmFixture::environment()
// plus what the test adds), in `workingDirectory`, standard input not a terminal.

// In this process, through the CLI library's CliApplication (the test links hsmcli): no
// process to start, so a run costs what the command costs. The environment, the working
// folder, the application's names and Qt's message handler are put back afterwards;
// translations are never installed (--lang is read by main() only).
RunResult inProcess(const QStringList &args, const QStringList &environment,
                    const QString &workingDirectory);

// The built program in its own process, for what only a process shows: start-up in a
// given locale, --lang, resource limits, standard output into a file, the fault module's
// per-process state, calls that hang.
RunResult process(const QStringList &args, const QStringList &environment,
                  const QString &workingDirectory, ProcessOptions options = {});

} // namespace hsm::test::cliRun
