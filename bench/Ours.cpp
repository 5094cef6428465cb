// SPDX-License-Identifier: Apache-2.0
// hsm-bench-ours: our in-process jobs, through the same HsmClient the CLI and GUI use.
//   secured N          N derivations of an hsm_secured fragment, each a request through
//                      the worker (C_SignInit + C_Sign in the HSM, HKDF in OpenSSL);
//                      prints derivations per second
//   secured-provider N the gateway's way: one hsm_secured provider opened on the worker
//                      and asked for its value N times within one request
//   wrapped N          an hsm_wrapped fragment derived once, then N reads of its value
//                      from locked memory; prints reads per second
//   random BYTES       C_GenerateRandom through the worker in 1 MiB chunks, each written
//                      to stdout, no health tests (the CLI's `random` always tests them)
// The library is $PKCS11_LIB_PATH, the token $HSM_TOKEN_LABEL, the PIN $HSM_PIN, the
// HMAC key $BENCH_KEY_LABEL.
#include "core/client/HsmClient.h"
#include "core/entropy/RandomSource.h"
#include "core/fragment/FragmentProvider.h"
#include "core/pkcs11/ProcessProtection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>

#include <cstdio>
#include <cstdlib>

using namespace hsm;

namespace {

[[noreturn]] void die(const QString &message) {
    std::fprintf(stderr, "hsm-bench-ours: %s\n", qPrintable(message));
    std::exit(1);
}

CK_SLOT_ID openToken(HsmClient &client, bool logIn) {
    if (Result<ModuleInfo> loaded = await(client.load(qEnvironmentVariable("PKCS11_LIB_PATH")));
        !loaded)
        die(loaded.error().toString());
    TokenSelection selection;
    selection.label = {qEnvironmentVariable("HSM_TOKEN_LABEL"), QStringLiteral("HSM_TOKEN_LABEL")};
    Result<SlotInfo> slot = await(client.selectToken(selection));
    if (!slot)
        die(slot.error().toString());
    if (logIn) {
        QByteArray pin = qgetenv("HSM_PIN");
        if (Result<LoginReport> in = await(client.login(slot->id, SecretBytes::take(pin))); !in)
            die(in.error().toString());
    }
    return slot->id;
}

CustomerFragment fragment(FragmentType type) {
    QByteArray seed(64, '\0');
    for (int i = 0; i < seed.size(); ++i)
        seed[i] = static_cast<char>(i * 37 + 11);
    return CustomerFragment::make(QStringLiteral("cf-benchfragment0000001"), seed,
                                  QStringLiteral("bench"), QString(), type,
                                  qEnvironmentVariable("BENCH_KEY_LABEL"));
}

int secured(long count) {
    HsmClient client;
    const CK_SLOT_ID slot = openToken(client, true);
    const CustomerFragment f = fragment(FragmentType::HsmSecured);
    auto once = [&] {
        Result<HsmClient::Derived> d = await(client.deriveFragment(slot, f, false));
        if (!d)
            die(d.error().toString());
    };
    once(); // the key lookup and the first session use are not what is measured
    QElapsedTimer timer;
    timer.start();
    for (long i = 0; i < count; ++i)
        once();
    const double seconds = timer.nsecsElapsed() / 1e9;
    // Which PKCS#11 calls one derivation costs (the profile's first question).
    QMap<QString, int> calls;
    for (const CallRecord &r : client.trace()->snapshot())
        calls[QString::fromLatin1(r.function)] += 1;
    for (auto it = calls.cbegin(); it != calls.cend(); ++it)
        std::fprintf(stderr, "%s: %.2f per derivation\n", qPrintable(it.key()),
                     it.value() / double(count + 1));
    std::printf("%.1f\n", count / seconds);
    return 0;
}

// The gateway's pattern: one provider opened, then used N times, all on the worker.
int securedProvider(long count) {
    HsmClient client;
    const CK_SLOT_ID slot = openToken(client, true);
    const CustomerFragment f = fragment(FragmentType::HsmSecured);
    Result<double> rate = await(
        client.submit<double>([slot, f, count](Module &m, RequestContext &) -> Result<double> {
            Result<Session> session = Session::shared(m, slot);
            if (!session)
                return session.error();
            FragmentDeriver deriver(std::move(session).value());
            Result<std::unique_ptr<FragmentProvider>> provider = FragmentProvider::open(f, deriver);
            if (!provider)
                return provider.error();
            if (Result<SecretBytes> first = provider.value()->value(); !first)
                return first.error(); // looks the key up once
            QElapsedTimer timer;
            timer.start();
            for (long i = 0; i < count; ++i) {
                Result<SecretBytes> v = provider.value()->value();
                if (!v)
                    return v.error();
            }
            return count / (timer.nsecsElapsed() / 1e9);
        }));
    if (!rate)
        die(rate.error().toString());
    std::printf("%.1f\n", rate.value());
    return 0;
}

int wrapped(long count) {
    HsmClient client;
    const CK_SLOT_ID slot = openToken(client, true);
    Result<HsmClient::Derived> d =
        await(client.deriveFragment(slot, fragment(FragmentType::HsmWrapHmac), true));
    if (!d)
        die(d.error().toString());
    WrappedFragmentProvider provider(*d->value);
    d->value.reset();
    size_t total = 0; // used, so the reads cannot be optimized away
    QElapsedTimer timer;
    timer.start();
    for (long i = 0; i < count; ++i) {
        Result<SecretBytes> v = provider.value();
        if (!v)
            die(v.error().toString());
        total += v->size();
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (total != static_cast<size_t>(count) * fragmentDerivation::kOkmSize)
        die(QStringLiteral("short reads"));
    std::printf("%.1f\n", count / seconds);
    return 0;
}

int random(qint64 bytes) {
    HsmClient client;
    const CK_SLOT_ID slot = openToken(client, false);
    Result<Done> out =
        await(client.submit<Done>([slot, bytes](Module &m, RequestContext &) -> Status {
            Result<Session> session = Session::shared(m, slot);
            if (!session)
                return session.error();
            SecretBytes block = SecretBytes::zeroed(std::min<size_t>(entropy::kLargeChunk, bytes));
            for (qint64 done = 0; done < bytes;) {
                const size_t n = static_cast<size_t>(std::min<qint64>(block.size(), bytes - done));
                if (Status s =
                        entropy::hsmRandom(session.value(), block.data(), n, entropy::kLargeChunk);
                    !s)
                    return s.error();
                if (std::fwrite(block.data(), 1, n, stdout) != n)
                    return Error::make(Error::Kind::System, QStringLiteral("writing stdout"));
                done += static_cast<qint64>(n);
            }
            return Done{};
        }));
    if (!out)
        die(out.error().toString());
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    protectProcess(); // as the applications do: secrets on the locked heap
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString job = args.value(1);
    if (job == QLatin1String("secured") && args.size() == 3)
        return secured(args[2].toLong());
    if (job == QLatin1String("secured-provider") && args.size() == 3)
        return securedProvider(args[2].toLong());
    if (job == QLatin1String("wrapped") && args.size() == 3)
        return wrapped(args[2].toLong());
    if (job == QLatin1String("random") && args.size() == 3)
        return random(args[2].toLongLong());
    std::fprintf(stderr, "usage: hsm-bench-ours secured N | wrapped N | random BYTES\n");
    return 2;
}
