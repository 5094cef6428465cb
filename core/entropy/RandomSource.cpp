#include "entropy/RandomSource.h"

#include "token/Inventory.h"

#include <openssl/rand.h>

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
                 HealthTests *tests, const std::function<void(size_t, qint64)> &onBlock) {
    size_t done = 0;
    while (done < size) {
        const size_t n = std::min(chunk, size - done);
        const qint64 start = CallTrace::nowNs();
        const CK_RV rv = HSM_P11(session.module(), C_GenerateRandom, session.handle(), out + done,
                                 static_cast<CK_ULONG>(n));
        if ((rv == CKR_DATA_LEN_RANGE || rv == CKR_ARGUMENTS_BAD) && n > 1) {
            chunk = std::max<size_t>(1, n / 2);
            continue;
        }
        if (rv != CKR_OK)
            return Error::pkcs11("C_GenerateRandom", rv);
        if (onBlock)
            onBlock(n, CallTrace::nowNs() - start);
        if (tests) {
            const HealthTests::Failure failure = tests->test(out + done, n);
            if (failure.failed)
                return Error::make(Error::Kind::Input,
                                   QStringLiteral("The HSM's random numbers failed a health test "
                                                  "(NIST SP 800-90B): %1; nothing drawn was used.")
                                       .arg(failure.describe()));
        }
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

Result<SecretBytes> randomBytes(EntropySource source, Session *session, size_t size,
                                double minEntropy) {
    SecretBytes out = SecretBytes::zeroed(size);
    if (source == EntropySource::Os || source == EntropySource::Mixed) {
        if (RAND_bytes(out.data(), static_cast<int>(size)) != 1)
            return Error::make(
                Error::Kind::System,
                QStringLiteral("OpenSSL's RAND_bytes failed to produce random bytes."));
    }
    if (source == EntropySource::Hsm || source == EntropySource::Mixed) {
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
        // HSM alone: drawn straight into the output. Mixed: into a second buffer, XORed in.
        SecretBytes mixed;
        if (source == EntropySource::Mixed)
            mixed = SecretBytes::zeroed(size);
        unsigned char *target = source == EntropySource::Mixed ? mixed.data() : out.data();
        HealthTests tests(minEntropy);
        if (Status s = hsmRandom(*session, target, size, kLargeChunk, &tests); !s) {
            out.clear();
            return s.error();
        }
        if (source == EntropySource::Mixed) {
            for (size_t i = 0; i < size; ++i)
                out.data()[i] ^= mixed.data()[i];
        }
    }
    return out;
}

} // namespace hsm::entropy
