// SPDX-License-Identifier: Apache-2.0
#include "ui/wizard/GatewayImportDialog.h"

#include "core/gateway/GatewayConfig.h"
#include "core/gateway/GatewayImport.h"
#include "ui/FitToContents.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hsm::ui {

GatewayImportDialog::GatewayImportDialog(QWidget *parent)
    : QDialog(parent)
    , m_command(new QPlainTextEdit(this))
    , m_openEnvFile(new QPushButton(tr("Open &Env File…"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Import Gateway Settings"));
    setAccessibleName(windowTitle());

    auto *intro = new QLabel(tr("&Paste the docker run command that starts the gateway, or open "
                                "its env file. The library, the token, HSM_USE_RAND and the "
                                "fragments file are taken from it; anything else is listed. A "
                                "PIN in it is never kept."),
                             this);
    intro->setWordWrap(true);
    intro->setBuddy(m_command);
    m_command->setObjectName(QStringLiteral("dockerRunCommand"));
    m_command->setAccessibleName(tr("docker run command"));
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setPlaceholderText(
        QStringLiteral("docker run -d -p 8000:8000 \\\n"
                       "  -e PKCS11_LIB_PATH=/usr/lib/vendor/libpkcs11.so \\\n"
                       "  -e HSM_TOKEN_SERIAL=… -e HSM_USE_RAND=true \\\n"
                       "  -v $PWD/customer_fragments.json:%1 \\\n"
                       "  akeyless/base")
            .arg(QLatin1String(GatewayConfig::kFragmentsMount)));
    // Tab moves on rather than typing a tab into the command.
    m_command->setTabChangesFocus(true);
    m_openEnvFile->setObjectName(QStringLiteral("openEnvFile"));
    m_openEnvFile->setAccessibleName(tr("Import from an env file"));

    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setAccessibleName(tr("Import problem"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_error->hide();

    QPushButton *import = m_buttons->addButton(tr("&Import Command"), QDialogButtonBox::AcceptRole);
    import->setObjectName(QStringLiteral("importCommand"));
    import->setAccessibleName(tr("Import the docker run command"));
    m_buttons->addButton(m_openEnvFile, QDialogButtonBox::ActionRole);
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_command, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(640, 360);

    // Import reports the outcome instead of closing; only success closes.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GatewayImportDialog::importCommand);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_openEnvFile, &QPushButton::clicked, this, &GatewayImportDialog::openEnvFile);
    connect(m_command, &QPlainTextEdit::textChanged, this, &GatewayImportDialog::updateButtons);
    updateButtons();
}

void GatewayImportDialog::importCommand() {
    const QString command = m_command->toPlainText().trimmed();
    if (command.isEmpty())
        return;
    const Result<GatewayImport> settings = GatewayImport::fromDockerRun(command);
    if (!settings) {
        showError(settings.error().toString());
        return;
    }
    // The command may hold a PIN: do not keep it in the widget once read.
    m_command->setPlainText(QString());
    Q_EMIT imported(settings.value());
    accept();
}

void GatewayImportDialog::openEnvFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open the Gateway's Env File"), QString(),
                                     tr("Env files (*.env .env *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot read %1: %2.").arg(path, file.errorString()));
        return;
    }
    const Result<GatewayImport> settings =
        GatewayImport::fromEnvFile(file.read(1024 * 1024), QFileInfo(path).fileName());
    if (!settings) {
        showError(settings.error().toString());
        return;
    }
    Q_EMIT imported(settings.value());
    accept();
}

void GatewayImportDialog::showError(const QString &message) {
    m_error->setText(message);
    m_error->show();
    growToFitContents(this);
}

void GatewayImportDialog::updateButtons() {
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!m_command->toPlainText().trimmed().isEmpty());
    }
}

} // namespace hsm::ui
