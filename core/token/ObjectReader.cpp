// SPDX-License-Identifier: Apache-2.0
#include "core/token/ObjectReader.h"

#include "core/base/RequestContext.h"
#include "core/pkcs11/AttributeTemplate.h"

#include <openssl/ec.h>
#include <openssl/objects.h>

#include <optional>

namespace hsm::objectReader {
namespace {

struct FlagAttribute {
    CK_ATTRIBUTE_TYPE type;
    ObjectInfo::Flag flag;
};

// The boolean attributes each class has, so a row is one call without invalid attributes.
const FlagAttribute kCommonFlags[] = {{CKA_TOKEN, ObjectInfo::Token},
                                      {CKA_PRIVATE, ObjectInfo::Private}};
const FlagAttribute kSecretKeyFlags[] = {{CKA_SENSITIVE, ObjectInfo::Sensitive},
                                         {CKA_EXTRACTABLE, ObjectInfo::Extractable},
                                         {CKA_NEVER_EXTRACTABLE, ObjectInfo::NeverExtractable},
                                         {CKA_LOCAL, ObjectInfo::Local},
                                         {CKA_SIGN, ObjectInfo::Sign},
                                         {CKA_VERIFY, ObjectInfo::Verify},
                                         {CKA_ENCRYPT, ObjectInfo::Encrypt},
                                         {CKA_DECRYPT, ObjectInfo::Decrypt},
                                         {CKA_WRAP, ObjectInfo::Wrap},
                                         {CKA_UNWRAP, ObjectInfo::Unwrap},
                                         {CKA_DERIVE, ObjectInfo::Derive}};
const FlagAttribute kPrivateKeyFlags[] = {{CKA_SENSITIVE, ObjectInfo::Sensitive},
                                          {CKA_EXTRACTABLE, ObjectInfo::Extractable},
                                          {CKA_NEVER_EXTRACTABLE, ObjectInfo::NeverExtractable},
                                          {CKA_LOCAL, ObjectInfo::Local},
                                          {CKA_SIGN, ObjectInfo::Sign},
                                          {CKA_DECRYPT, ObjectInfo::Decrypt},
                                          {CKA_UNWRAP, ObjectInfo::Unwrap},
                                          {CKA_DERIVE, ObjectInfo::Derive}};
const FlagAttribute kPublicKeyFlags[] = {{CKA_LOCAL, ObjectInfo::Local},
                                         {CKA_VERIFY, ObjectInfo::Verify},
                                         {CKA_ENCRYPT, ObjectInfo::Encrypt},
                                         {CKA_WRAP, ObjectInfo::Wrap},
                                         {CKA_DERIVE, ObjectInfo::Derive}};

Error cancelled() {
    return Error::cancelled();
}

// Short name and degree of the curve in a DER-encoded CKA_EC_PARAMS (a named curve OID).
void describeCurve(const QByteArray &params, ObjectInfo &info) {
    const auto *p = reinterpret_cast<const unsigned char *>(params.constData());
    ASN1_OBJECT *oid = d2i_ASN1_OBJECT(nullptr, &p, params.size());
    if (!oid) {
        info.curve = QStringLiteral("explicit parameters");
        return;
    }
    const int nid = OBJ_obj2nid(oid);
    ASN1_OBJECT_free(oid);
    if (nid == NID_undef) {
        info.curve = QStringLiteral("unknown curve");
        return;
    }
    info.curve = QString::fromLatin1(OBJ_nid2sn(nid));
    if (nid == NID_ED25519 || nid == NID_X25519) {
        info.sizeBits = 255;
    } else if (nid == NID_ED448 || nid == NID_X448) {
        info.sizeBits = 448;
    } else if (EC_GROUP *group = EC_GROUP_new_by_curve_name(nid)) {
        info.sizeBits = EC_GROUP_get_degree(group);
        EC_GROUP_free(group);
    }
}

// The key size, which lives in a different attribute for each key type.
Status readKeySize(Session &session, ObjectInfo &info) {
    AttributeTemplate t;
    if (info.keyType == CKK_RSA) {
        if (info.objectClass == CKO_PUBLIC_KEY) {
            const int bits = t.addUlong(CKA_MODULUS_BITS);
            if (Status s = t.read(session, info.handle); !s)
                return s;
            if (t.ulongAt(bits) != CK_UNAVAILABLE_INFORMATION)
                info.sizeBits = static_cast<int>(t.ulongAt(bits));
            return Done{};
        }
        // Private keys carry the modulus, which is public; its length is enough.
        CK_ATTRIBUTE a{CKA_MODULUS, nullptr, 0};
        const CK_RV rv = HSM_P11(session.module(), C_GetAttributeValue, session.handle(),
                                 info.handle, &a, CK_ULONG(1));
        if (rv == CKR_OK && a.ulValueLen != CK_UNAVAILABLE_INFORMATION)
            info.sizeBits = static_cast<int>(a.ulValueLen * 8);
        return Done{};
    }
    if (info.keyType == CKK_EC || info.keyType == CKK_EC_EDWARDS) {
        const int params = t.addBytes(CKA_EC_PARAMS, 16);
        if (Status s = t.read(session, info.handle); !s)
            return s;
        if (t.has(params))
            describeCurve(t.bytesAt(params), info);
    }
    return Done{};
}

template <size_t N>
void addFlags(AttributeTemplate &t, const FlagAttribute (&flags)[N],
              std::vector<std::pair<int, ObjectInfo::Flag>> &indexes) {
    for (const FlagAttribute &f : flags)
        indexes.emplace_back(t.addBool(f.type), f.flag);
}

// The attributes of one row of `cls`, always with CKA_CLASS, so that a read made with
// the wrong class still tells which class the object has.
struct RowTemplate {
    explicit RowTemplate(CK_OBJECT_CLASS cls)
        : objectClass(cls) {
        classIndex = t.addUlong(CKA_CLASS);
        label = t.addBytes(CKA_LABEL, 64);
        addFlags(t, kCommonFlags, flagIndexes);
        switch (cls) {
        case CKO_SECRET_KEY:
            id = t.addBytes(CKA_ID, 32);
            keyType = t.addUlong(CKA_KEY_TYPE);
            valueLen = t.addUlong(CKA_VALUE_LEN);
            addFlags(t, kSecretKeyFlags, flagIndexes);
            break;
        case CKO_PRIVATE_KEY:
            id = t.addBytes(CKA_ID, 32);
            keyType = t.addUlong(CKA_KEY_TYPE);
            addFlags(t, kPrivateKeyFlags, flagIndexes);
            break;
        case CKO_PUBLIC_KEY:
            id = t.addBytes(CKA_ID, 32);
            keyType = t.addUlong(CKA_KEY_TYPE);
            addFlags(t, kPublicKeyFlags, flagIndexes);
            break;
        case CKO_CERTIFICATE:
            id = t.addBytes(CKA_ID, 32);
            break;
        default:
            break; // data objects and the rest: label and the common flags only
        }
    }

    ObjectInfo row(CK_OBJECT_HANDLE object) const {
        ObjectInfo info;
        info.handle = object;
        info.objectClass = t.ulongAt(classIndex);
        info.label = QString::fromUtf8(t.bytesAt(label));
        if (id >= 0)
            info.id = t.bytesAt(id);
        if (keyType >= 0)
            info.keyType = t.ulongAt(keyType);
        if (valueLen >= 0 && t.ulongAt(valueLen) != CK_UNAVAILABLE_INFORMATION)
            info.sizeBits = static_cast<int>(t.ulongAt(valueLen) * 8);
        for (const auto &[index, flag] : flagIndexes) {
            if (t.boolAt(index))
                info.flags |= flag;
        }
        return info;
    }

    CK_OBJECT_CLASS objectClass;
    AttributeTemplate t;
    std::vector<std::pair<int, ObjectInfo::Flag>> flagIndexes;
    int classIndex = -1, label = -1, id = -1, keyType = -1, valueLen = -1;
};

// Key sizes that need a further call (RSA and EC keys).
Result<ObjectInfo> completed(Session &session, ObjectInfo info) {
    if (info.objectClass == CKO_PRIVATE_KEY || info.objectClass == CKO_PUBLIC_KEY) {
        if (Status s = readKeySize(session, info); !s)
            return s.error();
    }
    return info;
}

} // namespace

Result<ObjectInfo> read(Session &session, CK_OBJECT_HANDLE object, CK_OBJECT_CLASS knownClass) {
    CK_OBJECT_CLASS cls = knownClass;
    if (cls == CK_UNAVAILABLE_INFORMATION) {
        AttributeTemplate classOnly;
        const int index = classOnly.addUlong(CKA_CLASS);
        if (Status s = classOnly.read(session, object); !s)
            return s.error();
        cls = classOnly.ulongAt(index);
    }
    RowTemplate row(cls);
    if (Status s = row.t.read(session, object); !s)
        return s.error();
    ObjectInfo info = row.row(object);
    info.objectClass = cls;
    return completed(session, std::move(info));
}

Status list(Session &session, RequestContext *context,
            const std::function<void(QList<ObjectInfo> &&)> &deliver, int chunkSize,
            int firstChunkSize) {
    // One search for everything: a module like SoftHSM looks at every object on each
    // C_FindObjectsInit, so a search per class would cost a pass over the token each.
    Result<QList<CK_OBJECT_HANDLE>> all = session.find(nullptr, 0);
    if (!all)
        return all.error();
    const qint64 total = all->size();
    qint64 done = 0;
    QList<ObjectInfo> chunk;
    int limit = std::min(chunkSize, firstChunkSize);
    chunk.reserve(limit);
    // Each row is read with the template of the class before it, which is right for runs
    // of one class (a token of secret keys: one C_GetAttributeValue a row). The template
    // holds CKA_CLASS, so a wrong guess costs one more call with the right template.
    std::optional<RowTemplate> guess;
    guess.emplace(CKO_SECRET_KEY);
    for (CK_OBJECT_HANDLE h : all.value()) {
        if (context && context->isCancelled())
            return cancelled();
        const Module::CallResult once = guess->t.readOnce(session, h);
        Result<ObjectInfo> row = once.error();
        if (once && guess->t.ulongAt(guess->classIndex) == guess->objectClass) {
            row = completed(session, guess->row(h));
        } else if (once.rv != CKR_OBJECT_HANDLE_INVALID) {
            // Only a successful call surely filled CKA_CLASS; otherwise read() asks for it.
            const CK_OBJECT_CLASS cls =
                once ? guess->t.ulongAt(guess->classIndex) : CK_UNAVAILABLE_INFORMATION;
            row = read(session, h, cls);
            if (row && row->objectClass != guess->objectClass)
                guess.emplace(row->objectClass);
        }
        if (!row) {
            // An object deleted since it was found is simply gone.
            if (row.error().rv == CKR_OBJECT_HANDLE_INVALID)
                continue;
            return row.error();
        }
        chunk.append(std::move(row).value());
        if (chunk.size() >= limit) {
            done += chunk.size();
            deliver(std::move(chunk));
            limit = chunkSize;
            chunk = QList<ObjectInfo>();
            chunk.reserve(limit);
            if (context)
                context->reportProgress(done, total);
        }
    }
    done += chunk.size();
    if (!chunk.isEmpty())
        deliver(std::move(chunk));
    if (context)
        context->reportProgress(done, std::max(total, done));
    return Done{};
}

Result<QList<CK_OBJECT_HANDLE>> secretKeysLabelled(Session &session, const QString &label) {
    CK_OBJECT_CLASS cls = CKO_SECRET_KEY;
    QByteArray utf8 = label.toUtf8();
    CK_ATTRIBUTE query[] = {{CKA_CLASS, &cls, sizeof cls},
                            {CKA_LABEL, utf8.data(), static_cast<CK_ULONG>(utf8.size())}};
    return session.find(query, 2);
}

} // namespace hsm::objectReader
