// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace hsm::test {

// What a run of a program (or of the CLI in this process) left: its exit status (-1 when
// it crashed or did not end in time), standard output and error, and how long it took.
struct RunResult {
    int status = -1;
    QByteArray out;
    QString err;
    qint64 ms = 0;
};

} // namespace hsm::test
