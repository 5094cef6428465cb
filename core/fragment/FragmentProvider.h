// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fragment/FragmentDerivation.h"
#include "core/fragment/LockedBuffer.h"

#include <memory>

namespace hsm {

// How the gateway holds a fragment's value, by type:
// - hsm_wrap_hmac derives once when opened and keeps the value in locked memory, wiped on
//   close; using it never touches the HSM again. hsm_wrap_encrypt does the same with the
//   fragment decrypted in the HSM.
// - hsm_secured derives on every use and keeps nothing.
// - standard is the seed itself.
// value() hands out a copy in SecretBytes, wiped when the caller drops it.
class FragmentProvider {
public:
    virtual ~FragmentProvider() = default;
    virtual Result<SecretBytes> value() = 0;
    virtual void close() {}

    // Opens the provider for the fragment's type; the wrapped one derives here. `deriver`
    // must outlive the provider (hsm_secured uses it on every call).
    static Result<std::unique_ptr<FragmentProvider>> open(const CustomerFragment &fragment,
                                                          FragmentDeriver &deriver);
};

class WrappedFragmentProvider : public FragmentProvider {
public:
    explicit WrappedFragmentProvider(const SecretBytes &value);
    ~WrappedFragmentProvider() override { close(); }
    Result<SecretBytes> value() override;
    void close() override;
    // The memory the value lives in, for tests that check it is locked and wiped.
    const LockedBuffer &storage() const { return m_storage; }

private:
    LockedBuffer m_storage;
    bool m_open = true;
};

// Keeps the decoded seed (it is in the fragments file anyway) and the HKDF info, so each
// use is the HSM's HMAC and one HKDF-Expand; the derived value is never kept.
class SecuredFragmentProvider : public FragmentProvider {
public:
    // `seed` is the fragment's decoded seed (fragmentDerivation::seed).
    SecuredFragmentProvider(const CustomerFragment &fragment, SecretBytes seed,
                            FragmentDeriver &deriver)
        : m_keyLabel(fragment.keyLabel())
        , m_seed(std::move(seed))
        , m_info(fragmentDerivation::info(fragment.id()))
        , m_deriver(deriver) {}
    Result<SecretBytes> value() override { return m_deriver.deriveHsm(m_keyLabel, m_seed, m_info); }

private:
    QString m_keyLabel;
    SecretBytes m_seed;
    QByteArray m_info;
    FragmentDeriver &m_deriver;
};

} // namespace hsm
