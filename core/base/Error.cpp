// SPDX-License-Identifier: Apache-2.0
#include "core/base/Error.h"

#include "core/base/ReturnValues.h"

#include <QCoreApplication>

namespace hsm {

Error Error::pkcs11(const char *function, CK_RV rv) {
    Error e;
    e.kind = Kind::Pkcs11;
    e.function = QString::fromLatin1(function);
    e.rv = rv;
    e.message = returnValueSentence(rv);
    return e;
}

Error Error::make(Kind kind, const QString &message) {
    Error e;
    e.kind = kind;
    e.message = message;
    return e;
}

Error Error::cancelled() {
    return make(Kind::Cancelled, QStringLiteral("Cancelled."));
}

Error Error::notLoaded() {
    return make(Kind::NotLoaded, QStringLiteral("No PKCS#11 library is loaded."));
}

bool Error::isSessionLost(CK_RV rv) {
    return rv == CKR_SESSION_HANDLE_INVALID || rv == CKR_SESSION_CLOSED;
}

QString Error::toString() const {
    if (function.isEmpty())
        return message;
    return QCoreApplication::translate("hsm::Error", "%1 returned %2: %3")
        .arg(function, returnValueName(rv), message);
}

} // namespace hsm
