// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/entropy/RandomSource.h"
#include "core/fragment/CustomerFragment.h"
#include "core/pkcs11/Session.h"

#include <QSet>

#include <optional>

namespace hsm {

struct FragmentRequest {
    QString name;
    QString description;
    FragmentType type = FragmentType::Standard;
    QString typeName; // as the operator wrote it (hsm_wrapped); empty: the canonical name
    QString keyLabel; // the HMAC key or the KEK: required for the HSM types, refused for standard
    WrapAlgorithm wrapAlgorithm = WrapAlgorithm::RsaOaepSha256; // hsm_wrap_encrypt only
    std::optional<EntropySource> entropy; // unset: mixed when the token has an RNG, else os
    bool hsmUseRand = false;              // HSM_USE_RAND=true: the HSM must contribute
};

// Makes new customer fragments. Runs on the worker.
namespace fragmentGenerator {

// The request's own mistakes, found before any HSM work: a missing name, a key label
// where none belongs or missing where one must be, a name, description or key label that
// is not one line of printable text (control characters, line breaks). Length is free:
// JSON escaping keeps quotes, backslashes and long texts intact.
Status validate(const FragmentRequest &request);

// The entropy source the request ends up with, given whether the token has an RNG.
Result<EntropySource> chooseEntropy(const FragmentRequest &request, bool tokenHasRng);

// "cf-" and 20 characters of [a-z0-9], uniform (rejection sampling over RAND_bytes),
// not in `taken`.
Result<QString> newId(const QSet<QString> &taken);

// A new fragment with a 64-byte seed. For the HMAC types the key must exist once and pass
// the HMAC check first. hsm_wrap_encrypt keeps the 64 bytes only encrypted under the KEK,
// after a decryption in the HSM gave them back. `session` may be null only for a standard fragment
// from the OS.
Result<CustomerFragment> generate(const FragmentRequest &request, Session *session,
                                  const QSet<QString> &takenIds);

} // namespace fragmentGenerator
} // namespace hsm
