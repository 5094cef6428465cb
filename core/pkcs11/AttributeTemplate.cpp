// SPDX-License-Identifier: Apache-2.0
#include "core/pkcs11/AttributeTemplate.h"

#include <cstring>

namespace hsm {

int AttributeTemplate::add(CK_ATTRIBUTE_TYPE type, size_t size, bool variable) {
    m_attributes.push_back({type, nullptr, 0});
    m_storage.emplace_back(size);
    m_variable.push_back(variable);
    m_sensitive.push_back(false);
    return static_cast<int>(m_attributes.size()) - 1;
}

int AttributeTemplate::addBool(CK_ATTRIBUTE_TYPE type) {
    return add(type, sizeof(CK_BBOOL), false);
}

int AttributeTemplate::addUlong(CK_ATTRIBUTE_TYPE type) {
    return add(type, sizeof(CK_ULONG), false);
}

int AttributeTemplate::addBytes(CK_ATTRIBUTE_TYPE type, size_t expectedSize) {
    return add(type, expectedSize, true);
}

void AttributeTemplate::pointAtStorage() {
    for (size_t i = 0; i < m_attributes.size(); ++i) {
        m_attributes[i].pValue = m_storage[i].data();
        m_attributes[i].ulValueLen = static_cast<CK_ULONG>(m_storage[i].size());
        m_sensitive[i] = false;
    }
}

Status AttributeTemplate::read(Session &session, CK_OBJECT_HANDLE object) {
    pointAtStorage();
    const auto count = static_cast<CK_ULONG>(m_attributes.size());
    Module::CallResult got = HSM_P11_CHECK(session.module(), C_GetAttributeValue, session.handle(),
                                           object, m_attributes.data(), count);
    if (got.rv == CKR_BUFFER_TOO_SMALL) {
        // Ask for the lengths, grow the buffers, and read again.
        for (CK_ATTRIBUTE &a : m_attributes)
            a.pValue = nullptr;
        got = HSM_P11_CHECK(session.module(), C_GetAttributeValue, session.handle(), object,
                            m_attributes.data(), count);
        if (got) {
            for (size_t i = 0; i < m_attributes.size(); ++i) {
                if (m_attributes[i].ulValueLen != CK_UNAVAILABLE_INFORMATION &&
                    m_attributes[i].ulValueLen > m_storage[i].size())
                    m_storage[i].resize(m_attributes[i].ulValueLen);
            }
            pointAtStorage();
            got = HSM_P11_CHECK(session.module(), C_GetAttributeValue, session.handle(), object,
                                m_attributes.data(), count);
        }
    }
    if (got.rv == CKR_ATTRIBUTE_TYPE_INVALID || got.rv == CKR_ATTRIBUTE_SENSITIVE)
        return readOneByOne(session, object);
    if (!got)
        return got.error();
    return Done{};
}

Module::CallResult AttributeTemplate::readOnce(Session &session, CK_OBJECT_HANDLE object) {
    pointAtStorage();
    return HSM_P11_CHECK(session.module(), C_GetAttributeValue, session.handle(), object,
                         m_attributes.data(), static_cast<CK_ULONG>(m_attributes.size()));
}

Status AttributeTemplate::readOneByOne(Session &session, CK_OBJECT_HANDLE object) {
    pointAtStorage();
    for (size_t i = 0; i < m_attributes.size(); ++i) {
        CK_ATTRIBUTE &a = m_attributes[i];
        Module::CallResult got = HSM_P11_CHECK(session.module(), C_GetAttributeValue,
                                               session.handle(), object, &a, CK_ULONG(1));
        if (got.rv == CKR_BUFFER_TOO_SMALL && m_variable[i]) {
            a.pValue = nullptr;
            got = HSM_P11_CHECK(session.module(), C_GetAttributeValue, session.handle(), object, &a,
                                CK_ULONG(1));
            if (got && a.ulValueLen != CK_UNAVAILABLE_INFORMATION) {
                m_storage[i].resize(a.ulValueLen);
                a.pValue = m_storage[i].data();
                got = HSM_P11_CHECK(session.module(), C_GetAttributeValue, session.handle(), object,
                                    &a, CK_ULONG(1));
            }
        }
        if (got.rv == CKR_ATTRIBUTE_SENSITIVE)
            m_sensitive[i] = true;
        if (got.rv == CKR_ATTRIBUTE_TYPE_INVALID || got.rv == CKR_ATTRIBUTE_SENSITIVE) {
            a.ulValueLen = CK_UNAVAILABLE_INFORMATION;
            continue;
        }
        if (!got)
            return got.error();
    }
    return Done{};
}

bool AttributeTemplate::has(int index) const {
    const CK_ATTRIBUTE &a = m_attributes[static_cast<size_t>(index)];
    return a.pValue && a.ulValueLen != CK_UNAVAILABLE_INFORMATION;
}

bool AttributeTemplate::boolAt(int index) const {
    return has(index) && m_attributes[static_cast<size_t>(index)].ulValueLen >= 1 &&
           *static_cast<const CK_BBOOL *>(m_attributes[static_cast<size_t>(index)].pValue) != 0;
}

CK_ULONG AttributeTemplate::ulongAt(int index) const {
    const CK_ATTRIBUTE &a = m_attributes[static_cast<size_t>(index)];
    if (!has(index) || a.ulValueLen != sizeof(CK_ULONG))
        return CK_UNAVAILABLE_INFORMATION;
    CK_ULONG v;
    std::memcpy(&v, a.pValue, sizeof v);
    return v;
}

QByteArray AttributeTemplate::bytesAt(int index) const {
    const CK_ATTRIBUTE &a = m_attributes[static_cast<size_t>(index)];
    if (!has(index))
        return QByteArray();
    return QByteArray(static_cast<const char *>(a.pValue), static_cast<qsizetype>(a.ulValueLen));
}

} // namespace hsm
