// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "ui/wizard/FragmentWizardState.h"

#include <QWizard>

namespace hsm {
class FragmentFile;
class HsmClient;
} // namespace hsm

namespace hsm::ui {

// Makes a customer fragment step by step: the HSM and a logged-in token, a key that passes
// the HMAC check, the fragment's name, type and entropy, a generation verified by deriving
// twice, and the merge into customer_fragments.json with the gateway's deployment settings.
// All HSM work runs on the client's worker; nothing is written before Finish.
class FragmentWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { HsmPageId, KeyPageId, FragmentPageId, VerifyPageId, SavePageId };

    explicit FragmentWizard(HsmClient &client, QWidget *parent = nullptr);
    ~FragmentWizard() override;

    const FragmentWizardState &state() const { return m_state; }

    // The QSettings key of the fragments file written last.
    static constexpr char kLastFragmentsFileKey[] = "lastFragmentsFile";
    // The file written last, else customer_fragments.json in the documents folder.
    static QString defaultFragmentsPath();
    // Why `name` cannot be added to `file` as a new fragment; empty when it can.
    static QString duplicateReason(const FragmentFile &file, const QString &name);
    static QSet<QString> idsOf(const FragmentFile &file);

Q_SIGNALS:
    // The wizard loaded a library into the client, replacing the one loaded before, or
    // failed to and left none loaded.
    void libraryChanged(const hsm::Result<hsm::ModuleInfo> &outcome);
    // Finish wrote the fragment named `name` to `path`.
    void fragmentSaved(const QString &path, const QString &name);

private:
    FragmentWizardState m_state;
};

} // namespace hsm::ui
