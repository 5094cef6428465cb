// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/gateway/GatewayConfig.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace hsm::ui {

// The gateway's deployment settings in the chosen format (docker run, env file, Compose,
// Kubernetes, Helm values for either of the vendor's charts), read-only, with Copy and Save. The
// PIN is never in them: the GUI leaves includePin false, so the exports carry a placeholder.
class GatewayExportWidget : public QWidget {
    Q_OBJECT
public:
    // Where it is shown: its Alt+letters must not clash with its window's. The main window's
    // menus, tabs, token selector and call log leave too few letters for the Gateway tab:
    // there only Save has one, the others are reached with Tab.
    enum class Place { WizardPage, GatewayTab };

    explicit GatewayExportWidget(QWidget *parent = nullptr, Place place = Place::WizardPage);

    void setConfig(const GatewayConfig &config);
    GatewayConfig::Format format() const;
    void setFormat(GatewayConfig::Format format);
    // The Helm chart the values are for; asked only with the Helm format.
    GatewayConfig::HelmChart helmChart() const;
    void setHelmChart(GatewayConfig::HelmChart chart);
    // The rendered text; empty when the settings are incomplete.
    QString text() const;
    // Writes the shown settings to `path` (owner-only, atomically) and says so below them.
    Status saveTo(const QString &path);

private:
    void render();
    void copy();
    void save();
    QString suggestedFileName() const;

    QComboBox *m_format;
    QLabel *m_chartLabel;
    QComboBox *m_chart;
    QPlainTextEdit *m_text;
    QPushButton *m_copy;
    QPushButton *m_save;
    QLabel *m_message;
    GatewayConfig m_config;
};

} // namespace hsm::ui
