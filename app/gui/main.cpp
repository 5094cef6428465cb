// SPDX-License-Identifier: Apache-2.0
// hsm-admin: parse, pick the module, show the window, load in the background.
#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "core/client/Language.h"
#include "core/pkcs11/ProcessProtection.h"
#include "ui/LibraryHistory.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

int main(int argc, char *argv[]) {
    // Before anything can read a PIN: no core dumps, secrets on the locked heap.
    hsm::protectProcess();
    QApplication app(argc, argv);
    hsm::setApplicationIdentity();
    // The installed desktop entry's name: how a Wayland compositor or a dock matches the
    // window to the entry and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(HSM_ADMIN_APP_ID));

    // Before any window or help text is built, so that all of them are in the chosen language.
    if (const QString problem = hsm::language::install(hsm::language::requested(app.arguments()));
        !problem.isEmpty())
        QTextStream(stderr) << QApplication::translate("main", "warning: %1").arg(problem)
                            << Qt::endl;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Administer the PKCS#11 HSM behind the secrets gateway."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption module(
        QStringLiteral("module"),
        QApplication::translate("main", "The PKCS#11 library to load (default: $PKCS11_LIB_PATH, "
                                        "else the last one opened, else the demo HSM)."),
        QStringLiteral("path"));
    parser.addOption(module);
    parser.addOption(hsm::language::option());
    parser.process(app);

    QString path = parser.value(module);
    if (path.isEmpty())
        path = qEnvironmentVariable("PKCS11_LIB_PATH");
    if (path.isEmpty()) {
        // A library that was uninstalled since should not greet the user with an error.
        const QString last = hsm::ui::libraryHistory::last();
        if (!last.isEmpty() && QFileInfo::exists(last))
            path = last;
    }

    hsm::HsmClient client;
    hsm::ui::MainWindow window(client);
    window.show();
    if (path.isEmpty())
        window.loadDemo();
    else
        window.loadLibrary(path);
    return app.exec();
}
