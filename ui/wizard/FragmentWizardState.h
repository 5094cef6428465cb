// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fragment/CustomerFragment.h"
#include "core/fragment/FragmentGenerator.h"
#include "core/token/KeyEncryption.h"
#include "core/token/ModuleInfo.h"
#include "core/token/SlotInfo.h"
#include "core/token/TokenSelection.h"

#include <QSet>
#include <QString>

#include <optional>

namespace hsm::ui {

// What the fragment wizard's pages hand on to each other. Each page writes its part when
// the user leaves it forward (validatePage) and reads the earlier pages' parts when it is
// entered (initializePage). Plain data: no widgets, no threads.
struct FragmentWizardState {
    // HSM page
    std::optional<ModuleInfo> module;
    std::optional<SlotInfo> slot; // logged in
    GatewayTokenMode tokenMode = GatewayTokenMode::Serial;
    // Key page: the label of a key that passed its check: the HMAC check, or for a KEK
    // (hsm_wrap_encrypt) an encrypt/decrypt round trip with `wrapAlgorithm`
    QString keyLabel;
    bool keyIsKek = false;
    WrapAlgorithm wrapAlgorithm = WrapAlgorithm::AesGcm;
    // Fragment page
    FragmentRequest request;
    bool replace = false;   // replace the fragment of the same name in the file
    QSet<QString> takenIds; // the ids in the target file when it was last read
    QString fragmentsPath;  // the target file; chosen for good on the Save page
    // From imported gateway settings, if any
    std::optional<bool> useRand; // HSM_USE_RAND
    QString accessId;            // ADMIN_ACCESS_ID, for the exports
    // Verify page: generated, derived twice, not written yet
    std::optional<CustomerFragment> fragment;
    QString fingerprint;
};

} // namespace hsm::ui
