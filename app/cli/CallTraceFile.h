// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pkcs11/CallTrace.h"

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

#include <memory>

namespace hsm::cli {

// Writes the call trace of the run to a file when the run ends, however it ends.
class CallTraceFile {
    Q_DECLARE_TR_FUNCTIONS(CallTraceFile)

public:
    CallTraceFile() = default;
    CallTraceFile(const CallTraceFile &) = delete;
    CallTraceFile &operator=(const CallTraceFile &) = delete;
    ~CallTraceFile();

    void follow(const QString &path, std::shared_ptr<CallTrace> trace, QTextStream &err);

private:
    QString m_path;
    std::shared_ptr<CallTrace> m_trace;
    QTextStream *m_err = nullptr;
};

} // namespace hsm::cli
