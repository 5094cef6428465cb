// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/pkcs11/Session.h"

#include <QByteArray>

#include <vector>

namespace hsm {

// A set of attributes read from one object in as few C_GetAttributeValue calls as the
// module allows: one when it can, a length query when a buffer was too small, and one
// call per attribute only when the module answers CKR_ATTRIBUTE_TYPE_INVALID or
// CKR_ATTRIBUTE_SENSITIVE for the whole template.
class AttributeTemplate {
public:
    // Returns the index of the attribute in this template.
    int addBool(CK_ATTRIBUTE_TYPE type);
    int addUlong(CK_ATTRIBUTE_TYPE type);
    int addBytes(CK_ATTRIBUTE_TYPE type, size_t expectedSize = 64);

    // Reads every attribute of `object`. Attributes the object does not have, or that are
    // sensitive, are simply absent afterwards; other failures are errors.
    Status read(Session &session, CK_OBJECT_HANDLE object);
    // One C_GetAttributeValue with the buffers as they are, and what it returned; no
    // length query and no fallback. For callers that have a cheaper plan B than read().
    Module::CallResult readOnce(Session &session, CK_OBJECT_HANDLE object);

    bool has(int index) const;
    bool sensitive(int index) const { return m_sensitive[static_cast<size_t>(index)]; }
    bool boolAt(int index) const;
    CK_ULONG ulongAt(int index) const;
    QByteArray bytesAt(int index) const;
    int size() const { return static_cast<int>(m_attributes.size()); }

private:
    int add(CK_ATTRIBUTE_TYPE type, size_t size, bool variable);
    void pointAtStorage();
    Status readOneByOne(Session &session, CK_OBJECT_HANDLE object);

    std::vector<CK_ATTRIBUTE> m_attributes;
    std::vector<std::vector<unsigned char>> m_storage;
    std::vector<bool> m_variable;
    std::vector<bool> m_sensitive;
};

} // namespace hsm
