// SPDX-License-Identifier: Apache-2.0
#include "tests/support/SoftHsmFixture.h"

#include "tests/support/RawPkcs11.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <cstring>
#include <vector>

#ifndef HSM_ADMIN_SOFTHSM_PATH
#define HSM_ADMIN_SOFTHSM_PATH "/usr/lib/softhsm/libsofthsm2.so"
#endif

namespace hsm::test {
namespace {

// PKCS#11 pads on the right only: leading spaces are part of a label.
QString trimmed(const CK_UTF8CHAR *text, size_t size) {
    while (size > 0 && (text[size - 1] == ' ' || text[size - 1] == '\0'))
        --size;
    return QString::fromUtf8(reinterpret_cast<const char *>(text), static_cast<qsizetype>(size));
}

bool fail(QString *error, const QString &what, CK_RV rv = CKR_OK) {
    if (error)
        *error = rv == CKR_OK ? what : QStringLiteral("%1 failed: 0x%2").arg(what).arg(rv, 0, 16);
    return false;
}

std::vector<CK_SLOT_ID> slotList(CK_FUNCTION_LIST *f) {
    CK_ULONG count = 0;
    f->C_GetSlotList(CK_FALSE, nullptr, &count);
    std::vector<CK_SLOT_ID> ids(count);
    f->C_GetSlotList(CK_FALSE, ids.data(), &count);
    ids.resize(count);
    return ids;
}

// SoftHSM's file backend writes a file per object: on a memory file system a token with
// thousands of keys is made in seconds instead of minutes.
QString temporaryTemplate() {
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    const QString base = shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
    return base + QStringLiteral("/hsm-admin-test-XXXXXX");
}

} // namespace

SoftHsmFixture::SoftHsmFixture()
    : m_dir(temporaryTemplate()) {
    m_hadPreviousConf = qEnvironmentVariableIsSet("SOFTHSM2_CONF");
    m_previousConf = qgetenv("SOFTHSM2_CONF");
    QDir(m_dir.path()).mkpath(QStringLiteral("tokens"));
    QFile conf(configPath());
    if (conf.open(QIODevice::WriteOnly)) {
        conf.write("directories.tokendir = " + QFile::encodeName(m_dir.path()) +
                   "/tokens\nobjectstore.backend = file\nlog.level = ERROR\n");
    }
    conf.close();
    qputenv("SOFTHSM2_CONF", QFile::encodeName(configPath()));
}

SoftHsmFixture::~SoftHsmFixture() {
    if (m_hadPreviousConf)
        qputenv("SOFTHSM2_CONF", m_previousConf);
    else
        qunsetenv("SOFTHSM2_CONF");
}

QString SoftHsmFixture::modulePath() {
    return QStringLiteral(HSM_ADMIN_SOFTHSM_PATH);
}

QString SoftHsmFixture::configPath() const {
    return m_dir.path() + QStringLiteral("/softhsm2.conf");
}

QStringList SoftHsmFixture::environment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SOFTHSM2_CONF"), configPath());
    env.remove(QStringLiteral("PKCS11_LIB_PATH"));
    env.remove(QStringLiteral("HSM_SLOT"));
    // Keep the CLI's demo HSM (if a test reaches it) inside the fixture, too.
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path() + QStringLiteral("/config"));
    return env.toStringList();
}

bool SoftHsmFixture::initTokens(const QStringList &labels, QString *error) {
    RawPkcs11 lib(modulePath());
    if (!lib.isLoaded())
        return fail(error, QStringLiteral("cannot load %1").arg(modulePath()));
    CK_FUNCTION_LIST *f = lib.f();
    for (const QString &label : labels) {
        // SoftHSM offers a new empty slot only after C_Initialize.
        CK_RV rv = f->C_Initialize(nullptr);
        if (rv != CKR_OK)
            return fail(error, QStringLiteral("C_Initialize"), rv);
        CK_SLOT_ID freeSlot = CK_UNAVAILABLE_INFORMATION;
        for (CK_SLOT_ID id : slotList(f)) {
            CK_TOKEN_INFO info{};
            if (f->C_GetTokenInfo(id, &info) == CKR_OK && !(info.flags & CKF_TOKEN_INITIALIZED)) {
                freeSlot = id;
                break;
            }
        }
        if (freeSlot == CK_UNAVAILABLE_INFORMATION) {
            f->C_Finalize(nullptr);
            return fail(error, QStringLiteral("no free SoftHSM slot"));
        }
        CK_UTF8CHAR padded[32];
        std::memset(padded, ' ', sizeof padded);
        const QByteArray utf8 = label.toUtf8();
        std::memcpy(padded, utf8.constData(), std::min<size_t>(utf8.size(), sizeof padded));
        auto so = reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(kSoPin));
        auto user = reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(kUserPin));
        rv = f->C_InitToken(freeSlot, so, std::strlen(kSoPin), padded);
        if (rv != CKR_OK) {
            f->C_Finalize(nullptr);
            return fail(error, QStringLiteral("C_InitToken"), rv);
        }
        CK_SESSION_HANDLE session = 0;
        rv = f->C_OpenSession(freeSlot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr,
                              &session);
        if (rv == CKR_OK)
            rv = f->C_Login(session, CKU_SO, so, std::strlen(kSoPin));
        if (rv == CKR_OK)
            rv = f->C_InitPIN(session, user, std::strlen(kUserPin));
        f->C_CloseSession(session);
        f->C_Finalize(nullptr);
        if (rv != CKR_OK)
            return fail(error, QStringLiteral("setting the user PIN"), rv);
    }

    m_tokens.clear();
    if (CK_RV rv = f->C_Initialize(nullptr); rv != CKR_OK)
        return fail(error, QStringLiteral("C_Initialize"), rv);
    for (CK_SLOT_ID id : slotList(f)) {
        CK_TOKEN_INFO info{};
        if (f->C_GetTokenInfo(id, &info) != CKR_OK || !(info.flags & CKF_TOKEN_INITIALIZED))
            continue;
        m_tokens.append({trimmed(info.label, sizeof info.label),
                         trimmed(info.serialNumber, sizeof info.serialNumber), id});
    }
    f->C_Finalize(nullptr);
    return true;
}

CK_RV SoftHsmFixture::withSession(
    const QString &tokenLabel,
    const std::function<CK_RV(CK_FUNCTION_LIST *, CK_SESSION_HANDLE)> &work, QString *error) {
    const FixtureToken t = token(tokenLabel);
    if (t.label.isEmpty()) {
        fail(error, QStringLiteral("no token %1").arg(tokenLabel));
        return CKR_TOKEN_NOT_PRESENT;
    }
    RawPkcs11 lib(modulePath());
    CK_FUNCTION_LIST *f = lib.f();
    if (!f) {
        fail(error, QStringLiteral("cannot load SoftHSM"));
        return CKR_GENERAL_ERROR;
    }
    CK_RV rv = f->C_Initialize(nullptr);
    if (rv != CKR_OK) {
        fail(error, QStringLiteral("C_Initialize"), rv);
        return rv;
    }
    CK_SESSION_HANDLE session = 0;
    rv = f->C_OpenSession(t.slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &session);
    auto user = reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(kUserPin));
    if (rv == CKR_OK)
        rv = f->C_Login(session, CKU_USER, user, std::strlen(kUserPin));
    if (rv == CKR_OK)
        rv = work(f, session);
    f->C_CloseSession(session);
    f->C_Finalize(nullptr);
    if (rv != CKR_OK)
        fail(error, QStringLiteral("working on token %1").arg(tokenLabel), rv);
    return rv;
}

bool SoftHsmFixture::generateKeys(const QString &tokenLabel, const QString &prefix, int count,
                                  QString *error) {
    return withSession(
               tokenLabel,
               [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session) {
                   for (int i = 0; i < count; ++i) {
                       QByteArray label = (prefix + QString::number(i)).toUtf8();
                       const CK_BYTE id[] = {static_cast<CK_BYTE>(i >> 8),
                                             static_cast<CK_BYTE>(i & 0xff)};
                       CK_OBJECT_CLASS cls = CKO_SECRET_KEY;
                       CK_KEY_TYPE type = CKK_GENERIC_SECRET;
                       CK_ULONG length = 32;
                       CK_BBOOL yes = CK_TRUE;
                       CK_ATTRIBUTE tmpl[] = {
                           {CKA_CLASS, &cls, sizeof cls},
                           {CKA_KEY_TYPE, &type, sizeof type},
                           {CKA_VALUE_LEN, &length, sizeof length},
                           {CKA_LABEL, label.data(), static_cast<CK_ULONG>(label.size())},
                           {CKA_ID, const_cast<CK_BYTE *>(id), sizeof id},
                           {CKA_TOKEN, &yes, sizeof yes},
                           {CKA_PRIVATE, &yes, sizeof yes},
                           {CKA_SENSITIVE, &yes, sizeof yes},
                           {CKA_SIGN, &yes, sizeof yes}};
                       CK_MECHANISM mech{CKM_GENERIC_SECRET_KEY_GEN, nullptr, 0};
                       CK_OBJECT_HANDLE key = 0;
                       const CK_RV rv =
                           f->C_GenerateKey(session, &mech, tmpl, std::size(tmpl), &key);
                       if (rv != CKR_OK)
                           return rv;
                   }
                   return CK_RV(CKR_OK);
               },
               error) == CKR_OK;
}

bool SoftHsmFixture::importSecret(const QString &tokenLabel, const QString &keyLabel,
                                  const QByteArray &value, bool sensitive, bool sign,
                                  QString *error) {
    return withSession(
               tokenLabel,
               [&](CK_FUNCTION_LIST *f, CK_SESSION_HANDLE session) {
                   QByteArray label = keyLabel.toUtf8();
                   QByteArray bytes = value;
                   CK_OBJECT_CLASS cls = CKO_SECRET_KEY;
                   CK_KEY_TYPE type = CKK_GENERIC_SECRET;
                   CK_BBOOL yes = CK_TRUE;
                   CK_BBOOL isSensitive = sensitive ? CK_TRUE : CK_FALSE;
                   CK_BBOOL canSign = sign ? CK_TRUE : CK_FALSE;
                   CK_BBOOL extractable = sensitive ? CK_FALSE : CK_TRUE;
                   CK_ATTRIBUTE tmpl[] = {
                       {CKA_CLASS, &cls, sizeof cls},
                       {CKA_KEY_TYPE, &type, sizeof type},
                       {CKA_VALUE, bytes.data(), static_cast<CK_ULONG>(bytes.size())},
                       {CKA_LABEL, label.data(), static_cast<CK_ULONG>(label.size())},
                       {CKA_TOKEN, &yes, sizeof yes},
                       {CKA_PRIVATE, &yes, sizeof yes},
                       {CKA_SENSITIVE, &isSensitive, sizeof isSensitive},
                       {CKA_EXTRACTABLE, &extractable, sizeof extractable},
                       {CKA_SIGN, &canSign, sizeof canSign}};
                   CK_OBJECT_HANDLE key = 0;
                   return f->C_CreateObject(session, tmpl, std::size(tmpl), &key);
               },
               error) == CKR_OK;
}

FixtureToken SoftHsmFixture::token(const QString &label) const {
    for (const FixtureToken &t : m_tokens) {
        if (t.label == label)
            return t;
    }
    return {};
}

} // namespace hsm::test
