// SPDX-License-Identifier: Apache-2.0
#include "core/entropy/RandomSource.h"

#include "core/base/RequestContext.h"
#include "core/token/Inventory.h"

#include <openssl/rand.h>

#include <array>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

namespace hsm::entropy {

QString sourceName(EntropySource source) {
    switch (source) {
    case EntropySource::Hsm:
        return QStringLiteral("hsm");
    case EntropySource::Os:
        return QStringLiteral("os");
    case EntropySource::Mixed:
        break;
    }
    return QStringLiteral("mixed");
}

bool parseSource(const QString &name, EntropySource *source) {
    for (EntropySource s : {EntropySource::Hsm, EntropySource::Os, EntropySource::Mixed}) {
        if (sourceName(s) == name) {
            *source = s;
            return true;
        }
    }
    return false;
}

Status hsmRandom(Session &session, unsigned char *out, size_t size, size_t chunk,
                 const std::function<void(size_t, qint64)> &onBlock) {
    size_t done = 0;
    while (done < size) {
        const size_t n = std::min(chunk, size - done);
        const qint64 start = CallTrace::nowNs();
        const Module::CallResult got =
            HSM_P11_CHECK(session.module(), C_GenerateRandom, session.handle(), out + done,
                          static_cast<CK_ULONG>(n));
        if ((got.rv == CKR_DATA_LEN_RANGE || got.rv == CKR_ARGUMENTS_BAD) && n > 1) {
            chunk = std::max<size_t>(1, n / 2);
            continue;
        }
        if (!got)
            return got.error();
        if (onBlock)
            onBlock(n, CallTrace::nowNs() - start);
        done += n;
    }
    return Done{};
}

Result<bool> tokenHasRng(Session &session) {
    Result<SlotInfo> slot = inventory::slot(session.module(), session.slot());
    if (!slot)
        return slot.error();
    return slot->token && slot->token->has(CKF_RNG);
}

namespace {

// One block of a stream: the output, and for Mixed the HSM's part XORed into it.
struct RandomBlock {
    SecretBytes out;
    SecretBytes hsm;
    size_t size = 0;
};

// Draws, tests and hands out a stream's blocks. draw() runs on the caller's (the module's
// worker) thread, since every PKCS#11 call does; pass() tests a drawn block and gives it
// to the sink, and may run on another thread.
class RandomStream {
public:
    RandomStream(EntropySource source, Session *session, size_t blockSize, const RandomSink &sink,
                 double minEntropy, RequestContext *context)
        : m_source(source)
        , m_session(session)
        , m_sink(sink)
        , m_context(context)
        , m_tests(minEntropy) {
        for (RandomBlock &b : m_blocks) {
            b.out = SecretBytes::zeroed(blockSize);
            if (source == EntropySource::Mixed)
                b.hsm = SecretBytes::zeroed(blockSize);
        }
    }

    RandomBlock &block(int i) { return m_blocks[static_cast<size_t>(i)]; }
    quint64 given() const { return m_given; }

    Status draw(RandomBlock &b, size_t n) {
        b.size = n;
        if (m_source != EntropySource::Hsm && RAND_bytes(b.out.data(), static_cast<int>(n)) != 1)
            return Error::make(
                Error::Kind::System,
                QStringLiteral("OpenSSL's RAND_bytes failed to produce random bytes."));
        if (m_source != EntropySource::Os)
            return hsmRandom(*m_session, hsmPart(b), n, kLargeChunk);
        return Done{};
    }

    Status pass(RandomBlock &b) {
        if (m_source != EntropySource::Os) {
            if (const HealthTests::Failure failure = m_tests.test(hsmPart(b), b.size);
                failure.failed) {
                const QString what = QStringLiteral("The HSM's random numbers failed a health "
                                                    "test (NIST SP 800-90B): %1; ")
                                         .arg(failure.describe());
                return Error::make(
                    Error::Kind::Input,
                    m_given == 0 ? what + QStringLiteral("nothing drawn was used.")
                                 : what + QStringLiteral("the first %1 bytes, given before it, "
                                                         "had passed, and the rest was not drawn.")
                                              .arg(m_given));
            }
            if (m_source == EntropySource::Mixed) {
                for (size_t i = 0; i < b.size; ++i)
                    b.out.data()[i] ^= b.hsm.data()[i];
            }
        }
        // Checked here too: after a cancel or an abandoned request, the sink's owner may be
        // gone while a block was still being drawn.
        if (m_context && m_context->isCancelled())
            return Error::cancelled();
        if (Status s = m_sink(b.out.data(), b.size); !s)
            return s;
        m_given += b.size;
        return Done{};
    }

private:
    unsigned char *hsmPart(RandomBlock &b) {
        return m_source == EntropySource::Mixed ? b.hsm.data() : b.out.data();
    }

    EntropySource m_source;
    Session *m_session;
    const RandomSink &m_sink;
    RequestContext *m_context;
    HealthTests m_tests;
    std::array<RandomBlock, 2> m_blocks;
    quint64 m_given = 0;
};

} // namespace

Status streamRandom(EntropySource source, Session *session, quint64 size, const RandomSink &sink,
                    double minEntropy, RequestContext *context, quint64 *delivered) {
    if (delivered)
        *delivered = 0;
    if (source != EntropySource::Os) {
        if (!session)
            return Error::make(Error::Kind::Input,
                               QStringLiteral("Random bytes from the HSM need a token."));
        Result<bool> rng = tokenHasRng(*session);
        if (!rng)
            return rng.error();
        if (!rng.value())
            return Error::make(
                Error::Kind::Input,
                QStringLiteral("The token has no random number generator "
                               "(CKF_RNG is not set); use the OS as the entropy source."));
    }
    // Two blocks, reused: a whole draw in memory cost page faults and a wipe of every byte.
    const size_t blockSize = static_cast<size_t>(std::min<quint64>(size, kStreamBlock));
    RandomStream stream(source, session, blockSize, sink, minEntropy, context);
    const auto cancelled = [context] {
        return context && context->isCancelled();
    };
    const auto cancelledError = [] {
        return Error::cancelled();
    };
    if (size <= blockSize) { // one block (fragment seeds, short draws): no second thread
        if (cancelled())
            return cancelledError();
        Status s = stream.draw(stream.block(0), blockSize);
        if (s)
            s = stream.pass(stream.block(0));
        if (delivered)
            *delivered = stream.given();
        return s;
    }

    // While a second thread tests and writes block k, this one draws block k + 1: the
    // health tests and the sink's writing no longer add to the HSM's time.
    std::mutex mutex;
    std::condition_variable changed;
    std::array<bool, 2> full{false, false}; // drawn and not yet passed
    bool drawingEnded = false;
    bool passingFailed = false;
    Status passed = Done{};
    std::thread passer([&] {
        for (int k = 0;; k ^= 1) {
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return full[static_cast<size_t>(k)] || drawingEnded; });
                if (!full[static_cast<size_t>(k)])
                    return;
            }
            Status s = stream.pass(stream.block(k));
            std::lock_guard lock(mutex);
            full[static_cast<size_t>(k)] = false;
            if (!s) {
                passed = s;
                passingFailed = true;
            }
            changed.notify_all();
            if (!s)
                return;
        }
    });
    Status drawn = Done{};
    quint64 done = 0;
    for (int k = 0; done < size; k ^= 1) {
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return !full[static_cast<size_t>(k)] || passingFailed; });
            if (passingFailed)
                break;
        }
        if (cancelled()) {
            drawn = cancelledError();
            break;
        }
        const size_t n = static_cast<size_t>(std::min<quint64>(blockSize, size - done));
        drawn = stream.draw(stream.block(k), n);
        if (!drawn)
            break;
        done += n;
        {
            std::lock_guard lock(mutex);
            full[static_cast<size_t>(k)] = true;
        }
        changed.notify_all();
        if (context)
            context->reportProgress(static_cast<qint64>(done), static_cast<qint64>(size));
    }
    {
        std::lock_guard lock(mutex);
        drawingEnded = true;
    }
    changed.notify_all();
    passer.join();
    if (delivered)
        *delivered = stream.given();
    // A block that failed its test ends the stream before a later drawing error could.
    if (!passed)
        return passed;
    return drawn;
}

Result<SecretBytes> randomBytes(EntropySource source, Session *session, size_t size,
                                double minEntropy) {
    SecretBytes out = SecretBytes::zeroed(size);
    size_t filled = 0;
    Status s = streamRandom(
        source, session, size,
        [&](const unsigned char *data, size_t n) -> Status {
            std::memcpy(out.data() + filled, data, n);
            filled += n;
            return Done{};
        },
        minEntropy);
    if (!s)
        return s.error(); // `out` wipes itself on the way out
    return out;
}

} // namespace hsm::entropy
