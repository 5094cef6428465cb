// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace hsm {
struct GatewayImport;
}

namespace hsm::ui {

// Reads the gateway's settings from a pasted `docker run` command or from an env file.
// A command or file that cannot be read keeps the dialog open with the reason; what was
// read is handed on with imported() and the dialog closes.
class GatewayImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit GatewayImportDialog(QWidget *parent = nullptr);

Q_SIGNALS:
    void imported(const hsm::GatewayImport &settings);

private:
    void importCommand();
    void openEnvFile();
    void showError(const QString &message);
    void updateButtons();

    QPlainTextEdit *m_command;
    QPushButton *m_openEnvFile;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace hsm::ui
