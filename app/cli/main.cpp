// SPDX-License-Identifier: Apache-2.0
// hsm-admin-cli: the process around the CLI library (CliApplication).
#include "app/cli/CliApplication.h"
#include "core/client/Application.h"
#include "core/client/Language.h"
#include "core/pkcs11/ProcessProtection.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[]) {
    // Before anything can read a PIN: no core dumps, secrets on the locked heap.
    hsm::protectProcess();
    QCoreApplication app(argc, argv);
    hsm::setApplicationIdentity();
    // Before any text is built: the help texts are in the chosen language.
    if (const QString problem = hsm::language::install(hsm::language::requested(app.arguments()));
        !problem.isEmpty())
        QTextStream(stderr) << QCoreApplication::translate("main", "warning: %1").arg(problem)
                            << Qt::endl;
    return hsm::cli::CliApplication().run(app.arguments());
}
