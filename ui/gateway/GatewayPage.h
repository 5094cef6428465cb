// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/token/ModuleInfo.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QPushButton;

namespace hsm::ui {

class GatewayExportWidget;
class TokenSelectorWidget;

// The Gateway tab: how the gateway finds the selected token, and the gateway's deployment
// settings for that token in every format, with or without a fragments file to mount.
class GatewayPage : public QWidget {
    Q_OBJECT
public:
    explicit GatewayPage(QWidget *parent = nullptr);

    TokenSelectorWidget *tokenSelector() const { return m_selector; }
    GatewayExportWidget *exportWidget() const { return m_export; }
    // The loaded module, whose library the settings name (the demo HSM's with its
    // SOFTHSM2_CONF); nullptr when none is loaded.
    void setModule(const ModuleInfo *module);

private:
    void showSettings();
    void chooseFragments();

    TokenSelectorWidget *m_selector;
    QLineEdit *m_fragments;
    QPushButton *m_chooseFragments;
    GatewayExportWidget *m_export;
    std::optional<ModuleInfo> m_module;
};

} // namespace hsm::ui
