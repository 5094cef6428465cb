// SPDX-License-Identifier: Apache-2.0
#include "ui/wizard/GatewayExportWidget.h"

#include "core/base/Placeholders.h"
#include "core/files/OutputFile.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace hsm::ui {

GatewayExportWidget::GatewayExportWidget(QWidget *parent, Place place)
    : QWidget(parent)
    , m_format(new QComboBox(this))
    , m_chartLabel(new QLabel(this))
    , m_chart(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_message(new QLabel(this)) {
    const bool tab = place == Place::GatewayTab;
    auto *formatLabel =
        new QLabel(tab ? tr("Deployment format:") : tr("Deployment f&ormat:"), this);
    m_chartLabel->setText(tab ? tr("Chart:") : tr("C&hart:"));
    m_copy->setText(tab ? tr("Copy") : tr("Cop&y"));
    m_save->setText(tab ? tr("Save to a fi&le…") : tr("Sa&ve…"));
    formatLabel->setBuddy(m_format);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->setAccessibleName(tr("Deployment format"));
    const QList<QPair<GatewayConfig::Format, QString>> formats = {
        {GatewayConfig::Format::Docker, tr("docker run command")},
        {GatewayConfig::Format::Env, tr("env file")},
        {GatewayConfig::Format::Compose, tr("Docker Compose")},
        {GatewayConfig::Format::Kubernetes, tr("Kubernetes")},
        {GatewayConfig::Format::Helm, tr("Helm values")},
    };
    for (const auto &[format, text] : formats)
        m_format->addItem(tr("%1 (%2)").arg(text, GatewayConfig::formatName(format)),
                          static_cast<int>(format));

    m_chartLabel->setBuddy(m_chart);
    m_chart->setObjectName(QStringLiteral("helmChart"));
    m_chart->setAccessibleName(tr("Helm chart"));
    m_chart->setToolTip(tr("The vendor's charts read the HSM settings under different paths."));
    for (GatewayConfig::HelmChart chart :
         {GatewayConfig::HelmChart::Gateway, GatewayConfig::HelmChart::ApiGateway})
        m_chart->addItem(GatewayConfig::helmChartName(chart), static_cast<int>(chart));

    m_text->setObjectName(QStringLiteral("exportText"));
    m_text->setAccessibleName(tr("Deployment settings"));
    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setObjectName(QStringLiteral("copyExport"));
    m_copy->setAccessibleName(tr("Copy the deployment settings"));
    m_save->setObjectName(QStringLiteral("saveExport"));
    m_save->setAccessibleName(tr("Save the deployment settings to a file"));
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_message->setAccessibleName(tr("Deployment settings message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(formatLabel, 0, 0);
    layout->addWidget(m_format, 0, 1);
    layout->addWidget(m_chartLabel, 0, 2);
    layout->addWidget(m_chart, 0, 3);
    layout->addWidget(m_copy, 0, 4);
    layout->addWidget(m_save, 0, 5);
    layout->addWidget(m_text, 1, 0, 1, 6);
    layout->addWidget(m_message, 2, 0, 1, 6);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(1, 1);
    setTabOrder(m_format, m_chart);
    setTabOrder(m_chart, m_copy);
    setTabOrder(m_copy, m_save);
    setTabOrder(m_save, m_text);

    connect(m_format, &QComboBox::currentIndexChanged, this, &GatewayExportWidget::render);
    connect(m_chart, &QComboBox::currentIndexChanged, this, &GatewayExportWidget::render);
    connect(m_copy, &QPushButton::clicked, this, &GatewayExportWidget::copy);
    connect(m_save, &QPushButton::clicked, this, &GatewayExportWidget::save);
    render();
}

void GatewayExportWidget::setConfig(const GatewayConfig &config) {
    const bool wasThisMachineOnly = !m_config.softHsmConf.isEmpty();
    m_config = config;
    m_config.includePin = false; // never from the GUI
    m_config.pin.clear();
    // The demo HSM deploys only to this machine: open on the one format that can carry it.
    if (!m_config.softHsmConf.isEmpty() && !wasThisMachineOnly)
        setFormat(GatewayConfig::Format::Env);
    render();
}

GatewayConfig::Format GatewayExportWidget::format() const {
    return static_cast<GatewayConfig::Format>(m_format->currentData().toInt());
}

void GatewayExportWidget::setFormat(GatewayConfig::Format format) {
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
}

GatewayConfig::HelmChart GatewayExportWidget::helmChart() const {
    return static_cast<GatewayConfig::HelmChart>(m_chart->currentData().toInt());
}

void GatewayExportWidget::setHelmChart(GatewayConfig::HelmChart chart) {
    m_chart->setCurrentIndex(m_chart->findData(static_cast<int>(chart)));
}

QString GatewayExportWidget::text() const {
    return m_text->toPlainText();
}

void GatewayExportWidget::render() {
    m_message->hide();
    const bool helm = format() == GatewayConfig::Format::Helm;
    m_chartLabel->setVisible(helm);
    m_chart->setVisible(helm);
    GatewayConfig config = m_config;
    config.helmChart = helmChart();
    Result<QString> rendered = QString();
    if (Status valid = config.validate(); !valid)
        rendered = valid.error();
    else
        rendered = config.render(format());
    if (!rendered) {
        m_text->clear();
        m_message->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
        m_message->setText(tr("No deployment settings yet: %1").arg(rendered.error().toString()));
        m_message->show();
    } else {
        m_text->setPlainText(rendered.value());
        QStringList warnings = config.warnings(format());
        // Placeholders are never secrets: HSM Admin refuses a "<HSM PIN>" PIN before login,
        // and so should the operator's deployment.
        const QStringList toFill = placeholders::findIn(rendered.value());
        if (!toFill.isEmpty())
            warnings << tr("Fill in before use: %1.").arg(toFill.join(QStringLiteral(", ")));
        if (!warnings.isEmpty()) {
            m_message->setStyleSheet(QStringLiteral("QLabel { color: #8a5300; }"));
            m_message->setText(warnings.join(QLatin1Char('\n')));
            m_message->show();
        }
    }
    m_copy->setEnabled(!m_text->toPlainText().isEmpty());
    m_save->setEnabled(!m_text->toPlainText().isEmpty());
}

void GatewayExportWidget::copy() {
    QGuiApplication::clipboard()->setText(m_text->toPlainText());
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Copied."));
    m_message->show();
}

QString GatewayExportWidget::suggestedFileName() const {
    switch (format()) {
    case GatewayConfig::Format::Docker:
        return QStringLiteral("gateway-docker-run.sh");
    case GatewayConfig::Format::Env:
        return QStringLiteral("gateway.env");
    case GatewayConfig::Format::Compose:
        return QStringLiteral("docker-compose.yml");
    case GatewayConfig::Format::Kubernetes:
        return QStringLiteral("gateway-k8s.yaml");
    case GatewayConfig::Format::Helm:
        break;
    }
    return QStringLiteral("values-%1.yaml").arg(GatewayConfig::helmChartName(helmChart()));
}

void GatewayExportWidget::save() {
    const QString folder = m_config.fragmentsPath.isEmpty()
                               ? QDir::homePath()
                               : QFileInfo(m_config.fragmentsPath).absolutePath();
    auto *dialog = new QFileDialog(this, tr("Save the Deployment Settings"),
                                   QDir(folder).filePath(suggestedFileName()));
    dialog->setObjectName(QStringLiteral("exportSaveDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &GatewayExportWidget::saveTo);
    dialog->open(); // window-modal without a nested event loop
}

Status GatewayExportWidget::saveTo(const QString &path) {
    // Never over a device or a pipe, and never half a file on a full disk (OutputFile);
    // owner-only, as an export may hold the PIN.
    OutputFile file(path);
    Status saved = file.open();
    if (saved)
        saved = file.write(m_text->toPlainText().toUtf8());
    if (saved)
        saved = file.commit();
    if (!saved) {
        m_message->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
        m_message->setText(saved.error().message);
    } else {
        m_message->setStyleSheet(QString());
        m_message->setText(tr("Saved %1.").arg(path));
    }
    m_message->show();
    return saved;
}

} // namespace hsm::ui
