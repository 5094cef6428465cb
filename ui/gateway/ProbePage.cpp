// SPDX-License-Identifier: Apache-2.0
#include "ui/gateway/ProbePage.h"

#include "core/gateway/GatewayConfig.h"
#include "core/gateway/GatewayProbe.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hsm::ui {

ProbePage::ProbePage(QWidget *parent)
    : QWidget(parent)
    , m_host(new QLineEdit(this))
    , m_ports(new QLineEdit(this))
    , m_healthPort(new QSpinBox(this))
    , m_tls(new QCheckBox(tr("Use HTTP&S for /health"), this))
    , m_timeout(new QSpinBox(this))
    , m_run(new QPushButton(tr("&Probe"), this))
    , m_summary(new QLabel(this))
    , m_results(new QTreeWidget(this)) {
    m_host->setObjectName(QStringLiteral("probeHost"));
    m_host->setPlaceholderText(tr("gateway host name or address"));
    m_host->setAccessibleName(tr("Gateway host"));
    QStringList ports;
    for (int port : GatewayConfig::gatewayPorts())
        ports << QString::number(port);
    m_ports->setObjectName(QStringLiteral("probePorts"));
    m_ports->setText(ports.join(QLatin1Char(',')));
    m_ports->setAccessibleName(tr("Ports to check"));
    m_ports->setToolTip(
        tr("Comma-separated; change them when the gateway's ports are mapped to others."));
    m_healthPort->setObjectName(QStringLiteral("probeHealthPort"));
    m_healthPort->setRange(1, 65535);
    m_healthPort->setValue(8080);
    m_healthPort->setAccessibleName(tr("Port serving /health"));
    m_tls->setObjectName(QStringLiteral("probeTls"));
    m_tls->setAccessibleName(tr("Use HTTPS for /health"));
    m_timeout->setObjectName(QStringLiteral("probeTimeout"));
    m_timeout->setRange(100, 60000);
    m_timeout->setSingleStep(500);
    m_timeout->setValue(3000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setAccessibleName(tr("Timeout per check"));
    m_run->setObjectName(QStringLiteral("runProbe"));
    m_run->setAccessibleName(tr("Probe the gateway"));
    m_summary->setObjectName(QStringLiteral("probeSummary"));
    m_summary->setWordWrap(true);
    m_results->setObjectName(QStringLiteral("probeResults"));
    m_results->setAccessibleName(tr("Probe results"));
    m_results->setHeaderLabels({tr("Port"), tr("Check"), tr("Result"), tr("Detail")});
    m_results->setRootIsDecorated(false);
    m_results->header()->setStretchLastSection(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&orts:"), m_ports);
    form->addRow(tr("/health po&rt:"), m_healthPort);
    form->addRow(QString(), m_tls);
    form->addRow(tr("&Timeout:"), m_timeout);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_results, 1);

    connect(m_run, &QPushButton::clicked, this, &ProbePage::run);
    connect(m_host, &QLineEdit::returnPressed, this, &ProbePage::run);
}

void ProbePage::run() {
    if (m_probe)
        return;
    const QString host = m_host->text().trimmed();
    if (host.isEmpty()) {
        m_summary->setText(tr("Enter the gateway's host name or address."));
        return;
    }
    GatewayProbe::Target target = GatewayProbe::defaultTarget(host);
    target.ports.clear();
    for (const QString &p : m_ports->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int port = p.trimmed().toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            m_summary->setText(tr("'%1' is not a port number.").arg(p.trimmed()));
            return;
        }
        target.ports << port;
    }
    target.healthPort = m_healthPort->value();
    target.tls = m_tls->isChecked();
    target.timeoutMs = m_timeout->value();

    m_results->clear();
    m_summary->setText(tr("Probing %1…").arg(host));
    m_run->setEnabled(false);
    m_probe = new GatewayProbe(this);
    connect(m_probe, &GatewayProbe::finished, this, &ProbePage::showResults);
    m_probe->start(target);
}

void ProbePage::showResults() {
    int failed = 0;
    for (const GatewayProbe::Result &r : m_probe->results()) {
        auto *item = new QTreeWidgetItem(m_results);
        item->setText(0, QString::number(r.port));
        item->setText(1, r.health ? tr("GET /health") : tr("TCP"));
        item->setText(2, r.ok ? tr("OK") : tr("FAIL"));
        item->setText(3, r.detail);
        item->setForeground(2, r.ok ? palette().color(QPalette::Text) : QColor(Qt::red));
        failed += r.ok ? 0 : 1;
    }
    m_summary->setText(failed == 0 ? tr("The gateway answers on every port and /health is OK.")
                                   : tr("%n check(s) failed.", nullptr, failed));
    m_probe->deleteLater();
    m_probe = nullptr;
    m_run->setEnabled(true);
    Q_EMIT finished();
}

} // namespace hsm::ui
