// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

#include <p11-kit/pkcs11.h>

namespace hsm {

// Flag words are the CKF_ names in lower case without the prefix ("login_required");
// bits pkcs11.h does not define for that structure come out as hex ("0x00400000").
QStringList moduleFlagWords(CK_FLAGS flags);
QStringList slotFlagWords(CK_FLAGS flags);
QStringList tokenFlagWords(CK_FLAGS flags);
QStringList mechanismFlagWords(CK_FLAGS flags);

// A mechanism's CKM_ name; vendor-defined ones as "CKM_VENDOR_DEFINED+0x...", unknown
// ones in hex.
QString mechanismName(CK_MECHANISM_TYPE type);

// "CKA_VALUE_LEN"; vendor-defined and unknown ones as for mechanisms.
QString attributeName(CK_ATTRIBUTE_TYPE type);
// Lower-case words without the prefix, as the JSON output uses them: "secret_key",
// "generic_secret"; vendor-defined ones as "vendor_defined+0x..", unknown ones in hex.
QString objectClassWord(CK_OBJECT_CLASS value);
QString keyTypeWord(CK_KEY_TYPE value);

// A CK_ULONG count from CK_TOKEN_INFO: "unavailable" for CK_UNAVAILABLE_INFORMATION,
// "effectively infinite" for CK_EFFECTIVELY_INFINITE where the field allows it.
QString describeCount(CK_ULONG value, bool zeroIsInfinite = false);

// Fixed-width, blank-padded PKCS#11 text fields, trimmed.
QString paddedText(const CK_UTF8CHAR *text, size_t size);

QString versionText(const CK_VERSION &version);

} // namespace hsm
