// SPDX-License-Identifier: Apache-2.0
#include "core/client/Request.h"

#include "core/client/ModuleWorker.h"

namespace hsm::request {

void dispatch(ModuleWorker *worker, std::function<void(ModuleWorker &)> task) {
    QMetaObject::invokeMethod(
        worker, [worker, task = std::move(task)] { task(*worker); }, Qt::QueuedConnection);
}

void runAbandonable(ModuleWorker &worker, std::function<void(const Error &)> abandon,
                    const std::function<void()> &job) {
    worker.runAbandonable(std::move(abandon), job);
}

Module *loadedModule(const ModuleWorker &worker) {
    return worker.module();
}

} // namespace hsm::request
