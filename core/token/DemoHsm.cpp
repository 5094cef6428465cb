// SPDX-License-Identifier: Apache-2.0
#include "core/token/DemoHsm.h"

#include "core/pkcs11/FlagNames.h"
#include "core/pkcs11/Session.h"
#include "core/token/Inventory.h"
#include "core/token/ObjectReader.h"
#include "core/token/SecretKeys.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <cstring>

#ifndef HSM_ADMIN_SOFTHSM_PATH
#define HSM_ADMIN_SOFTHSM_PATH "/usr/lib/softhsm/libsofthsm2.so"
#endif

namespace hsm::demoHsm {
namespace {

Error systemError(const QString &what) {
    return Error::make(Error::Kind::System, what);
}

} // namespace

QString modulePath() {
    return QStringLiteral(HSM_ADMIN_SOFTHSM_PATH);
}

QString directory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/demo-hsm");
}

QString configPath() {
    return directory() + QStringLiteral("/softhsm2.conf");
}

libraryEnvironment::Values environment() {
    return {{QByteArrayLiteral("SOFTHSM2_CONF"), QFile::encodeName(configPath())}};
}

Status prepare() {
    const QString dir = directory();
    const QString tokens = dir + QStringLiteral("/tokens");
    if (!QDir().mkpath(tokens))
        return systemError(QStringLiteral("Cannot create the demo HSM's folder %1.").arg(tokens));
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString conf = configPath();
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
        if (const Module::CallResult initialized =
                HSM_P11_CHECK(module, C_InitToken, slotId,
                              reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(kSoPin)),
                              static_cast<CK_ULONG>(std::strlen(kSoPin)), label);
            !initialized)
            return initialized.error();
        changed = true;
        Result<Session> so = Session::open(module, slotId, true);
        if (!so)
            return so.error();
        if (Status s = so->login(CKU_SO, SecretBytes::fromRaw(kSoPin, std::strlen(kSoPin))); !s)
            return s.error();
        const Module::CallResult pinSet =
            HSM_P11_CHECK(module, C_InitPIN, so->handle(),
                          reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(kUserPin)),
                          static_cast<CK_ULONG>(std::strlen(kUserPin)));
        so->logout();
        if (!pinSet)
            return pinSet.error();
    }

    Result<Session> session = Session::open(module, slotId, true);
    if (!session)
        return session.error();
    if (Status s = session->login(CKU_USER, SecretBytes::fromRaw(kUserPin, std::strlen(kUserPin)));
        !s)
        return s.error();
    // The key as create-key makes it: a 32-byte generic secret for HMAC-SHA256, id 01.
    Result<QList<CK_OBJECT_HANDLE>> keys =
        objectReader::secretKeysLabelled(session.value(), QLatin1String(kKeyLabel));
    Status created = Done{};
    if (keys && keys->isEmpty()) {
        SecretKeySpec spec;
        spec.label = QLatin1String(kKeyLabel);
        spec.id = QByteArray("\x01", 1);
        Result<ObjectInfo> key = secretKeys::create(session.value(), spec);
        created = key ? Status(Done{}) : Status(key.error());
        changed = true;
    }
    session->logout();
    if (!keys)
        return keys.error();
    if (!created)
        return created.error();
    return changed;
}

} // namespace hsm::demoHsm
