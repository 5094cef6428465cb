// SPDX-License-Identifier: Apache-2.0
#include "core/client/HsmClient.h"

#include "core/client/CallWatchdog.h"
#include "core/client/ModuleWorker.h"
#include "core/fragment/FragmentDerivation.h"
#include "core/pkcs11/Session.h"
#include "core/token/AttributeDetails.h"
#include "core/token/DemoHsm.h"
#include "core/token/Inventory.h"
#include "core/token/ObjectReader.h"
#include "core/token/TokenSelector.h"

#include <openssl/crypto.h>

#include <cstring>

namespace hsm {
namespace {

constexpr int kShutdownGrace = 5000; // ms to wait for a running request at shutdown

// A request on the worker itself, which may run without a module (loading one, for one).
template <typename T>
QFuture<Result<T>> onWorker(ModuleWorker *worker,
                            std::function<Result<T>(ModuleWorker &, RequestContext &)> job) {
    return request::post<Result<T>>(
        worker,
        [job = std::move(job)](ModuleWorker &w, PromiseContext<Result<T>> &context)
            -> std::optional<Result<T>> { return job(w, context); });
}

// Runs `job` on the token's shared session, and once more on a new session when the
// module dropped the first (Error::isSessionLost(), e.g. after an HSM restart) and
// `mayRetry` agrees: a job that has handed something out cannot take it back. The one
// place that decides to run a job again.
template <typename T>
Result<T> onSharedSession(
    Module &module, CK_SLOT_ID slot, const std::function<Result<T>(Session &)> &job,
    const std::function<bool()> &mayRetry = [] { return true; }) {
    Result<Session> session = Session::shared(module, slot);
    if (!session)
        return session.error();
    Result<T> result = job(session.value());
    if (result || !result.error().isSessionLost() || !mayRetry())
        return result;
    // The wrapper has already forgotten the dead session; this opens a new one.
    session = Session::shared(module, slot);
    if (!session)
        return session.error();
    return job(session.value());
}

enum class Login { NotNeeded, Needed };

// onSharedSession(). A job that needs a login and fails on a token that is not logged in
// (any more) says so, so that the user is asked for the PIN again.
template <typename T>
Result<T> onTokenSession(Module &module, CK_SLOT_ID slot, Login login,
                         const std::function<Result<T>(Session &)> &job) {
    Result<T> result = onSharedSession<T>(module, slot, job);
    if (result || login == Login::NotNeeded)
        return result;
    Error error = result.error();
    const bool notLoggedIn = error.rv == CKR_USER_NOT_LOGGED_IN || [&] {
        Result<bool> in = tokenLogin::isLoggedIn(module, slot);
        return in && !in.value();
    }();
    if (notLoggedIn) {
        error.kind = Error::Kind::NeedsLogin;
        error.message = QStringLiteral("The token is not logged in (the HSM may have closed the "
                                       "session, e.g. after a restart); log in and try again. ") +
                        error.message;
    }
    return error;
}

} // namespace

HsmClient::HsmClient(QObject *parent)
    : QObject(parent)
    , m_trace(std::make_shared<CallTrace>())
    , m_thread(new QThread(this))
    , m_worker(new ModuleWorker(m_trace)) {
    m_thread->setObjectName(QStringLiteral("pkcs11-worker"));
    m_worker->moveToThread(m_thread);
    // OpenSSL keeps per-thread state for the worker (a module's C_Initialize and our
    // derivations use it there). Free it on the worker before wait() returns: QThread's
    // threads are detached, and a process that exits right after, like the CLI, would
    // otherwise race OpenSSL's exit-time clean-up against the thread's own and leak it.
    connect(
        m_thread, &QThread::finished, m_thread, [] { OPENSSL_thread_stop(); },
        Qt::DirectConnection);
    m_thread->start();
    // Stopped first in the destructor, so it never reaches a deleted worker.
    m_watchdog = std::make_unique<CallWatchdog>(
        m_trace, kDefaultCallTimeout,
        [worker = m_worker](const Error &error) { worker->abandonRunning(error); });
}

HsmClient::~HsmClient() {
    m_watchdog.reset();
    // The module is finalized and unloaded on the thread that used it, after whatever
    // request is still running there.
    request::dispatch(m_worker, [](ModuleWorker &worker) { worker.unload(); });
    m_thread->quit();
    if (m_thread->wait(QDeadlineTimer(kShutdownGrace))) {
        delete m_worker;
        return;
    }
    // A library call that never returns: unloading the library under it would crash, and
    // waiting would hang the application's exit. Leave both to the end of the process.
    qWarning("A PKCS#11 call has not returned; the library is left loaded.");
    m_thread->setParent(nullptr);
}

void HsmClient::setCallTimeout(std::chrono::milliseconds timeout) {
    m_watchdog->setTimeout(timeout);
}

std::chrono::milliseconds HsmClient::callTimeout() const {
    return m_watchdog->timeout();
}

QFuture<Result<ModuleInfo>> HsmClient::load(const QString &path) {
    return load(path, {});
}

QFuture<Result<ModuleInfo>> HsmClient::load(const QString &path,
                                            const libraryEnvironment::Values &environment) {
    return onWorker<ModuleInfo>(m_worker,
                                [this, path, environment](ModuleWorker &w, RequestContext &) {
                                    Result<ModuleInfo> r = w.load(path, false, environment);
                                    Q_EMIT moduleChanged();
                                    return r;
                                });
}

QFuture<Result<ModuleInfo>> HsmClient::loadDemo() {
    return onWorker<ModuleInfo>(m_worker, [this](ModuleWorker &w, RequestContext &) {
        Status prepared = demoHsm::prepare();
        Result<ModuleInfo> r = prepared
                                   ? w.load(demoHsm::modulePath(), true, demoHsm::environment())
                                   : Result<ModuleInfo>(prepared.error());
        Q_EMIT moduleChanged();
        return r;
    });
}

QFuture<Result<ModuleInfo>> HsmClient::reload() {
    return onWorker<ModuleInfo>(m_worker, [this](ModuleWorker &w, RequestContext &) {
        Result<ModuleInfo> r = w.reload();
        Q_EMIT moduleChanged();
        return r;
    });
}

QFuture<Status> HsmClient::unload() {
    return onWorker<Done>(m_worker, [this](ModuleWorker &w, RequestContext &) {
        w.unload();
        Q_EMIT moduleChanged();
        return Status(Done{});
    });
}

QFuture<Result<ModuleInfo>> HsmClient::moduleInfo() {
    return onWorker<ModuleInfo>(m_worker,
                                [](ModuleWorker &w, RequestContext &) { return w.info(); });
}
QFuture<Result<QList<SlotInfo>>> HsmClient::slotList() {
    return submit<QList<SlotInfo>>(
        [](Module &m, RequestContext &c) { return inventory::slots(m, &c); });
}

QFuture<Result<QList<MechanismInfo>>> HsmClient::mechanisms(CK_SLOT_ID slot) {
    return submit<QList<MechanismInfo>>(
        [slot](Module &m, RequestContext &c) { return inventory::mechanisms(m, slot, &c); });
}

QFuture<Result<SlotInfo>> HsmClient::selectToken(const TokenSelection &selection) {
    return submit<SlotInfo>([selection](Module &m, RequestContext &) -> Result<SlotInfo> {
        if (Status valid = selection.validate(); !valid)
            return valid.error(); // before any call: the HSM never sees it
        Result<QList<SlotInfo>> slots = inventory::slots(m);
        if (!slots)
            return slots.error();
        return TokenSelector(slots.value()).select(selection);
    });
}

QFuture<Result<PinState>> HsmClient::pinState(CK_SLOT_ID slot) {
    return submit<PinState>(
        [slot](Module &m, RequestContext &) { return tokenLogin::pinState(m, slot); });
}

QFuture<Result<LoginReport>> HsmClient::login(CK_SLOT_ID slot, SecretBytes pin,
                                              LoginOptions options) {
    // std::function needs a copyable job: share the PIN rather than copy it.
    auto shared = std::make_shared<SecretBytes>(std::move(pin));
    return submit<LoginReport>([slot, shared, options](Module &m, RequestContext &) {
        return tokenLogin::login(m, slot, std::move(*shared), options);
    });
}

QFuture<Status> HsmClient::logout(CK_SLOT_ID slot) {
    return submit<Done>(
        [slot](Module &m, RequestContext &) { return tokenLogin::logout(m, slot); });
}

QFuture<Result<bool>> HsmClient::isLoggedIn(CK_SLOT_ID slot) {
    return submit<bool>(
        [slot](Module &m, RequestContext &) { return tokenLogin::isLoggedIn(m, slot); });
}

QFuture<Result<QList<ObjectInfo>>> HsmClient::objects(CK_SLOT_ID slot) {
    return submitChunked<ObjectInfo>(
        [slot](Module &m, RequestContext &c, const ChunkSink<ObjectInfo> &sink) -> Status {
            // Rows already handed out cannot be taken back, so a listing is not retried.
            Result<Session> session = Session::shared(m, slot);
            if (!session)
                return session.error();
            return objectReader::list(session.value(), &c, sink);
        });
}

QFuture<Result<QList<AttributeValue>>> HsmClient::objectDetails(CK_SLOT_ID slot,
                                                                CK_OBJECT_HANDLE object) {
    return submit<QList<AttributeValue>>([slot, object](Module &m, RequestContext &) {
        return onTokenSession<QList<AttributeValue>>(
            m, slot, Login::NotNeeded,
            [object](Session &session) { return attributeDetails::read(session, object); });
    });
}

QFuture<Result<QList<SecretKeyKind>>> HsmClient::creatableKeyKinds(CK_SLOT_ID slot) {
    return submit<QList<SecretKeyKind>>(
        [slot](Module &m, RequestContext &) { return secretKeys::creatableKinds(m, slot); });
}

QFuture<Result<ObjectInfo>> HsmClient::createSecretKey(CK_SLOT_ID slot, SecretKeySpec spec) {
    return submit<ObjectInfo>([slot, spec](Module &m, RequestContext &) {
        return onTokenSession<ObjectInfo>(m, slot, Login::Needed, [&spec](Session &session) {
            return secretKeys::create(session, spec);
        });
    });
}

QFuture<Result<KeyCheckReport>> HsmClient::checkSecretKey(CK_SLOT_ID slot, QString label) {
    return submit<KeyCheckReport>([slot, label](Module &m, RequestContext &) {
        return onTokenSession<KeyCheckReport>(m, slot, Login::Needed, [&label](Session &session) {
            return secretKeys::check(session, label);
        });
    });
}

QFuture<Result<ObjectInfo>> HsmClient::createKek(CK_SLOT_ID slot, KekSpec spec) {
    return submit<ObjectInfo>([slot, spec](Module &m, RequestContext &) {
        return onTokenSession<ObjectInfo>(m, slot, Login::Needed, [&spec](Session &session) {
            return keyEncryption::create(session, spec);
        });
    });
}

QFuture<Result<bool>> HsmClient::isKek(CK_SLOT_ID slot, QString label) {
    return submit<bool>([slot, label](Module &m, RequestContext &) {
        return onTokenSession<bool>(m, slot, Login::Needed, [&label](Session &session) {
            return keyEncryption::isKek(session, label);
        });
    });
}

QFuture<Result<KekCheckReport>> HsmClient::checkKek(CK_SLOT_ID slot, QString label) {
    return submit<KekCheckReport>([slot, label](Module &m, RequestContext &) {
        return onTokenSession<KekCheckReport>(m, slot, Login::Needed, [&label](Session &session) {
            return keyEncryption::check(session, label);
        });
    });
}

QFuture<Result<fragmentEncryption::Rewrapped>>
HsmClient::rewrapFragment(CK_SLOT_ID slot, CustomerFragment fragment, QString newKek,
                          std::optional<WrapAlgorithm> algorithm) {
    using Rewrapped = fragmentEncryption::Rewrapped;
    return submit<Rewrapped>([slot, fragment, newKek, algorithm](Module &m, RequestContext &) {
        return onTokenSession<Rewrapped>(m, slot, Login::Needed, [&](Session &session) {
            return fragmentEncryption::rewrap(session, fragment, newKek, algorithm);
        });
    });
}

QFuture<Result<CustomerFragment>> HsmClient::generateFragment(std::optional<CK_SLOT_ID> slot,
                                                              FragmentRequest request,
                                                              QSet<QString> takenIds) {
    return onWorker<CustomerFragment>(
        m_worker,
        [slot, request, takenIds](ModuleWorker &w, RequestContext &) -> Result<CustomerFragment> {
            if (!slot)
                return fragmentGenerator::generate(request, nullptr, takenIds);
            if (!w.module())
                return Error::notLoaded();
            return onTokenSession<CustomerFragment>(
                *w.module(), *slot, Login::Needed, [&](Session &session) {
                    return fragmentGenerator::generate(request, &session, takenIds);
                });
        });
}

QFuture<Result<HsmClient::Derived>>
HsmClient::deriveFragment(std::optional<CK_SLOT_ID> slot, CustomerFragment fragment, bool reveal) {
    return onWorker<Derived>(
        m_worker, [slot, fragment, reveal](ModuleWorker &w, RequestContext &) -> Result<Derived> {
            auto deriveValue = [&]() -> Result<SecretBytes> {
                if (fragment.type() == FragmentType::Standard)
                    return fragmentDerivation::seed(fragment);
                if (fragment.type() == FragmentType::Unknown)
                    return Error::make(Error::Kind::Input,
                                       QStringLiteral("%1 is of type '%2', which this version "
                                                      "cannot derive.")
                                           .arg(fragment.id(), fragment.typeName()));
                // Says which fragment needs the HSM: without a slot the module may well be
                // loaded, so "no library is loaded" would mislead.
                if (!slot || !w.module())
                    return Error::make(Error::Kind::NotLoaded,
                                       QStringLiteral("Deriving a %1 fragment needs the HSM.")
                                           .arg(fragment.typeName()));
                KeyHandles &keys = w.derivationKeys(*slot);
                return onTokenSession<SecretBytes>(
                    *w.module(), *slot, Login::Needed, [&fragment, &keys](Session &session) {
                        FragmentDeriver deriver(std::move(session), &keys);
                        return deriver.derive(fragment);
                    });
            };
            Result<SecretBytes> value = deriveValue();
            if (!value)
                return value.error();
            Derived out;
            out.fingerprint = fragmentDerivation::fingerprint(value.value());
            if (reveal)
                out.value = std::make_shared<SecretBytes>(std::move(value).value());
            return out;
        });
}

namespace {

// entropy::streamRandom on the worker, once more on a new session when the HSM dropped the
// first before anything was given.
Status streamOnWorker(ModuleWorker &w, RequestContext &c, std::optional<CK_SLOT_ID> slot,
                      EntropySource source, qint64 bytes, const entropy::RandomSink &sink) {
    if (bytes < 0)
        return Error::make(Error::Kind::Input, QStringLiteral("A negative number of bytes."));
    quint64 delivered = 0;
    const auto stream = [&](Session *session) {
        return entropy::streamRandom(source, session, static_cast<quint64>(bytes), sink,
                                     HealthTests::kDefaultMinEntropy, &c, &delivered);
    };
    if (!slot)
        return stream(nullptr);
    if (!w.module())
        return Error::notLoaded();
    return onSharedSession<Done>(
        *w.module(), *slot, [&](Session &session) { return stream(&session); },
        [&] { return delivered == 0; });
}

} // namespace

QFuture<Result<std::shared_ptr<SecretBytes>>>
HsmClient::randomBytes(std::optional<CK_SLOT_ID> slot, EntropySource source, qint64 bytes) {
    using R = Result<std::shared_ptr<SecretBytes>>;
    return onWorker<std::shared_ptr<SecretBytes>>(
        m_worker, [slot, source, bytes](ModuleWorker &w, RequestContext &c) -> R {
            auto out = std::make_shared<SecretBytes>(
                SecretBytes::zeroed(static_cast<size_t>(std::max<qint64>(bytes, 0))));
            size_t filled = 0;
            const Status s = streamOnWorker(w, c, slot, source, bytes,
                                            [&](const unsigned char *data, size_t n) -> Status {
                                                std::memcpy(out->data() + filled, data, n);
                                                filled += n;
                                                return Done{};
                                            });
            if (!s)
                return s.error();
            return out;
        });
}

QFuture<Status> HsmClient::streamRandom(std::optional<CK_SLOT_ID> slot, EntropySource source,
                                        qint64 bytes, entropy::RandomSink sink) {
    return onWorker<Done>(m_worker, [slot, source, bytes,
                                     sink = std::move(sink)](ModuleWorker &w, RequestContext &c) {
        return streamOnWorker(w, c, slot, source, bytes, sink);
    });
}

QFuture<Result<EntropyCheckReport>> HsmClient::entropyCheck(CK_SLOT_ID slot, qint64 bytes,
                                                            double minEntropy) {
    return submit<EntropyCheckReport>(
        [slot, bytes, minEntropy](Module &m, RequestContext &c) -> Result<EntropyCheckReport> {
            Result<Session> session = Session::shared(m, slot);
            if (!session)
                return session.error();
            return entropy::check(session.value(), bytes, &c, minEntropy);
        });
}

} // namespace hsm
