#include "client/Application.h"

#include <QCoreApplication>

#ifndef HSM_ADMIN_VERSION
#define HSM_ADMIN_VERSION "0"
#endif

namespace hsm {

void setApplicationIdentity() {
    QCoreApplication::setApplicationName(QStringLiteral("hsm-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HSM_ADMIN_VERSION));
}

} // namespace hsm
