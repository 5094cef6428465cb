// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <p11-kit/pkcs11.h>

namespace hsm {

// "CKR_PIN_INCORRECT"; vendor-defined values as "CKR_VENDOR_DEFINED+0x1",
// anything else as its hex value.
QString returnValueName(CK_RV rv);

// One plain-language sentence a person can act on, e.g. "The PIN is wrong."
QString returnValueSentence(CK_RV rv);

} // namespace hsm
