// SPDX-License-Identifier: Apache-2.0
#include "core/pkcs11/ModuleDiscovery.h"

#include <QFileInfo>
#include <QSet>

#include <p11-kit/p11-kit.h>

#include <cstdlib>

namespace hsm {
namespace {

struct KnownPath {
    const char *product;
    const char *path;
};

// Where vendors install their PKCS#11 libraries by default.
const KnownPath kWellKnown[] = {
    {"SoftHSMv2", "/usr/lib/softhsm/libsofthsm2.so"},
    {"SoftHSMv2", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"},
    {"SoftHSMv2", "/usr/local/lib/softhsm/libsofthsm2.so"},
    {"OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"},
    {"OpenSC", "/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so"},
    {"AWS CloudHSM", "/opt/cloudhsm/lib/libcloudhsm_pkcs11.so"},
    {"Thales Luna", "/usr/safenet/lunaclient/lib/libCryptoki2_64.so"},
    {"Thales Luna", "/usr/safenet/lunaclient/lib/libCryptoki2.so"},
    {"Entrust nShield", "/opt/nfast/toolkits/pkcs11/libcknfast.so"},
    {"Utimaco", "/opt/utimaco/p11/libcs_pkcs11_R3.so"},
    {"Utimaco", "/opt/utimaco/lib/libcs_pkcs11_R3.so"},
    {"YubiHSM 2", "/usr/lib/x86_64-linux-gnu/pkcs11/yubihsm_pkcs11.so"},
    {"YubiHSM 2", "/usr/lib/pkcs11/yubihsm_pkcs11.so"},
    {"YubiHSM 2", "/usr/local/lib/pkcs11/yubihsm_pkcs11.so"},
};

} // namespace

QList<DiscoveredModule> discoverModules() {
    QList<DiscoveredModule> out;
    QSet<QString> seen;
    auto add = [&](const QString &name, const QString &path, const QString &source) {
        const QFileInfo info(path);
        if (!info.isFile())
            return;
        const QString canonical = info.canonicalFilePath();
        if (seen.contains(canonical))
            return;
        seen.insert(canonical);
        out.append({name, path, source});
    };

    // Unmanaged: plain function lists, nothing initialized.
    if (CK_FUNCTION_LIST **modules = p11_kit_modules_load(nullptr, P11_KIT_MODULE_UNMANAGED)) {
        for (CK_FUNCTION_LIST **m = modules; *m; ++m) {
            char *name = p11_kit_module_get_name(*m);
            char *file = p11_kit_module_get_filename(*m);
            if (file)
                add(QString::fromUtf8(name ? name : file), QString::fromLocal8Bit(file),
                    QStringLiteral("p11-kit"));
            free(name);
            free(file);
        }
        p11_kit_modules_release(modules);
    }
    for (const KnownPath &known : kWellKnown)
        add(QString::fromLatin1(known.product), QString::fromLatin1(known.path),
            QStringLiteral("well-known path"));
    return out;
}

} // namespace hsm
