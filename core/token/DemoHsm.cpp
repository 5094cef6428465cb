#include "token/DemoHsm.h"

#include "pkcs11/FlagNames.h"
#include "pkcs11/Session.h"
#include "token/Inventory.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <cstring>

#ifndef HSM_ADMIN_SOFTHSM_PATH
#define HSM_ADMIN_SOFTHSM_PATH "/usr/lib/softhsm/libsofthsm2.so"
#endif

namespace hsm::demo {
namespace {

Error systemError(const QString &what) {
    return Error::make(Error::Kind::System, what);
}

Result<CK_OBJECT_HANDLE> findKey(Session &session) {
    CK_OBJECT_CLASS secret = CKO_SECRET_KEY;
    CK_ATTRIBUTE query[] = {
        {CKA_CLASS, &secret, sizeof secret},
        {CKA_LABEL, const_cast<char *>(kKeyLabel), std::strlen(kKeyLabel)},
    };
    Result<QList<CK_OBJECT_HANDLE>> found = session.find(query, 2);
    if (!found)
        return found.error();
    return found->isEmpty() ? CK_INVALID_HANDLE : found->first();
}

Status generateKey(Session &session) {
    CK_OBJECT_CLASS secret = CKO_SECRET_KEY;
    CK_KEY_TYPE type = CKK_GENERIC_SECRET;
    CK_ULONG length = 32;
    CK_BBOOL yes = CK_TRUE;
    CK_BBOOL no = CK_FALSE;
    CK_BYTE id[] = {0x01};
    CK_ATTRIBUTE attributes[] = {
        {CKA_CLASS, &secret, sizeof secret},
        {CKA_KEY_TYPE, &type, sizeof type},
        {CKA_VALUE_LEN, &length, sizeof length},
        {CKA_LABEL, const_cast<char *>(kKeyLabel), std::strlen(kKeyLabel)},
        {CKA_ID, id, sizeof id},
        {CKA_TOKEN, &yes, sizeof yes},
        {CKA_PRIVATE, &yes, sizeof yes},
        {CKA_SENSITIVE, &yes, sizeof yes},
        {CKA_SIGN, &yes, sizeof yes},
        {CKA_VERIFY, &yes, sizeof yes},
        {CKA_EXTRACTABLE, &no, sizeof no},
        {CKA_ENCRYPT, &no, sizeof no},
        {CKA_DECRYPT, &no, sizeof no},
        {CKA_WRAP, &no, sizeof no},
        {CKA_UNWRAP, &no, sizeof no},
        {CKA_DERIVE, &no, sizeof no},
    };
    CK_MECHANISM mechanism{CKM_GENERIC_SECRET_KEY_GEN, nullptr, 0};
    CK_OBJECT_HANDLE key = CK_INVALID_HANDLE;
    const CK_RV rv = HSM_P11(session.module(), C_GenerateKey, session.handle(), &mechanism,
                             attributes, static_cast<CK_ULONG>(std::size(attributes)), &key);
    if (rv != CKR_OK)
        return Error::pkcs11("C_GenerateKey", rv);
    return Done{};
}

} // namespace

QString modulePath() {
    return QStringLiteral(HSM_ADMIN_SOFTHSM_PATH);
}

QString directory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/demo-hsm");
}

Status prepare() {
    const QString dir = directory();
    const QString tokens = dir + QStringLiteral("/tokens");
    if (!QDir().mkpath(tokens))
        return systemError(QStringLiteral("Cannot create the demo HSM's folder %1.").arg(tokens));
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString conf = dir + QStringLiteral("/softhsm2.conf");
    QSaveFile file(conf);
    if (!file.open(QIODevice::WriteOnly))
        return systemError(QStringLiteral("Cannot write %1: %2.").arg(conf, file.errorString()));
    file.write("# Written by HSM Admin for its demo HSM; not for production.\n"
               "directories.tokendir = " +
               QFile::encodeName(tokens) +
               "\n"
               "objectstore.backend = file\n"
               "log.level = ERROR\n"
               "slots.removable = false\n");
    if (!file.commit())
        return systemError(QStringLiteral("Cannot write %1: %2.").arg(conf, file.errorString()));
    // SoftHSM reads this at C_Initialize.
    qputenv("SOFTHSM2_CONF", QFile::encodeName(conf));
    return Done{};
}

Result<bool> provision(Module &module) {
    Result<QList<SlotInfo>> all = inventory::slots(module);
    if (!all)
        return all.error();
    const SlotInfo *demoSlot = nullptr;
    const SlotInfo *freeSlot = nullptr;
    for (const SlotInfo &slot : all.value()) {
        if (!slot.token)
            continue;
        const bool initialized = slot.token->has(CKF_TOKEN_INITIALIZED);
        if (initialized && slot.token->label == QLatin1String(kTokenLabel) && !demoSlot)
            demoSlot = &slot;
        else if (!initialized && !freeSlot)
            freeSlot = &slot;
    }

    bool changed = false;
    CK_SLOT_ID slotId = 0;
    if (demoSlot) {
        slotId = demoSlot->id;
    } else {
        if (!freeSlot)
            return Error::make(Error::Kind::Input,
                               QStringLiteral("SoftHSM offers no free slot for the demo token."));
        slotId = freeSlot->id;
        CK_UTF8CHAR label[32];
        std::memset(label, ' ', sizeof label);
        std::memcpy(label, kTokenLabel, std::strlen(kTokenLabel));
        CK_RV rv = HSM_P11(module, C_InitToken, slotId,
                           reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(kSoPin)),
                           static_cast<CK_ULONG>(std::strlen(kSoPin)), label);
        if (rv != CKR_OK)
            return Error::pkcs11("C_InitToken", rv);
        changed = true;
        Result<Session> so = Session::open(module, slotId, true);
        if (!so)
            return so.error();
        if (Status s = so->login(CKU_SO, SecretBytes::fromRaw(kSoPin, std::strlen(kSoPin))); !s)
            return s.error();
        rv = HSM_P11(module, C_InitPIN, so->handle(),
                     reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(kUserPin)),
                     static_cast<CK_ULONG>(std::strlen(kUserPin)));
        so->logout();
        if (rv != CKR_OK)
            return Error::pkcs11("C_InitPIN", rv);
    }

    Result<Session> session = Session::open(module, slotId, true);
    if (!session)
        return session.error();
    if (Status s = session->login(CKU_USER, SecretBytes::fromRaw(kUserPin, std::strlen(kUserPin)));
        !s)
        return s.error();
    Result<CK_OBJECT_HANDLE> key = findKey(session.value());
    if (key && key.value() == CK_INVALID_HANDLE) {
        if (Status s = generateKey(session.value()); !s) {
            session->logout();
            return s.error();
        }
        changed = true;
    }
    session->logout();
    if (!key)
        return key.error();
    return changed;
}

} // namespace hsm::demo
