// SPDX-License-Identifier: Apache-2.0
#include "core/fragment/FragmentEncryption.h"

#include "core/fragment/FragmentDerivation.h"

#include <openssl/crypto.h>

namespace hsm::fragmentEncryption {
namespace {

Error inputError(const QString &message) {
    return Error::make(Error::Kind::Input, message);
}

} // namespace

Result<SecretBytes> decrypt(Session &session, const CustomerFragment &fragment) {
    if (fragment.type() != FragmentType::HsmWrapEncrypt)
        return inputError(QStringLiteral("%1 is %2, not hsm_wrap_encrypt.")
                              .arg(fragment.id(), fragment.typeName()));
    auto wrapped = fragment.wrapped();
    if (!wrapped)
        return inputError(QStringLiteral("%1: %2").arg(fragment.id(), wrapped.error().message));
    Result<SecretBytes> plain =
        keyEncryption::decrypt(session, fragment.keyLabel(), wrapped->first, wrapped->second);
    if (!plain) {
        Error e = plain.error();
        e.message = QStringLiteral("%1: %2").arg(fragment.id(), e.message);
        return e;
    }
    return plain;
}

Result<WrappedValue> encryptVerified(Session &session, const QString &kekLabel,
                                     WrapAlgorithm algorithm, const SecretBytes &plaintext) {
    Result<WrappedValue> wrapped = keyEncryption::encrypt(session, kekLabel, algorithm, plaintext);
    if (!wrapped)
        return wrapped.error();
    Result<SecretBytes> back =
        keyEncryption::decrypt(session, kekLabel, algorithm, wrapped.value());
    if (!back)
        return back.error();
    if (back->size() != plaintext.size() ||
        CRYPTO_memcmp(back->data(), plaintext.data(), plaintext.size()) != 0)
        return Error::make(Error::Kind::Pkcs11,
                           QStringLiteral("Decrypting with '%1' (%2) in the HSM did not give back "
                                          "what was encrypted; nothing was written.")
                               .arg(kekLabel, keyEncryption::algorithmName(algorithm)));
    return wrapped;
}

Result<WrapAlgorithm> defaultAlgorithm(Session &session, const QString &kekLabel,
                                       std::optional<WrapAlgorithm> current) {
    Result<KekKind> kind = keyEncryption::kindOf(session, kekLabel);
    if (!kind)
        return kind.error();
    if (kind.value() == KekKind::Rsa)
        return WrapAlgorithm::RsaOaepSha256;
    if (current && keyEncryption::kekKind(*current) == KekKind::Aes)
        return *current;
    return WrapAlgorithm::AesGcm;
}

Result<Rewrapped> rewrap(Session &session, const CustomerFragment &fragment, const QString &newKek,
                         std::optional<WrapAlgorithm> algorithm) {
    if (fragment.type() != FragmentType::HsmWrapEncrypt)
        return inputError(QStringLiteral("%1 is %2; only hsm_wrap_encrypt fragments have a KEK to "
                                         "rotate.")
                              .arg(fragment.id(), fragment.typeName()));
    if (newKek.trimmed().isEmpty())
        return inputError(QStringLiteral("The new KEK needs a label."));
    if (newKek == fragment.keyLabel())
        return inputError(QStringLiteral("%1 is already encrypted under '%2'; name another KEK.")
                              .arg(fragment.id(), newKek));
    auto current = fragment.wrapped();
    if (!current)
        return inputError(QStringLiteral("%1: %2").arg(fragment.id(), current.error().message));
    Result<SecretBytes> plain = decrypt(session, fragment);
    if (!plain)
        return plain.error();
    Rewrapped out;
    out.fingerprintBefore = fragmentDerivation::fingerprint(plain.value());
    WrapAlgorithm chosen = WrapAlgorithm::AesGcm;
    if (algorithm) {
        chosen = *algorithm;
    } else {
        Result<WrapAlgorithm> fallback = defaultAlgorithm(session, newKek, current->first);
        if (!fallback)
            return fallback.error();
        chosen = fallback.value();
    }
    Result<WrappedValue> wrapped = encryptVerified(session, newKek, chosen, plain.value());
    if (!wrapped)
        return wrapped.error();
    out.fragment = fragment.withWrapping(newKek, chosen, wrapped.value());
    // The fingerprint of what the new entry gives back, read the way the gateway will.
    Result<SecretBytes> after = decrypt(session, out.fragment);
    if (!after)
        return after.error();
    out.fingerprintAfter = fragmentDerivation::fingerprint(after.value());
    if (out.fingerprintAfter != out.fingerprintBefore)
        return Error::make(Error::Kind::Pkcs11,
                           QStringLiteral("The fingerprint changed from %1 to %2 under '%3'; "
                                          "nothing was written.")
                               .arg(out.fingerprintBefore, out.fingerprintAfter, newKek));
    return out;
}

} // namespace hsm::fragmentEncryption
