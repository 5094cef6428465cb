// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/SecretBytes.h"
#include "core/pkcs11/Module.h"
#include "core/token/TokenInfo.h"

#include <QStringList>

namespace hsm {

// What the token's flags say about the user PIN. Some modules never set these flags;
// then every field is false and describe() says so.
struct PinState {
    bool countLow = false;
    bool finalTry = false;
    bool locked = false;
    bool toBeChanged = false;
    bool pinPad = false; // CKF_PROTECTED_AUTHENTICATION_PATH: the PIN is entered on the device
    bool loginRequired = true;

    static PinState of(const TokenInfo &token);
    // One sentence for people, e.g. "One attempt is left before the user PIN locks."
    QString describe() const;
};

struct LoginOptions {
    // Log in even when CKF_USER_PIN_FINAL_TRY is set (a wrong PIN then locks the token).
    bool allowFinalTry = false;
};

struct LoginReport {
    PinState before;
    QStringList warnings; // e.g. the count-low warning, shown but not fatal
    bool usedPinPad = false;
    bool alreadyLoggedIn = false;
};

// Logs in on the module's long-lived session for the slot, so the login lasts for later
// requests. Runs on the worker.
namespace tokenLogin {

Result<PinState> pinState(Module &module, CK_SLOT_ID slot);
// Whether a login may be attempted in this PIN state: a locked PIN never, a final try only
// when allowed (else Error::Kind::NeedsConfirmation).
Status admissible(const PinState &state, const LoginOptions &options);
// Why a PIN that is a placeholder (placeholders::isPlaceholder) is refused.
QString placeholderPinMessage();
// Whether `pin` can be a PIN of `token`: no NUL byte, and a length within the token's
// ulMinPinLen..ulMaxPinLen (bounds the token leaves at 0 or unavailable are not checked).
Status pinFits(const SecretBytes &pin, const TokenInfo &token);
// Refuses a PIN that is still a placeholder ("<HSM PIN>") before any call, one that does
// not fit the token (pinFits), a locked PIN,
// and a final try unless allowed, before calling C_Login. The PIN
// is wiped right after C_Login. After CKR_PIN_INCORRECT the error says what state the
// PIN is in now. Error::Kind::NeedsConfirmation marks the final-try refusal.
Result<LoginReport> login(Module &module, CK_SLOT_ID slot, SecretBytes pin,
                          const LoginOptions &options);
Status logout(Module &module, CK_SLOT_ID slot);
// Whether the slot's long-lived session is logged in as the user.
Result<bool> isLoggedIn(Module &module, CK_SLOT_ID slot);

} // namespace tokenLogin
} // namespace hsm
