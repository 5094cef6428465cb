// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/RequestContext.h"
#include "core/client/FutureResult.h"
#include "core/client/Request.h"
#include "core/entropy/EntropyCheck.h"
#include "core/entropy/RandomSource.h"
#include "core/fragment/FragmentDerivation.h"
#include "core/fragment/FragmentEncryption.h"
#include "core/fragment/FragmentGenerator.h"
#include "core/pkcs11/CallTrace.h"
#include "core/pkcs11/LibraryEnvironment.h"
#include "core/pkcs11/Module.h"
#include "core/token/KeyEncryption.h"
#include "core/token/MechanismInfo.h"
#include "core/token/ModuleInfo.h"
#include "core/token/ObjectInfo.h"
#include "core/token/SecretKeys.h"
#include "core/token/SlotInfo.h"
#include "core/token/TokenLogin.h"
#include "core/token/TokenSelection.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace hsm {

class CallWatchdog;
class ModuleWorker;

// The asynchronous face of the core. Each HsmClient owns one worker thread, which loads
// one PKCS#11 library and makes every call into it; the GUI and the CLI only hold
// futures. Requests run one after another in the order they were made. Cancelling a
// future stops a request that has not started, and a long one at its next check.
class HsmClient : public QObject {
    Q_OBJECT
public:
    explicit HsmClient(QObject *parent = nullptr);
    ~HsmClient() override; // unloads the module on its worker, then stops the thread

    // Loads (replacing any loaded module) the library at `path`.
    QFuture<Result<ModuleInfo>> load(const QString &path);
    // The same, with `environment` set for this library only (e.g. the SOFTHSM2_CONF a
    // gateway's env file names); the next load puts the process's own values back.
    QFuture<Result<ModuleInfo>> load(const QString &path,
                                     const libraryEnvironment::Values &environment);
    // Loads the built-in demo HSM, creating its token and key on first use.
    QFuture<Result<ModuleInfo>> loadDemo();
    // C_Finalize + C_Initialize, so that tokens created or inserted since are seen.
    QFuture<Result<ModuleInfo>> reload();
    QFuture<Status> unload();

    QFuture<Result<ModuleInfo>> moduleInfo();
    QFuture<Result<QList<SlotInfo>>> slotList();
    QFuture<Result<QList<MechanismInfo>>> mechanisms(CK_SLOT_ID slot);

    // Resolves the identifiers against the module's current slots (TokenSelector).
    QFuture<Result<SlotInfo>> selectToken(const TokenSelection &selection);
    QFuture<Result<PinState>> pinState(CK_SLOT_ID slot);
    // The PIN is moved in and wiped on the worker right after C_Login.
    QFuture<Result<LoginReport>> login(CK_SLOT_ID slot, SecretBytes pin, LoginOptions options = {});
    QFuture<Status> logout(CK_SLOT_ID slot);
    QFuture<Result<bool>> isLoggedIn(CK_SLOT_ID slot);

    // Every object the token shows (private ones after login). The future carries the rows
    // in chunks, one result per chunk, as they are read; an error ends the stream.
    QFuture<Result<QList<ObjectInfo>>> objects(CK_SLOT_ID slot);
    QFuture<Result<QList<AttributeValue>>> objectDetails(CK_SLOT_ID slot, CK_OBJECT_HANDLE object);
    QFuture<Result<QList<SecretKeyKind>>> creatableKeyKinds(CK_SLOT_ID slot);
    QFuture<Result<ObjectInfo>> createSecretKey(CK_SLOT_ID slot, SecretKeySpec spec);
    QFuture<Result<KeyCheckReport>> checkSecretKey(CK_SLOT_ID slot, QString label);
    // Key-encryption keys for hsm_wrap_encrypt fragments (keyEncryption).
    QFuture<Result<ObjectInfo>> createKek(CK_SLOT_ID slot, KekSpec spec);
    QFuture<Result<bool>> isKek(CK_SLOT_ID slot, QString label);
    QFuture<Result<KekCheckReport>> checkKek(CK_SLOT_ID slot, QString label);

    // A new customer fragment (not yet written anywhere). Without a slot only a standard
    // fragment from the OS's entropy can be made; that needs no module.
    QFuture<Result<CustomerFragment>> generateFragment(std::optional<CK_SLOT_ID> slot,
                                                       FragmentRequest request,
                                                       QSet<QString> takenIds);
    struct Derived {
        QString fingerprint;
        std::shared_ptr<SecretBytes> value; // only when asked for; wiped with the last copy
    };
    // Derives a fragment's value (standard fragments need no slot) and gives its
    // fingerprint, and the value itself only when `reveal` is true.
    QFuture<Result<Derived>> deriveFragment(std::optional<CK_SLOT_ID> slot,
                                            CustomerFragment fragment, bool reveal);

    // Moves an hsm_wrap_encrypt fragment to the KEK `newKek` (fragmentEncryption::rewrap);
    // the caller writes the entry it gets back.
    QFuture<Result<fragmentEncryption::Rewrapped>>
    rewrapFragment(CK_SLOT_ID slot, CustomerFragment fragment, QString newKek,
                   std::optional<WrapAlgorithm> algorithm);

    // `bytes` random bytes from `source` (HSM output health-tested); the OS alone needs no
    // slot and no module.
    QFuture<Result<std::shared_ptr<SecretBytes>>> randomBytes(std::optional<CK_SLOT_ID> slot,
                                                              EntropySource source, qint64 bytes);
    // The same, streamed (entropy::streamRandom): `sink` gets the bytes block by block, in
    // order, on a thread of the core (never the caller's), so any amount fits in two blocks
    // of memory. Progress is reported in bytes; cancelling stops between blocks.
    QFuture<Status> streamRandom(std::optional<CK_SLOT_ID> slot, EntropySource source, qint64 bytes,
                                 entropy::RandomSink sink);
    // The on-demand generator check, with progress; cancel the future to stop it.
    QFuture<Result<EntropyCheckReport>> entropyCheck(CK_SLOT_ID slot, qint64 bytes,
                                                     double minEntropy);

    // Runs `job` on the worker with the loaded module. The building block of every
    // request; answers Error::Kind::NotLoaded when no module is loaded.
    template <typename T>
    QFuture<Result<T>> submit(std::function<Result<T>(Module &, RequestContext &)> job) {
        return request::submit<T>(m_worker, std::move(job));
    }

    // Like submit(), for jobs that hand out results in chunks as they go.
    template <typename T> using ChunkSink = request::ChunkSink<T>;
    template <typename T>
    QFuture<Result<QList<T>>>
    submitChunked(std::function<Status(Module &, RequestContext &, const ChunkSink<T> &)> job) {
        return request::submitChunked<T>(m_worker, std::move(job));
    }

    // The calls made into the current (and earlier) modules of this client.
    std::shared_ptr<CallTrace> trace() const { return m_trace; }
    QThread *workerThread() const { return m_thread; }

    // How long one PKCS#11 call may take before the request it belongs to is abandoned
    // with an Error::Kind::Timeout (zero: wait for ever). The call itself cannot be
    // interrupted: the worker, and every request after it, waits until the library
    // answers, and the library is never unloaded under a running call.
    void setCallTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds callTimeout() const;
    static constexpr std::chrono::milliseconds kDefaultCallTimeout{30000};

Q_SIGNALS:
    void moduleChanged(); // a module was loaded, reloaded or unloaded

private:
    std::shared_ptr<CallTrace> m_trace;
    QThread *m_thread = nullptr;
    ModuleWorker *m_worker = nullptr; // lives on m_thread
    std::unique_ptr<CallWatchdog> m_watchdog;
};

// Every chunk of a chunked request joined, or its error.
template <typename T> Result<QList<T>> awaitAll(QFuture<Result<QList<T>>> future) {
    future.waitForFinished();
    if (future.isCanceled())
        return Error::cancelled();
    QList<T> all;
    for (int i = 0; i < future.resultCount(); ++i) {
        Result<QList<T>> chunk = future.resultAt(i);
        if (!chunk)
            return chunk.error();
        all.append(std::move(chunk).value());
    }
    return all;
}

// Waits for a request and gives its result, or a Cancelled error. For the CLI and tests;
// the GUI watches futures instead.
template <typename T> Result<T> await(QFuture<Result<T>> future) {
    future.waitForFinished();
    return finishedResult(future);
}

} // namespace hsm
