// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/HsmClient.h"
#include "ui/MainWindow.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

// The main window on its own client, shown and loaded with the demo HSM: what most UI
// tests start from. Create it after QApplication (and after UiTestHome).
class DemoWindow {
public:
    DemoWindow()
        : m_client(std::make_unique<hsm::HsmClient>())
        , m_window(std::make_unique<hsm::ui::MainWindow>(*m_client)) {}

    // Shows the window and loads the demo HSM; returns why not, or an empty string.
    QString open(int timeoutMs) {
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return QStringLiteral("the window was not shown");
        QSignalSpy loaded(m_window.get(), &hsm::ui::MainWindow::inventoryLoaded);
        QSignalSpy failed(m_window.get(), &hsm::ui::MainWindow::loadFailed);
        m_window->loadDemo();
        if (loaded.wait(timeoutMs))
            return QString();
        return failed.isEmpty() ? QStringLiteral("no signal") : failed.first().first().toString();
    }

    hsm::HsmClient &client() { return *m_client; }
    hsm::ui::MainWindow *window() const { return m_window.get(); }
    template <typename T> T *child(const char *name) const {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }

private:
    std::unique_ptr<hsm::HsmClient> m_client;
    std::unique_ptr<hsm::ui::MainWindow> m_window;
};
