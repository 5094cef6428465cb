// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fragment/FragmentFile.h"
#include "core/gateway/GatewayConfig.h"

#include <QTimer>
#include <QWizardPage>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace hsm::ui {

class GatewayExportWidget;
class StatusLine;
struct FragmentWizardState;

// The wizard's last page: the fragments file to merge into (its entries listed by name,
// type and id, never by value), a refusal of a duplicate name unless replacing is asked
// for, and the gateway's deployment settings. Finish writes the file atomically (mode 0600,
// the previous version kept as .bak); a failure keeps the wizard open with the reason.
class SavePage : public QWizardPage {
    Q_OBJECT
public:
    explicit SavePage(FragmentWizardState &state, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The settings the exports are made from.
    GatewayConfig gatewayConfig() const;

Q_SIGNALS:
    void saved(const QString &path, const QString &name);

private:
    QString path() const;
    void browse();
    void readFile();
    void updateMerge();
    void updateExport();

    FragmentWizardState &m_state;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QTreeWidget *m_entries;
    QLabel *m_merge;
    QCheckBox *m_replace;
    StatusLine *m_status;
    GatewayExportWidget *m_export;
    std::optional<FragmentFile> m_file; // as last read
    QString m_fileError;
    // Typing a path reads the file once the typing pauses, not at every key.
    QTimer m_readDelay;
    bool m_readPending = false;
};

} // namespace hsm::ui
