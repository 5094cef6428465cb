// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/entropy/RandomSource.h"
#include "core/fragment/FragmentFile.h"
#include "core/fragment/FragmentGenerator.h"

#include <QWizardPage>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace hsm::ui {

struct FragmentWizardState;

// The wizard's third page: the fragment's name (new in the target file), description, type
// and entropy source, checked with fragmentGenerator::validate and the token's RNG.
class FragmentPage : public QWizardPage {
    Q_OBJECT
public:
    explicit FragmentPage(FragmentWizardState &state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // Reads the target file again (it may have been chosen anew on the Save page) and
    // checks the name against it.
    void refreshTargetFile();

private:
    FragmentRequest request() const;
    bool tokenHasRng() const;
    void readTargetFile();
    // What keeps the page from completing; empty when nothing does.
    QString problem() const;
    QString duplicate() const;
    void updateEntropyChoices();
    void updateTypeChoices();
    void update();

    FragmentWizardState &m_state;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QButtonGroup *m_types;
    QCheckBox *m_legacyName;
    QLabel *m_typeNote;
    QComboBox *m_entropy;
    QCheckBox *m_useRand;
    QLabel *m_entropyNote;
    QLabel *m_target;
    QLabel *m_problem;
    QCheckBox *m_replace;
    bool m_initialized = false;
    std::optional<FragmentFile> m_file; // the target file as last read
    QString m_fileError;                // why it could not be read
};

} // namespace hsm::ui
