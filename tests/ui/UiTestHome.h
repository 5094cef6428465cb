// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

// A fresh home for one run of a UI test: the demo HSM and the settings land in a temporary
// folder instead of the user's, PKCS11_LIB_PATH does not leak in, the machine's language
// does not either (a C locale: English texts, English number formats), and windows stay
// offscreen unless QT_QPA_PLATFORM says otherwise. Create it before QApplication.
class UiTestHome {
public:
    UiTestHome() {
        if (!m_dir.isValid())
            return;
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
        qunsetenv("PKCS11_LIB_PATH");
        qputenv("LC_ALL", "C.UTF-8");
        qunsetenv("LANGUAGE");
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }

    // Also HOME, for tests whose windows save files or open file dialogs there.
    bool setHome() {
        const QDir root(m_dir.path());
        if (!root.mkpath(QStringLiteral("home")))
            return false;
        return qputenv("HOME", QFile::encodeName(root.filePath(QStringLiteral("home"))));
    }

private:
    // SoftHSM writes a file per object: tokens on a memory file system fill in seconds.
    static QString templatePath() {
        const QFileInfo shm(QStringLiteral("/dev/shm"));
        return (shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath()) +
               QStringLiteral("/hsm-admin-ui-test-XXXXXX");
    }

    QTemporaryDir m_dir{templatePath()};
};
