// SPDX-License-Identifier: Apache-2.0
#include "core/fragment/FragmentProvider.h"

#include <cstring>

namespace hsm {
namespace {

// A standard fragment: the seed, kept like a wrapped value.
class StandardFragmentProvider : public WrappedFragmentProvider {
public:
    using WrappedFragmentProvider::WrappedFragmentProvider;
};

} // namespace

Result<std::unique_ptr<FragmentProvider>> FragmentProvider::open(const CustomerFragment &fragment,
                                                                 FragmentDeriver &deriver) {
    switch (fragment.type()) {
    case FragmentType::HsmSecured: {
        // A seed too short or not base64 is refused when the provider opens, not on use.
        Result<SecretBytes> seed = fragmentDerivation::seed(fragment);
        if (!seed)
            return seed.error();
        return std::unique_ptr<FragmentProvider>(
            new SecuredFragmentProvider(fragment, std::move(seed).value(), deriver));
    }
    case FragmentType::HsmWrapHmac:
    case FragmentType::HsmWrapEncrypt:
    case FragmentType::Standard: {
        Result<SecretBytes> value = deriver.derive(fragment);
        if (!value)
            return value.error();
        if (fragment.type() == FragmentType::Standard)
            return std::unique_ptr<FragmentProvider>(new StandardFragmentProvider(value.value()));
        return std::unique_ptr<FragmentProvider>(new WrappedFragmentProvider(value.value()));
    }
    case FragmentType::Unknown:
        break;
    }
    return Error::make(Error::Kind::Input,
                       QStringLiteral("%1 is of type '%2', which this version cannot derive.")
                           .arg(fragment.id(), fragment.typeName()));
}

WrappedFragmentProvider::WrappedFragmentProvider(const SecretBytes &value)
    : m_storage(value.size()) {
    if (m_storage.isValid())
        std::memcpy(m_storage.data(), value.data(), value.size());
}

Result<SecretBytes> WrappedFragmentProvider::value() {
    if (!m_open || !m_storage.isValid())
        return Error::make(Error::Kind::Input, QStringLiteral("The fragment provider is closed."));
    return SecretBytes::fromRaw(reinterpret_cast<const char *>(m_storage.data()), m_storage.size());
}

void WrappedFragmentProvider::close() {
    m_storage.wipe();
    m_open = false;
}

} // namespace hsm
