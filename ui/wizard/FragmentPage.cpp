// SPDX-License-Identifier: Apache-2.0
#include "ui/wizard/FragmentPage.h"

#include "ui/wizard/FragmentWizard.h"
#include "ui/wizard/FragmentWizardState.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace hsm::ui {
namespace {

const QString kErrorStyle = QStringLiteral("QLabel { color: #b02a37; }");
const QString kWarningStyle = QStringLiteral("QLabel { background: #fff3cd; color: #664d03; "
                                             "border: 1px solid #ffda6a; padding: 6px; }");

} // namespace

FragmentPage::FragmentPage(FragmentWizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_types(new QButtonGroup(this))
    , m_legacyName(new QCheckBox(tr("Write the &older name hsm_wrapped"), this))
    , m_typeNote(new QLabel(this))
    , m_entropy(new QComboBox(this))
    , m_useRand(new QCheckBox(tr("HSM_&USE_RAND=true"), this))
    , m_entropyNote(new QLabel(this))
    , m_target(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_replace(new QCheckBox(tr("&Replace the existing fragment of this name"), this)) {
    setTitle(tr("Customer Fragment"));
    setSubTitle(tr("Name the fragment and choose how the gateway holds it and where its random "
                   "seed comes from."));

    m_name->setObjectName(QStringLiteral("fragmentName"));
    m_name->setAccessibleName(tr("Fragment name"));
    m_name->setPlaceholderText(tr("required, e.g. HSM_CF"));
    m_description->setObjectName(QStringLiteral("fragmentDescription"));
    m_description->setAccessibleName(tr("Fragment description"));
    m_description->setPlaceholderText(tr("optional"));

    // One radio button per type, each with its one sentence beneath.
    auto *typeBox = new QWidget(this);
    auto *typeLayout = new QVBoxLayout(typeBox);
    typeLayout->setContentsMargins(0, 0, 0, 0);
    typeLayout->setSpacing(2);
    const struct {
        FragmentType type;
        const char *objectName;
        QString text;
        QString sentence;
    } types[] = {
        {FragmentType::HsmWrapHmac, "typeWrapped", tr("hsm_wrap_&hmac"),
         tr("Derived with the HMAC key once when the gateway starts and kept in memory.")},
        {FragmentType::HsmSecured, "typeSecured", tr("hsm_&secured"),
         tr("Derived with the HMAC key on every use, never kept.")},
        {FragmentType::HsmWrapEncrypt, "typeEncrypt", tr("hsm_wrap_en&crypt"),
         tr("Encrypted under the KEK; the gateway decrypts it in the HSM, and the KEK can be "
            "rotated later without changing the fragment.")},
        {FragmentType::Standard, "typeStandard", tr("s&tandard"),
         tr("Stored as is, no HSM: the gateway uses the value itself.")},
    };
    for (const auto &t : types) {
        auto *radio = new QRadioButton(t.text, typeBox);
        radio->setObjectName(QLatin1String(t.objectName));
        radio->setAccessibleName(tr("Type %1").arg(CustomerFragment::typeName(t.type)));
        radio->setAccessibleDescription(t.sentence);
        auto *sentence = new QLabel(t.sentence, typeBox);
        sentence->setWordWrap(true);
        sentence->setIndent(radio->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) + 8);
        sentence->setForegroundRole(QPalette::PlaceholderText);
        m_types->addButton(radio, static_cast<int>(t.type));
        typeLayout->addWidget(radio);
        typeLayout->addWidget(sentence);
        if (t.type == FragmentType::HsmWrapHmac) {
            // The older name, for gateways that do not know hsm_wrap_hmac yet.
            m_legacyName->setObjectName(QStringLiteral("legacyTypeName"));
            m_legacyName->setAccessibleName(tr("Write the older name hsm_wrapped"));
            m_legacyName->setToolTip(
                tr("Older gateway releases know this type only as hsm_wrapped; newer releases "
                   "name it hsm_wrap_hmac and still read hsm_wrapped. Check your gateway's "
                   "documentation if unsure which it runs."));
            auto *legacyRow = new QHBoxLayout;
            legacyRow->setContentsMargins(sentence->indent(), 0, 0, 0);
            legacyRow->addWidget(m_legacyName);
            legacyRow->addStretch(1);
            typeLayout->addLayout(legacyRow);
            auto *legacySentence = new QLabel(
                tr("Older gateway releases know only hsm_wrapped; newer ones name the type "
                   "hsm_wrap_hmac and add hsm_wrap_encrypt."),
                typeBox);
            legacySentence->setWordWrap(true);
            legacySentence->setIndent(sentence->indent() * 2);
            legacySentence->setForegroundRole(QPalette::PlaceholderText);
            typeLayout->addWidget(legacySentence);
        }
    }
    m_typeNote->setObjectName(QStringLiteral("typeNote"));
    m_typeNote->setAccessibleName(tr("About the types offered"));
    m_typeNote->setWordWrap(true);
    m_typeNote->setTextFormat(Qt::PlainText);
    typeLayout->addWidget(m_typeNote);
    m_types->button(static_cast<int>(FragmentType::HsmWrapHmac))->setChecked(true);

    m_entropy->setObjectName(QStringLiteral("entropySource"));
    m_entropy->setAccessibleName(tr("Entropy source"));
    m_entropy->addItem(tr("Mixed: the HSM's and the OS's random bytes, XORed"),
                       static_cast<int>(EntropySource::Mixed));
    m_entropy->addItem(tr("HSM: C_GenerateRandom"), static_cast<int>(EntropySource::Hsm));
    m_entropy->addItem(tr("OS: OpenSSL RAND_bytes"), static_cast<int>(EntropySource::Os));
    m_useRand->setObjectName(QStringLiteral("hsmUseRand"));
    m_useRand->setAccessibleName(tr("HSM_USE_RAND is true"));
    m_useRand->setToolTip(tr("The gateway's HSM_USE_RAND: when true, the HSM must contribute "
                             "random numbers, so the OS alone is not allowed."));
    auto *entropyRow = new QHBoxLayout;
    entropyRow->addWidget(m_entropy, 1);
    entropyRow->addWidget(m_useRand);
    m_entropyNote->setObjectName(QStringLiteral("entropyNote"));
    m_entropyNote->setAccessibleName(tr("About the entropy choices"));
    m_entropyNote->setWordWrap(true);
    m_entropyNote->setTextFormat(Qt::PlainText);

    m_target->setObjectName(QStringLiteral("targetFile"));
    m_target->setAccessibleName(tr("Fragments file checked"));
    m_target->setWordWrap(true);
    m_target->setTextFormat(Qt::PlainText);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setObjectName(QStringLiteral("fragmentError"));
    m_problem->setAccessibleName(tr("Fragment problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    m_replace->setObjectName(QStringLiteral("replaceExisting"));
    m_replace->setAccessibleName(tr("Replace the existing fragment of this name"));
    m_replace->hide();

    auto *nameLabel = new QLabel(tr("N&ame:"), this);
    nameLabel->setBuddy(m_name);
    auto *descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    auto *typeLabel = new QLabel(tr("Type:"), this);
    auto *entropyLabel = new QLabel(tr("&Entropy:"), this);
    entropyLabel->setBuddy(m_entropy);

    auto *form = new QFormLayout;
    form->addRow(nameLabel, m_name);
    form->addRow(descriptionLabel, m_description);
    form->addRow(typeLabel, typeBox);
    form->addRow(entropyLabel, entropyRow);
    form->addRow(QString(), m_entropyNote);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_target);
    layout->addWidget(m_problem);
    layout->addWidget(m_replace);
    layout->addStretch(1);
    setTabOrder(m_name, m_description);
    setTabOrder(m_description, m_types->button(static_cast<int>(FragmentType::HsmWrapHmac)));
    setTabOrder(m_types->button(static_cast<int>(FragmentType::HsmWrapHmac)), m_legacyName);
    setTabOrder(m_legacyName, m_types->button(static_cast<int>(FragmentType::HsmSecured)));
    setTabOrder(m_types->button(static_cast<int>(FragmentType::HsmSecured)),
                m_types->button(static_cast<int>(FragmentType::HsmWrapEncrypt)));
    setTabOrder(m_types->button(static_cast<int>(FragmentType::HsmWrapEncrypt)),
                m_types->button(static_cast<int>(FragmentType::Standard)));
    setTabOrder(m_types->button(static_cast<int>(FragmentType::Standard)), m_entropy);
    setTabOrder(m_entropy, m_useRand);
    setTabOrder(m_useRand, m_replace);

    connect(m_name, &QLineEdit::textChanged, this, &FragmentPage::update);
    connect(m_types, &QButtonGroup::idToggled, this, &FragmentPage::update);
    connect(m_legacyName, &QCheckBox::toggled, this, &FragmentPage::update);
    connect(m_entropy, &QComboBox::currentIndexChanged, this, &FragmentPage::update);
    connect(m_useRand, &QCheckBox::toggled, this, [this] {
        updateEntropyChoices();
        update();
    });
    connect(m_replace, &QCheckBox::toggled, this, &FragmentPage::update);
}

void FragmentPage::initializePage() {
    if (!m_initialized) {
        m_initialized = true;
        m_useRand->setChecked(m_state.useRand.value_or(tokenHasRng()));
        const EntropySource source = tokenHasRng() ? EntropySource::Mixed : EntropySource::Os;
        m_entropy->setCurrentIndex(m_entropy->findData(static_cast<int>(source)));
        m_replace->setChecked(m_state.replace);
    } else if (m_state.useRand) {
        m_useRand->setChecked(*m_state.useRand); // imported since
    }
    updateTypeChoices();
    updateEntropyChoices();
    refreshTargetFile();
    m_name->setFocus();
}

void FragmentPage::updateTypeChoices() {
    // The Key page chose the family: an HMAC key for the derived types, a KEK for
    // hsm_wrap_encrypt. standard needs neither.
    const bool kek = m_state.keyIsKek;
    for (FragmentType type : {FragmentType::HsmWrapHmac, FragmentType::HsmSecured})
        m_types->button(static_cast<int>(type))->setEnabled(!kek);
    m_types->button(static_cast<int>(FragmentType::HsmWrapEncrypt))->setEnabled(kek);
    QAbstractButton *checked = m_types->checkedButton();
    if (!checked || !checked->isEnabled())
        m_types
            ->button(
                static_cast<int>(kek ? FragmentType::HsmWrapEncrypt : FragmentType::HsmWrapHmac))
            ->setChecked(true);
    m_typeNote->setText(
        kek ? tr("The key chosen is the KEK '%1' (%2): hsm_wrap_encrypt or standard. For "
                 "hsm_wrap_hmac or hsm_secured go back and choose an HMAC key.")
                  .arg(m_state.keyLabel, keyEncryption::algorithmName(m_state.wrapAlgorithm))
            : tr("The key chosen is the HMAC key '%1': hsm_wrap_hmac, hsm_secured or standard. "
                 "For hsm_wrap_encrypt go back and choose a key-encryption key.")
                  .arg(m_state.keyLabel));
}

void FragmentPage::refreshTargetFile() {
    readTargetFile();
    update();
}

bool FragmentPage::isComplete() const {
    return problem().isEmpty();
}

bool FragmentPage::validatePage() {
    // The file may have changed since it was read.
    readTargetFile();
    update();
    if (!isComplete())
        return false;
    m_state.request = request();
    m_state.replace = m_replace->isChecked() && !duplicate().isEmpty();
    m_state.useRand = m_useRand->isChecked();
    return true;
}

FragmentRequest FragmentPage::request() const {
    FragmentRequest r;
    r.name = m_name->text().trimmed();
    r.description = m_description->text().trimmed();
    r.type = static_cast<FragmentType>(m_types->checkedId());
    if (r.type != FragmentType::Standard)
        r.keyLabel = m_state.keyLabel;
    if (r.type == FragmentType::HsmWrapHmac && m_legacyName->isChecked())
        r.typeName = QString::fromLatin1(CustomerFragment::kLegacyWrapHmacName);
    if (r.type == FragmentType::HsmWrapEncrypt)
        r.wrapAlgorithm = m_state.wrapAlgorithm;
    r.entropy = static_cast<EntropySource>(m_entropy->currentData().toInt());
    r.hsmUseRand = m_useRand->isChecked();
    return r;
}

bool FragmentPage::tokenHasRng() const {
    return m_state.slot && m_state.slot->token && m_state.slot->token->has(CKF_RNG);
}

void FragmentPage::readTargetFile() {
    const Result<FragmentFile> file = FragmentFile::loadOrCreate(m_state.fragmentsPath);
    if (file) {
        m_file = file.value();
        m_fileError.clear();
        m_state.takenIds = FragmentWizard::idsOf(*m_file);
    } else {
        m_file.reset();
        m_fileError = file.error().toString();
        m_state.takenIds.clear();
    }
    m_target->setText(
        m_file ? tr("The name must be new in %1 (fragments there now: %2). The file to write is "
                    "chosen on the last page.")
                     .arg(m_state.fragmentsPath)
                     .arg(m_file->fragments().size())
               : tr("%1 cannot be read (%2); choose another file on the last page.")
                     .arg(m_state.fragmentsPath, m_fileError));
}

QString FragmentPage::duplicate() const {
    return m_file ? FragmentWizard::duplicateReason(*m_file, m_name->text()) : QString();
}

QString FragmentPage::problem() const {
    const FragmentRequest r = request();
    if (Status valid = fragmentGenerator::validate(r); !valid)
        return valid.error().message;
    if (Result<EntropySource> source = fragmentGenerator::chooseEntropy(r, tokenHasRng()); !source)
        return source.error().message;
    if (!m_replace->isChecked())
        return duplicate();
    return QString();
}

void FragmentPage::updateEntropyChoices() {
    const bool rng = tokenHasRng();
    const bool useRand = m_useRand->isChecked();
    auto *model = qobject_cast<QStandardItemModel *>(m_entropy->model());
    for (int i = 0; model && i < m_entropy->count(); ++i) {
        const auto source = static_cast<EntropySource>(m_entropy->itemData(i).toInt());
        const bool allowed = source == EntropySource::Os ? !useRand : rng;
        model->item(i)->setEnabled(allowed);
    }
    // Move off a choice that is no longer allowed.
    const auto current = static_cast<EntropySource>(m_entropy->currentData().toInt());
    if (current == EntropySource::Os && useRand && rng)
        m_entropy->setCurrentIndex(m_entropy->findData(static_cast<int>(EntropySource::Mixed)));
    else if (current != EntropySource::Os && !rng)
        m_entropy->setCurrentIndex(m_entropy->findData(static_cast<int>(EntropySource::Os)));

    QStringList notes;
    if (!rng)
        notes << tr("This token has no random number generator (CKF_RNG is not set), so the HSM "
                    "cannot supply the seed: only the OS can.");
    if (useRand)
        notes << tr("HSM_USE_RAND=true: the HSM must contribute, so the OS alone is not offered.");
    if (notes.isEmpty())
        notes << tr("The seed is 64 random bytes. Mixed XORs the HSM's and the OS's, so neither "
                    "alone being weak weakens it.");
    m_entropyNote->setText(notes.join(QLatin1Char(' ')));
}

void FragmentPage::update() {
    m_legacyName->setEnabled(m_types->checkedId() == static_cast<int>(FragmentType::HsmWrapHmac));
    const QString dup = duplicate();
    m_replace->setVisible(!dup.isEmpty());
    const QString text = problem();
    if (!text.isEmpty()) {
        // A missing name is no mistake yet: say what is needed without alarm.
        m_problem->setStyleSheet(m_name->text().trimmed().isEmpty() ? QString() : kErrorStyle);
        m_problem->setText(text);
        m_problem->show();
    } else if (!dup.isEmpty()) {
        m_problem->setStyleSheet(kWarningStyle);
        m_problem->setText(tr("Finish will replace the fragment named '%1' in %2; the gateway "
                              "then loses the old fragment's value.")
                               .arg(m_name->text().trimmed(), m_state.fragmentsPath));
        m_problem->show();
    } else {
        m_problem->hide();
    }
    Q_EMIT completeChanged();
}

} // namespace hsm::ui
