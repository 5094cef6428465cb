// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CallTraceFile.h"

namespace hsm::cli {

CallTraceFile::~CallTraceFile() {
    if (!m_trace)
        return;
    // Never a device or a pipe (OutputFile); the same text as the call log's Save.
    const Status written = writeCallTrace(m_path, m_trace->snapshot());
    if (!written)
        *m_err << tr("warning: the call trace was not written: %1").arg(written.error().message)
               << Qt::endl;
}

void CallTraceFile::follow(const QString &path, std::shared_ptr<CallTrace> trace,
                           QTextStream &err) {
    m_path = path;
    m_trace = std::move(trace);
    m_err = &err;
}

} // namespace hsm::cli
