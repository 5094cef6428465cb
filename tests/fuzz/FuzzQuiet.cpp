// SPDX-License-Identifier: Apache-2.0
// Shared by the fuzz targets: Qt's warnings about the odd inputs they are fed ("Broken
// filename passed to function" for a NUL in a path, ...) would flood the output and slow
// the runs; findings are crashes and aborts, never messages.
#include <QtGlobal>

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    return 0;
}
