// SPDX-License-Identifier: Apache-2.0
#include "core/pkcs11/FlagNames.h"

#include "core/base/Pkcs11Names.h"

#include <cstring>

// PKCS#11 v2.40 defines these; p11-kit 0.24's pkcs11.h does not.
#ifndef CKF_ERROR_STATE
#define CKF_ERROR_STATE (1UL << 24)
#endif
#ifndef CKF_EC_F_2M
#define CKF_EC_F_2M (1UL << 21)
#endif
#ifndef CKF_EC_ECPARAMETERS
#define CKF_EC_ECPARAMETERS (1UL << 22)
#endif

namespace hsm {
namespace {

struct FlagName {
    CK_FLAGS bit;
    const char *word;
};

template <size_t N> QStringList words(CK_FLAGS flags, const FlagName (&table)[N]) {
    QStringList out;
    CK_FLAGS known = 0;
    for (const FlagName &f : table) {
        known |= f.bit;
        if (flags & f.bit)
            out << QString::fromLatin1(f.word);
    }
    for (int bit = 0; bit < static_cast<int>(sizeof(CK_FLAGS) * 8); ++bit) {
        const CK_FLAGS mask = CK_FLAGS(1) << bit;
        if ((flags & mask) && !(known & mask))
            out << QStringLiteral("0x%1").arg(mask, 8, 16, QLatin1Char('0'));
    }
    return out;
}

const FlagName kModuleFlags[] = {{0, ""}};

const FlagName kSlotFlags[] = {
    {CKF_TOKEN_PRESENT, "token_present"},
    {CKF_REMOVABLE_DEVICE, "removable_device"},
    {CKF_HW_SLOT, "hw_slot"},
};

const FlagName kTokenFlags[] = {
    {CKF_RNG, "rng"},
    {CKF_WRITE_PROTECTED, "write_protected"},
    {CKF_LOGIN_REQUIRED, "login_required"},
    {CKF_USER_PIN_INITIALIZED, "user_pin_initialized"},
    {CKF_RESTORE_KEY_NOT_NEEDED, "restore_key_not_needed"},
    {CKF_CLOCK_ON_TOKEN, "clock_on_token"},
    {CKF_PROTECTED_AUTHENTICATION_PATH, "protected_authentication_path"},
    {CKF_DUAL_CRYPTO_OPERATIONS, "dual_crypto_operations"},
    {CKF_TOKEN_INITIALIZED, "token_initialized"},
    {CKF_SECONDARY_AUTHENTICATION, "secondary_authentication"},
    {CKF_USER_PIN_COUNT_LOW, "user_pin_count_low"},
    {CKF_USER_PIN_FINAL_TRY, "user_pin_final_try"},
    {CKF_USER_PIN_LOCKED, "user_pin_locked"},
    {CKF_USER_PIN_TO_BE_CHANGED, "user_pin_to_be_changed"},
    {CKF_SO_PIN_COUNT_LOW, "so_pin_count_low"},
    {CKF_SO_PIN_FINAL_TRY, "so_pin_final_try"},
    {CKF_SO_PIN_LOCKED, "so_pin_locked"},
    {CKF_SO_PIN_TO_BE_CHANGED, "so_pin_to_be_changed"},
    {CKF_ERROR_STATE, "error_state"},
};

const FlagName kMechanismFlags[] = {
    {CKF_HW, "hw"},
    {CKF_ENCRYPT, "encrypt"},
    {CKF_DECRYPT, "decrypt"},
    {CKF_DIGEST, "digest"},
    {CKF_SIGN, "sign"},
    {CKF_SIGN_RECOVER, "sign_recover"},
    {CKF_VERIFY, "verify"},
    {CKF_VERIFY_RECOVER, "verify_recover"},
    {CKF_GENERATE, "generate"},
    {CKF_GENERATE_KEY_PAIR, "generate_key_pair"},
    {CKF_WRAP, "wrap"},
    {CKF_UNWRAP, "unwrap"},
    {CKF_DERIVE, "derive"},
    {CKF_EC_F_P, "ec_f_p"},
    {CKF_EC_F_2M, "ec_f_2m"},
    {CKF_EC_ECPARAMETERS, "ec_ecparameters"},
    {CKF_EC_NAMEDCURVE, "ec_namedcurve"},
    {CKF_EC_UNCOMPRESS, "ec_uncompress"},
    {CKF_EC_COMPRESS, "ec_compress"},
    {CKF_EXTENSION, "extension"},
};

} // namespace

// CK_INFO.flags has no bits defined in v2.40: anything set is shown in hex.
QStringList moduleFlagWords(CK_FLAGS flags) {
    return words(flags, kModuleFlags);
}
QStringList slotFlagWords(CK_FLAGS flags) {
    return words(flags, kSlotFlags);
}
QStringList tokenFlagWords(CK_FLAGS flags) {
    return words(flags, kTokenFlags);
}
QStringList mechanismFlagWords(CK_FLAGS flags) {
    return words(flags, kMechanismFlags);
}

namespace {

// All of pkcs11.h's vendor ranges start at 1 << 31.
QString nameOrNumber(const char *known, unsigned long value, const char *prefix) {
    if (known)
        return QString::fromLatin1(known);
    if (value >= CKM_VENDOR_DEFINED)
        return QStringLiteral("%1VENDOR_DEFINED+0x%2")
            .arg(QLatin1String(prefix))
            .arg(value - CKM_VENDOR_DEFINED, 0, 16);
    return QStringLiteral("0x%1").arg(value, 8, 16, QLatin1Char('0'));
}

QString word(const char *known, unsigned long value, const char *prefix) {
    QString name = nameOrNumber(known, value, prefix);
    if (name.startsWith(QLatin1String(prefix)))
        name = name.mid(static_cast<qsizetype>(strlen(prefix))).toLower();
    return name;
}

} // namespace

QString mechanismName(CK_MECHANISM_TYPE type) {
    return nameOrNumber(knownMechanismName(type), type, "CKM_");
}

QString attributeName(CK_ATTRIBUTE_TYPE type) {
    return nameOrNumber(knownAttributeName(type), type, "CKA_");
}

QString objectClassWord(CK_OBJECT_CLASS value) {
    return word(knownObjectClassName(value), value, "CKO_");
}

QString keyTypeWord(CK_KEY_TYPE value) {
    return word(knownKeyTypeName(value), value, "CKK_");
}

QString describeCount(CK_ULONG value, bool zeroIsInfinite) {
    if (value == CK_UNAVAILABLE_INFORMATION)
        return QStringLiteral("unavailable");
    if (zeroIsInfinite && value == CK_EFFECTIVELY_INFINITE)
        return QStringLiteral("effectively infinite");
    return QString::number(value);
}

QString paddedText(const CK_UTF8CHAR *text, size_t size) {
    size_t n = size;
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\0'))
        --n;
    return QString::fromUtf8(reinterpret_cast<const char *>(text), static_cast<qsizetype>(n));
}

QString versionText(const CK_VERSION &version) {
    return QStringLiteral("%1.%2").arg(version.major).arg(version.minor);
}

} // namespace hsm
