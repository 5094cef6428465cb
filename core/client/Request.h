// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/RequestContext.h"
#include "core/base/Result.h"
#include "core/client/PromiseContext.h"

#include <QFuture>
#include <QList>
#include <QPromise>

#include <functional>
#include <memory>
#include <optional>

namespace hsm {

class Module;
class ModuleWorker;

// How HsmClient's requests reach its worker thread and come back as futures. Internal to
// core/client: HsmClient.h includes it for its request templates (submit(),
// submitChunked()), which is why the worker only appears here by name.
namespace request {

// What the templates need of the worker, in Request.cpp.
void dispatch(ModuleWorker *worker, std::function<void(ModuleWorker &)> task);
void runAbandonable(ModuleWorker &worker, std::function<void(const Error &)> abandon,
                    const std::function<void()> &job);
Module *loadedModule(const ModuleWorker &worker);

// The one path from a job to its future. The job runs on the worker unless the future
// was cancelled before; it hands out results through the context, and what it returns
// is the last one (nothing for a job that handed out all its chunks). While it runs the
// watchdog may abandon it: the future then ends with that error, and whatever the job
// adds afterwards is dropped.
template <typename R>
QFuture<R> post(ModuleWorker *worker,
                std::function<std::optional<R>(ModuleWorker &, PromiseContext<R> &)> job) {
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    dispatch(worker, [promise, job = std::move(job)](ModuleWorker &w) {
        if (!promise->isCanceled()) {
            PromiseContext<R> context(*promise);
            std::optional<R> last;
            runAbandonable(
                w,
                [promise](const Error &error) {
                    promise->addResult(R(error));
                    promise->finish();
                },
                [&] { last = job(w, context); });
            if (last)
                context.add(std::move(*last));
        }
        promise->finish();
    });
    return future;
}

// post() for a job that needs the loaded module: Error::Kind::NotLoaded without one.
template <typename R>
QFuture<R> postWithModule(ModuleWorker *worker,
                          std::function<std::optional<R>(Module &, PromiseContext<R> &)> job) {
    return post<R>(
        worker,
        [job = std::move(job)](ModuleWorker &w, PromiseContext<R> &context) -> std::optional<R> {
            Module *module = loadedModule(w);
            if (!module)
                return R(Error::notLoaded());
            return job(*module, context);
        });
}

// HsmClient::submit().
template <typename T>
QFuture<Result<T>> submit(ModuleWorker *worker,
                          std::function<Result<T>(Module &, RequestContext &)> job) {
    return postWithModule<Result<T>>(worker, std::move(job));
}

template <typename T> using ChunkSink = std::function<void(QList<T> &&)>;

// HsmClient::submitChunked(): each chunk the job gives is one result of the future, and
// its error, if any, the last.
template <typename T>
QFuture<Result<QList<T>>>
submitChunked(ModuleWorker *worker,
              std::function<Status(Module &, RequestContext &, const ChunkSink<T> &)> job) {
    using R = Result<QList<T>>;
    return postWithModule<R>(
        worker,
        [job = std::move(job)](Module &module, PromiseContext<R> &context) -> std::optional<R> {
            const ChunkSink<T> sink = [&context](QList<T> &&chunk) {
                context.add(R(std::move(chunk)));
            };
            const Status done = job(module, context, sink);
            if (!done)
                return R(done.error());
            return std::nullopt;
        });
}

} // namespace request
} // namespace hsm
