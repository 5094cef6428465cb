// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"

#include <QString>

#include <p11-kit/pkcs11.h>

#include <optional>

namespace hsm {

// The identifiers an operator gives for a token, the way the gateway reads them
// (HSM_SLOT / HSM_TOKEN_LABEL / HSM_TOKEN_SERIAL), plus an RFC 7512 PKCS#11 URI. Each
// remembers where it came from ("--slot", "HSM_SLOT", ...) so errors can name it.
struct TokenSelection {
    struct Identifier {
        QString value;
        QString source;
        bool isSet() const { return !value.isEmpty(); }
    };
    Identifier slot;
    Identifier label;
    Identifier serial;
    Identifier uri;

    bool isEmpty() const {
        return !slot.isSet() && !label.isSet() && !serial.isSet() && !uri.isSet();
    }

    // Identifiers no token can carry, refused before the HSM is asked: a slot that is not
    // a decimal number, a label longer than the 32 bytes of CK_TOKEN_INFO's label, a serial
    // longer than its 16.
    Status validate() const;

    // A slot identifier (HSM_SLOT, --slot) as the gateway reads it: decimal digits only,
    // so "010" is slot 10. Hex ("0x10"), signs and other text are refused, naming the
    // source. Selection, validation and the exports all read slots through this.
    static Result<CK_SLOT_ID> slotNumber(const Identifier &slot);

    // HSM_SLOT, HSM_TOKEN_LABEL and HSM_TOKEN_SERIAL from the process environment.
    static TokenSelection fromEnvironment();
};

// How the gateway should find the chosen token: the one environment line it needs.
enum class GatewayTokenMode { Slot, Label, Serial };

} // namespace hsm
