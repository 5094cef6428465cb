// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace hsm {
class GatewayProbe;
}

namespace hsm::ui {

// The gateway probe: is a deployed gateway reachable on its ports, and does /health say
// it is well? Runs on Qt Network's event-driven sockets, so the window never waits.
class ProbePage : public QWidget {
    Q_OBJECT
public:
    explicit ProbePage(QWidget *parent = nullptr);

    QTreeWidget *results() const { return m_results; }
    bool isRunning() const { return m_probe != nullptr; }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void finished();

private:
    void showResults();

    QLineEdit *m_host;
    QLineEdit *m_ports;
    QSpinBox *m_healthPort;
    QCheckBox *m_tls;
    QSpinBox *m_timeout;
    QPushButton *m_run;
    QLabel *m_summary;
    QTreeWidget *m_results;
    GatewayProbe *m_probe = nullptr;
};

} // namespace hsm::ui
