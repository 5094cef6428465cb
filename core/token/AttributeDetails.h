// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pkcs11/Session.h"
#include "core/token/ObjectInfo.h"

#include <QList>

namespace hsm {

// The details view of one object: every attribute it has, named and rendered as text
// (flags, classes, key types and mechanisms by name, dates, hex for the rest). Runs on the
// worker.
namespace attributeDetails {

// Every attribute pkcs11.h defines that the object has. Secret material (a key's
// CKA_VALUE, private exponents and primes) is never requested: it shows as sensitive or
// as a secret that is not read.
Result<QList<AttributeValue>> read(Session &session, CK_OBJECT_HANDLE object);

} // namespace attributeDetails
} // namespace hsm
