// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <p11-kit/pkcs11.h>

namespace hsm {

// What went wrong, in a form both a person and a test can read: the PKCS#11 function
// that failed (if any), its return value and one plain-language line.
struct Error {
    enum class Kind {
        Pkcs11,            // a PKCS#11 function returned something other than CKR_OK
        Library,           // the library could not be loaded
        Cancelled,         // the request was cancelled before it finished
        NotLoaded,         // a request needs a module and none is loaded
        Input,             // the caller asked for something that does not exist or is malformed
        System,            // the operating system refused (files, permissions)
        NeedsConfirmation, // refused until the user explicitly confirms (e.g. a final PIN try)
        NeedsLogin,        // the token is not (or no longer) logged in; ask for the PIN again
        Timeout,           // a PKCS#11 call did not answer in time; the request was abandoned
    };

    Kind kind = Kind::Pkcs11;
    QString function; // "C_Login"; empty when no PKCS#11 function is involved
    CK_RV rv = CKR_OK;
    QString message; // one line, no trailing newline, never a secret

    static Error pkcs11(const char *function, CK_RV rv);
    static Error make(Kind kind, const QString &message);
    static Error cancelled(); // Kind::Cancelled, "Cancelled."
    static Error notLoaded(); // Kind::NotLoaded, "No PKCS#11 library is loaded."

    // The module dropped the session (CKR_SESSION_HANDLE_INVALID or CKR_SESSION_CLOSED,
    // e.g. after an HSM restart): a new session may succeed where this one failed.
    static bool isSessionLost(CK_RV rv);
    bool isSessionLost() const { return kind == Kind::Pkcs11 && isSessionLost(rv); }

    // "C_Login returned CKR_PIN_INCORRECT: The PIN is wrong; ..." or just the message.
    QString toString() const;
};

} // namespace hsm
