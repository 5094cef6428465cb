// SPDX-License-Identifier: Apache-2.0
#include "ui/wizard/FragmentWizard.h"

#include "core/fragment/FragmentFile.h"
#include "ui/token/LoginFlow.h"
#include "ui/wizard/FragmentPage.h"
#include "ui/wizard/HsmPage.h"
#include "ui/wizard/KeyPage.h"
#include "ui/wizard/SavePage.h"
#include "ui/wizard/VerifyPage.h"

#include <QAbstractButton>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace hsm::ui {

FragmentWizard::FragmentWizard(HsmClient &client, QWidget *parent)
    : QWizard(parent) {
    m_state.fragmentsPath = defaultFragmentsPath();
    setWindowTitle(tr("New Customer Fragment"));
    setAccessibleName(windowTitle());
    setObjectName(QStringLiteral("fragmentWizard"));
    setOption(QWizard::NoBackButtonOnStartPage);

    // One login for every page: the HSM page logs in, and a later page whose request finds
    // the token logged out (an HSM restart) asks for the PIN through it and goes on.
    auto *login = new LoginFlow(client, this);
    auto *hsmPage = new HsmPage(client, m_state, login, this);
    connect(hsmPage, &HsmPage::libraryChanged, this, &FragmentWizard::libraryChanged);
    auto *savePage = new SavePage(m_state, this);
    connect(savePage, &SavePage::saved, this, &FragmentWizard::fragmentSaved);
    setPage(HsmPageId, hsmPage);
    setPage(KeyPageId, new KeyPage(client, m_state, login, this));
    auto *fragmentPage = new FragmentPage(m_state, this);
    // Back from the Save page, where another file may have been chosen: check against it.
    connect(this, &QWizard::currentIdChanged, fragmentPage, [fragmentPage](int id) {
        if (id == FragmentPageId)
            fragmentPage->refreshTargetFile();
    });
    setPage(FragmentPageId, fragmentPage);
    setPage(VerifyPageId, new VerifyPage(client, m_state, login, this));
    setPage(SavePageId, savePage);
    setStartId(HsmPageId);

    const QList<QPair<WizardButton, QString>> names = {
        {BackButton, tr("Back")},
        {NextButton, tr("Next")},
        {FinishButton, tr("Finish: write the fragments file")},
        {CancelButton, tr("Cancel")},
        {CommitButton, tr("Commit")},
    };
    for (const auto &[which, name] : names) {
        if (QAbstractButton *b = button(which))
            b->setAccessibleName(name);
    }
    resize(860, 720);
}

FragmentWizard::~FragmentWizard() = default;

QString FragmentWizard::defaultFragmentsPath() {
    const QString last = QSettings().value(QLatin1String(kLastFragmentsFileKey)).toString();
    if (!last.isEmpty())
        return last;
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (documents.isEmpty())
        documents = QDir::homePath();
    return QDir(documents).filePath(QStringLiteral("customer_fragments.json"));
}

QString FragmentWizard::duplicateReason(const FragmentFile &file, const QString &name) {
    const CustomerFragment *existing = file.findByName(name.trimmed());
    if (!existing)
        return QString();
    return tr("%1 already has a fragment named '%2' (%3, %4). Choose another name, or replace "
              "that fragment.")
        .arg(file.path(), existing->name(), existing->typeName(), existing->id());
}

QSet<QString> FragmentWizard::idsOf(const FragmentFile &file) {
    QSet<QString> ids;
    for (const CustomerFragment &f : file.fragments())
        ids.insert(f.id());
    return ids;
}

} // namespace hsm::ui
