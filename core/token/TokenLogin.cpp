// SPDX-License-Identifier: Apache-2.0
#include "core/token/TokenLogin.h"

#include "core/base/Placeholders.h"
#include "core/pkcs11/Session.h"
#include "core/token/Inventory.h"

#include <QCoreApplication>

#include <algorithm>

namespace hsm::tokenLogin {
namespace {

Result<TokenInfo> readToken(Module &module, CK_SLOT_ID slot) {
    Result<SlotInfo> info = inventory::slot(module, slot);
    if (!info)
        return info.error();
    if (!info->token)
        return Error::pkcs11("C_GetTokenInfo", CKR_TOKEN_NOT_PRESENT);
    return *info->token;
}

} // namespace

Result<PinState> pinState(Module &module, CK_SLOT_ID slot) {
    Result<TokenInfo> token = readToken(module, slot);
    if (!token)
        return token.error();
    return PinState::of(token.value());
}

QString placeholderPinMessage() {
    return QCoreApplication::translate(
        "hsm::TokenLogin",
        "The PIN is still a placeholder in angle brackets (as exports write <HSM PIN>), not a "
        "PIN; put the token's user PIN in its place. No login was tried.");
}

Status pinFits(const SecretBytes &pin, const TokenInfo &token) {
    if (std::find(pin.data(), pin.data() + pin.size(), '\0') != pin.data() + pin.size())
        return Error::make(Error::Kind::Input,
                           QCoreApplication::translate(
                               "hsm::TokenLogin",
                               "The PIN contains a NUL byte, which no token accepts; check "
                               "the PIN file or variable. No login was tried."));
    // 0 and CK_UNAVAILABLE_INFORMATION mean the token does not say; CK_EFFECTIVELY_INFINITE
    // is 0 as well.
    const auto known = [](CK_ULONG v) {
        return v != 0 && v != CK_UNAVAILABLE_INFORMATION;
    };
    const CK_ULONG length = static_cast<CK_ULONG>(pin.size());
    const bool tooShort = known(token.minPinLen) && length < token.minPinLen;
    const bool tooLong = known(token.maxPinLen) && length > token.maxPinLen;
    if (tooShort || tooLong)
        return Error::make(
            Error::Kind::Input,
            QCoreApplication::translate("hsm::TokenLogin",
                                        "The PIN is %1 bytes long but the token %2 takes %3 to "
                                        "%4; check the PIN file or variable. No login was tried.")
                .arg(length)
                .arg(token.displayName())
                .arg(known(token.minPinLen) ? token.minPinLen : 1)
                .arg(known(token.maxPinLen) ? QString::number(token.maxPinLen)
                                            : QStringLiteral("…")));
    return Done{};
}

Status admissible(const PinState &state, const LoginOptions &options) {
    if (state.locked)
        return Error::make(Error::Kind::Input, state.describe());
    if (state.finalTry && !options.allowFinalTry)
        return Error::make(Error::Kind::NeedsConfirmation,
                           state.describe() +
                               QStringLiteral(" Confirm to try anyway (CLI: --allow-final-try)."));
    return Done{};
}

Result<bool> isLoggedIn(Module &module, CK_SLOT_ID slot) {
    Result<CK_SESSION_HANDLE> session = module.tokenSession(slot);
    if (!session)
        return session.error();
    CK_SESSION_INFO info{};
    if (const Module::CallResult got =
            HSM_P11_CHECK(module, C_GetSessionInfo, session.value(), &info);
        !got)
        return got.error();
    return info.state == CKS_RO_USER_FUNCTIONS || info.state == CKS_RW_USER_FUNCTIONS;
}

Result<LoginReport> login(Module &module, CK_SLOT_ID slot, SecretBytes pin,
                          const LoginOptions &options) {
    // Before the token is asked anything: a template's "<HSM PIN>" would cost a PIN attempt.
    if (!pin.isAbsent() && placeholders::isPlaceholder(pin))
        return Error::make(Error::Kind::Input, placeholderPinMessage());
    Result<TokenInfo> token = readToken(module, slot);
    if (!token)
        return token.error();
    const PinState state = PinState::of(token.value());
    // A PIN the token cannot accept would still count as a failed attempt on some tokens.
    if (!pin.isAbsent() && !state.pinPad)
        if (Status s = pinFits(pin, token.value()); !s)
            return s.error();
    LoginReport report;
    report.before = state;
    if (Status s = admissible(state, options); !s)
        return s.error();
    if (state.countLow)
        report.warnings << state.describe();
    if (state.toBeChanged)
        report.warnings << QStringLiteral("The token asks for the user PIN to be changed.");

    Result<bool> loggedIn = isLoggedIn(module, slot);
    if (!loggedIn)
        return loggedIn.error();
    if (loggedIn.value()) {
        report.alreadyLoggedIn = true;
        return report;
    }
    Result<Session> session = Session::shared(module, slot);
    if (!session)
        return session.error();
    if (state.pinPad) {
        pin.clear(); // the device asks for the PIN itself
        report.usedPinPad = true;
    }
    Status s = session->login(CKU_USER, std::move(pin));
    if (!s) {
        Error e = s.error();
        if (e.rv == CKR_PIN_INCORRECT || e.rv == CKR_PIN_LOCKED) {
            // Say what the failure did to the PIN, while the user still has tries left.
            if (Result<PinState> after = pinState(module, slot))
                e.message += QStringLiteral(" Now: ") + after->describe();
        }
        return e;
    }
    return report;
}

Status logout(Module &module, CK_SLOT_ID slot) {
    Result<Session> session = Session::shared(module, slot);
    if (!session)
        return session.error();
    const Module::CallResult loggedOut = HSM_P11_CHECK(module, C_Logout, session->handle());
    if (!loggedOut && loggedOut.rv != CKR_USER_NOT_LOGGED_IN)
        return loggedOut.error();
    return Done{};
}

} // namespace hsm::tokenLogin

namespace hsm {

PinState PinState::of(const TokenInfo &token) {
    PinState s;
    s.countLow = token.has(CKF_USER_PIN_COUNT_LOW);
    s.finalTry = token.has(CKF_USER_PIN_FINAL_TRY);
    s.locked = token.has(CKF_USER_PIN_LOCKED);
    s.toBeChanged = token.has(CKF_USER_PIN_TO_BE_CHANGED);
    s.pinPad = token.has(CKF_PROTECTED_AUTHENTICATION_PATH);
    s.loginRequired = token.has(CKF_LOGIN_REQUIRED);
    return s;
}

QString PinState::describe() const {
    if (locked)
        return QStringLiteral("The user PIN is locked (CKF_USER_PIN_LOCKED); the security officer "
                              "must unlock it by setting a new user PIN (C_InitPIN as SO, e.g. "
                              "pkcs11-tool --login --login-type so --init-pin).");
    if (finalTry)
        return QStringLiteral("One attempt is left before the user PIN locks "
                              "(CKF_USER_PIN_FINAL_TRY).");
    if (countLow)
        return QStringLiteral("A wrong user PIN was entered since the last successful login "
                              "(CKF_USER_PIN_COUNT_LOW).");
    return QStringLiteral("The token reports no failed PIN attempts (some modules never do).");
}

} // namespace hsm
