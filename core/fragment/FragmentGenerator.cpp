// SPDX-License-Identifier: Apache-2.0
#include "core/fragment/FragmentGenerator.h"

#include "core/fragment/FragmentDerivation.h"
#include "core/fragment/FragmentEncryption.h"
#include "core/token/Inventory.h"
#include "core/token/Labels.h"
#include "core/token/SecretKeys.h"

#include <openssl/rand.h>

namespace hsm::fragmentGenerator {
namespace {

Error requestError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

} // namespace

Status validate(const FragmentRequest &request) {
    if (request.name.trimmed().isEmpty())
        return requestError(QStringLiteral("A customer fragment needs a name."));
    // JSON would store anything, but the gateway's logs, its UI and every listing show these
    // as single lines: a line break or an escape sequence would forge or garble them.
    const std::pair<const QString *, const char *> texts[] = {
        {&request.name, "The fragment name"},
        {&request.description, "The fragment description"},
        {&request.keyLabel, "The HSM key label"}};
    for (const auto &[text, what] : texts) {
        if (Status s = labels::requireOneLine(*text, QLatin1String(what)); !s)
            return s;
    }
    const bool hsmType = request.type != FragmentType::Standard;
    if (request.type == FragmentType::Unknown)
        return requestError(QStringLiteral("The type must be one of %1.")
                                .arg(CustomerFragment::typeNames().join(QStringLiteral(", "))));
    if (!request.typeName.isEmpty()) {
        FragmentType spelled = FragmentType::Unknown;
        if (!CustomerFragment::parseType(request.typeName, &spelled) || spelled != request.type)
            return requestError(
                QStringLiteral("'%1' is not a name of the %2 type.")
                    .arg(request.typeName, CustomerFragment::typeName(request.type)));
    }
    if (request.type == FragmentType::HsmWrapEncrypt && request.keyLabel.trimmed().isEmpty())
        return requestError(QStringLiteral("An hsm_wrap_encrypt fragment needs the label of the "
                                           "key-encryption key (KEK) it is encrypted under."));
    if (hsmType && request.keyLabel.trimmed().isEmpty())
        return requestError(QStringLiteral("A %1 fragment needs the label of the HSM key it is "
                                           "derived with.")
                                .arg(CustomerFragment::typeName(request.type)));
    if (!hsmType && !request.keyLabel.isEmpty())
        return requestError(QStringLiteral("A standard fragment does not use an HSM key; leave "
                                           "the key label out."));
    return Done{};
}

Result<EntropySource> chooseEntropy(const FragmentRequest &request, bool tokenHasRng) {
    EntropySource source =
        request.entropy.value_or(tokenHasRng ? EntropySource::Mixed : EntropySource::Os);
    if (request.hsmUseRand && source == EntropySource::Os) {
        if (request.entropy)
            return requestError(QStringLiteral("HSM_USE_RAND=true asks for the HSM's random "
                                               "numbers; the OS alone is not allowed (use hsm or "
                                               "mixed)."));
        source = EntropySource::Mixed;
    }
    if (source != EntropySource::Os && !tokenHasRng)
        return requestError(
            QStringLiteral("The token has no random number generator (CKF_RNG is not set), so "
                           "%1 entropy is impossible%2.")
                .arg(entropy::sourceName(source),
                     request.hsmUseRand ? QStringLiteral(", yet HSM_USE_RAND=true asks for it")
                                        : QStringLiteral("; use the OS")));
    return source;
}

Result<QString> newId(const QSet<QString> &taken) {
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    constexpr int kAlphabet = 36;
    constexpr int kLimit = 256 - 256 % kAlphabet; // 252: bytes at or above it are dropped
    for (int attempt = 0; attempt < 100; ++attempt) {
        QString id = QStringLiteral("cf-");
        while (id.size() < 23) {
            unsigned char bytes[32];
            if (RAND_bytes(bytes, sizeof bytes) != 1)
                return Error::make(Error::Kind::System,
                                   QStringLiteral("OpenSSL's RAND_bytes failed."));
            for (unsigned char b : bytes) {
                if (b < kLimit && id.size() < 23)
                    id += QLatin1Char(alphabet[b % kAlphabet]);
            }
        }
        if (!taken.contains(id))
            return id;
    }
    return Error::make(Error::Kind::System,
                       QStringLiteral("Could not find an unused fragment id."));
}

Result<CustomerFragment> generate(const FragmentRequest &request, Session *session,
                                  const QSet<QString> &takenIds) {
    if (Status s = validate(request); !s)
        return s.error();
    bool tokenHasRng = false;
    if (session) {
        Result<SlotInfo> slot = inventory::slot(session->module(), session->slot());
        if (!slot)
            return slot.error();
        tokenHasRng = slot->token && slot->token->has(CKF_RNG);
    }
    Result<EntropySource> source = chooseEntropy(request, tokenHasRng);
    if (!source)
        return source.error();
    const bool hsmType = request.type != FragmentType::Standard;
    if ((hsmType || source.value() != EntropySource::Os) && !session)
        return requestError(QStringLiteral("This fragment needs a token."));
    // The key first: nothing is generated for a key the gateway could not use.
    if (request.type == FragmentType::HsmWrapEncrypt) {
        Result<KekKind> kind = keyEncryption::kindOf(*session, request.keyLabel.trimmed());
        if (!kind)
            return kind.error();
        if (kind.value() != keyEncryption::kekKind(request.wrapAlgorithm))
            return requestError(
                QStringLiteral("The KEK '%1' is an %2 key, but %3 needs an %4 key; choose %5.")
                    .arg(request.keyLabel.trimmed(),
                         kind.value() == KekKind::Rsa ? QStringLiteral("RSA")
                                                      : QStringLiteral("AES"),
                         keyEncryption::algorithmName(request.wrapAlgorithm),
                         kind.value() == KekKind::Rsa ? QStringLiteral("AES")
                                                      : QStringLiteral("RSA"),
                         kind.value() == KekKind::Rsa
                             ? QStringLiteral("--hsm-wrap-alg rsa-oaep-sha256")
                             : QStringLiteral("--hsm-wrap-alg aes-gcm, aes-cbc or aes-cbc-pad")));
    } else if (hsmType) {
        Result<KeyCheckReport> check = secretKeys::check(*session, request.keyLabel.trimmed());
        if (!check)
            return check.error();
    }
    Result<QString> id = newId(takenIds);
    if (!id)
        return id.error();
    Result<SecretBytes> seed =
        entropy::randomBytes(source.value(), session, fragmentDerivation::kGeneratedSeedSize);
    if (!seed)
        return seed.error();
    if (request.type == FragmentType::HsmWrapEncrypt) {
        Result<WrappedValue> wrapped = fragmentEncryption::encryptVerified(
            *session, request.keyLabel.trimmed(), request.wrapAlgorithm, seed.value());
        if (!wrapped)
            return wrapped.error();
        return CustomerFragment::makeEncrypted(id.value(), request.name.trimmed(),
                                               request.description, request.keyLabel.trimmed(),
                                               request.wrapAlgorithm, wrapped.value());
    }
    QByteArray seedBytes(reinterpret_cast<const char *>(seed->data()),
                         static_cast<qsizetype>(seed->size()));
    const QString typeName =
        request.typeName.isEmpty() ? CustomerFragment::typeName(request.type) : request.typeName;
    CustomerFragment fragment =
        CustomerFragment::make(id.value(), seedBytes, request.name.trimmed(), request.description,
                               typeName, request.keyLabel.trimmed());
    SecretBytes::take(seedBytes); // wipes the temporary copy
    return fragment;
}

} // namespace hsm::fragmentGenerator
