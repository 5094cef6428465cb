// SPDX-License-Identifier: Apache-2.0
#include "core/client/Application.h"

#include <QCoreApplication>

#ifndef HSM_ADMIN_VERSION
#define HSM_ADMIN_VERSION "0"
#endif

namespace hsm {

void setApplicationIdentity() {
    QCoreApplication::setApplicationName(QStringLiteral("hsm-admin"));
    // QSettings takes the domain when no organization name is set, so the settings live in
    // ~/.config/hsm-admin/hsm-admin.conf rather than under "Unknown Organization"; an
    // organization name would also move the data location (and the demo HSM's tokens) to
    // ~/.local/share/<organization>/hsm-admin.
    QCoreApplication::setOrganizationDomain(QStringLiteral("hsm-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HSM_ADMIN_VERSION));
}

} // namespace hsm
