// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdio>

namespace hsm::cli {

// The standard streams of one run of the CLI: the process's own in main(), temporary files
// when a test runs the CLI in its own process. Text goes through QTextStreams on `out` and
// `err`; random's raw bytes go to `out` as they are, and a PIN prompt reads `in`.
struct StandardStreams {
    FILE *in = stdin;
    FILE *out = stdout;
    FILE *err = stderr;
};

} // namespace hsm::cli
