// SPDX-License-Identifier: Apache-2.0
#include "ui/entropy/EntropyPage.h"

#include "core/client/FutureResult.h"
#include "core/client/HsmClient.h"
#include "ui/entropy/ByteHistogramWidget.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace hsm::ui {
namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr double kMinEntropyLow = entropy::kLowestMinEntropy;
constexpr double kMinEntropyHigh = entropy::kHighestMinEntropy;

QString mib(double bytes) {
    const double value = bytes / kMiB;
    return EntropyPage::tr("%1 MiB").arg(
        QLocale().toString(value, 'f', value == std::floor(value) ? 0 : 2));
}

// Microseconds as µs, or as ms from a millisecond on.
QString duration(double micros) {
    const QLocale locale;
    if (micros >= 1000)
        return EntropyPage::tr("%1 ms").arg(locale.toString(micros / 1000, 'f', 2));
    return EntropyPage::tr("%1 µs").arg(locale.toString(micros, 'f', micros < 10 ? 1 : 0));
}

QString rctCutoffText(int cutoff) {
    return EntropyPage::tr("cut-off %1 identical bytes in a row").arg(cutoff);
}

QString aptCutoffText(int cutoff) {
    return EntropyPage::tr("cut-off %1 equal bytes in a window of %2")
        .arg(cutoff)
        .arg(HealthTests::kAptWindow);
}

bool isDark(const QPalette &palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

EntropyPage::EntropyPage(HsmClient &client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_intro(new QLabel(this))
    , m_bytes(new QComboBox(this))
    , m_minEntropy(new QDoubleSpinBox(this))
    , m_cutoffs(new QLabel(this))
    , m_run(new QPushButton(tr("&Run Check"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Ca&ncel"), this))
    , m_verdict(new QLabel(this))
    , m_result(new QLabel(this))
    , m_histogram(new ByteHistogramWidget(this)) {
    m_intro->setText(tr("Draws bytes from the token's random number generator "
                        "(C_GenerateRandom), runs the SP 800-90B health tests on them at the "
                        "declared min-entropy, and tests the byte frequencies against uniform."));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_intro->setForegroundRole(QPalette::PlaceholderText);

    m_bytes->setObjectName(QStringLiteral("entropyBytes"));
    m_bytes->setAccessibleName(tr("Bytes to test"));
    for (const qint64 size : {qint64(1), qint64(16), qint64(64)})
        m_bytes->addItem(mib(static_cast<double>(size * kMiB)), size * kMiB);
    m_bytes->setCurrentIndex(m_bytes->findData(entropy::kDefaultCheckBytes));
    connect(m_bytes, &QComboBox::currentIndexChanged, this, &EntropyPage::updateCutoffs);

    m_minEntropy->setObjectName(QStringLiteral("minEntropy"));
    m_minEntropy->setAccessibleName(tr("Declared min-entropy in bits per byte"));
    m_minEntropy->setRange(kMinEntropyLow, kMinEntropyHigh);
    m_minEntropy->setDecimals(1);
    m_minEntropy->setSingleStep(0.5);
    m_minEntropy->setValue(HealthTests::kDefaultMinEntropy);
    m_minEntropy->setSuffix(tr(" bits/byte"));
    m_minEntropy->setToolTip(
        tr("The min-entropy per byte the generator is assumed to deliver at least. Lower "
           "values give higher cut-offs: fewer false alarms, slower to catch a fault."));
    connect(m_minEntropy, &QDoubleSpinBox::valueChanged, this, &EntropyPage::updateCutoffs);

    m_cutoffs->setObjectName(QStringLiteral("entropyCutoffs"));
    m_cutoffs->setAccessibleName(tr("Health-test cut-offs"));
    m_cutoffs->setWordWrap(true);
    m_cutoffs->setTextFormat(Qt::PlainText);

    m_run->setObjectName(QStringLiteral("runEntropyCheck"));
    m_run->setAccessibleName(tr("Run the generator check"));
    connect(m_run, &QPushButton::clicked, this, &EntropyPage::runCheck);

    m_progress->setObjectName(QStringLiteral("entropyProgress"));
    m_progress->setAccessibleName(tr("Check progress"));
    m_cancel->setObjectName(QStringLiteral("cancelEntropyCheck"));
    m_cancel->setAccessibleName(tr("Stop the check"));
    connect(m_cancel, &QPushButton::clicked, this, &EntropyPage::cancelCheck);

    m_verdict->setObjectName(QStringLiteral("entropyVerdict"));
    m_verdict->setAccessibleName(tr("Verdict"));
    m_verdict->setTextFormat(Qt::PlainText);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.25);
    m_verdict->setFont(bold);
    m_verdict->hide();

    m_result->setObjectName(QStringLiteral("entropyResult"));
    m_result->setAccessibleName(tr("Check result"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_histogram->setObjectName(QStringLiteral("byteHistogram"));
    m_histogram->setAccessibleName(tr("Counts of the 256 byte values"));
    auto *caption = new QLabel(tr("One bar per byte value; the dashed line is what a uniform "
                                  "generator gives; red bars lie far from it."),
                               this);
    caption->setWordWrap(true);
    caption->setTextFormat(Qt::PlainText);
    caption->setForegroundRole(QPalette::PlaceholderText);

    auto *bytesLabel = new QLabel(tr("&Bytes to test:"), this);
    bytesLabel->setBuddy(m_bytes);
    auto *minEntropyLabel = new QLabel(tr("Declared m&in-entropy:"), this);
    minEntropyLabel->setBuddy(m_minEntropy);
    auto *cutoffsLabel = new QLabel(tr("Cut-offs:"), this);
    auto *settings = new QGridLayout;
    settings->addWidget(bytesLabel, 0, 0);
    settings->addWidget(m_bytes, 0, 1);
    settings->setColumnMinimumWidth(2, 3 * fontMetrics().averageCharWidth()); // a gap
    settings->addWidget(minEntropyLabel, 0, 3);
    settings->addWidget(m_minEntropy, 0, 4);
    settings->addWidget(cutoffsLabel, 1, 0, Qt::AlignLeft | Qt::AlignTop);
    settings->addWidget(m_cutoffs, 1, 1, 1, 5);
    settings->setColumnStretch(5, 1);

    // Idle, the verdict stands next to Run Check; running, the progress and Cancel do.
    auto *running = new QHBoxLayout;
    running->addWidget(m_run);
    running->addWidget(m_verdict);
    running->addWidget(m_progress, 1);
    running->addWidget(m_cancel);
    running->addStretch();

    auto *histogramBox = new QGroupBox(tr("Byte frequencies"), this);
    auto *histogramLayout = new QVBoxLayout(histogramBox);
    histogramLayout->addWidget(m_histogram, 1);
    histogramLayout->addWidget(caption);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(settings);
    layout->addLayout(running);
    layout->addWidget(m_result);
    layout->addWidget(histogramBox, 1);
    setTabOrder(m_bytes, m_minEntropy);
    setTabOrder(m_minEntropy, m_run);
    setTabOrder(m_run, m_cancel);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, &EntropyPage::checkDone);
    connect(&m_watcher, &QFutureWatcherBase::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            &EntropyPage::showProgress);
    updateCutoffs();
    showSlot(std::nullopt);
}

EntropyPage::~EntropyPage() {
    // Nothing more is needed from the worker; let it stop after its current block.
    m_watcher.cancel();
}

void EntropyPage::showSlot(std::optional<CK_SLOT_ID> slot, const QString &tokenName) {
    // The worker stops a cancelled check after its current block; setFuture() drops
    // whatever the old one would still deliver.
    m_watcher.cancel();
    m_watcher.setFuture({});
    m_running = false;
    m_slot = slot;
    m_tokenName = tokenName;
    m_histogram->clear();
    setVerdict(QString(), false);
    m_result->setText(
        slot ? tr("Run Check draws the bytes from %1 and shows the results here.").arg(tokenName)
             : tr("Select an initialized token to check its random number generator."));
    updateControls();
}

void EntropyPage::runCheck() {
    if (!m_slot || m_running)
        return;
    const bool hadFocus = m_run->hasFocus();
    m_running = true;
    m_requestedBytes = selectedBytes();
    m_histogram->clear();
    setVerdict(QString(), false);
    m_result->setText(tr("Drawing %1 from %2…").arg(mib(m_requestedBytes), m_tokenName));
    m_progress->setRange(0, 0); // until the worker reports its first block
    m_progress->setFormat(QString());
    updateControls();
    if (hadFocus)
        m_cancel->setFocus();
    m_watcher.setFuture(m_client.entropyCheck(*m_slot, m_requestedBytes, m_minEntropy->value()));
}

void EntropyPage::cancelCheck() {
    // A check that has finished already is shown, not thrown away.
    if (!m_running || m_watcher.future().isFinished())
        return;
    // Idle at once: the worker stops after its current block, or, when a PKCS#11 call hangs,
    // once the library answers; a new check waits for that in the client's queue.
    m_watcher.cancel();
    checkDone();
}

void EntropyPage::showProgress(int value) {
    m_progress->setValue(value);
    if (m_progress->maximum() > 0)
        m_progress->setFormat(tr("%1 of %2").arg(mib(bytesDone()), mib(m_requestedBytes)));
}

double EntropyPage::bytesDone() const {
    // The progress is in bytes, or in KiB for sizes beyond an int (see PromiseContext).
    const int maximum = m_progress->maximum();
    return maximum > 0 ? static_cast<double>(std::max(0, m_progress->value())) / maximum *
                             static_cast<double>(m_requestedBytes)
                       : 0.0;
}

void EntropyPage::checkDone() {
    if (!m_running)
        return;
    m_running = false;
    const bool cancelHadFocus = m_cancel->hasFocus();
    const Result<EntropyCheckReport> report = finishedResult(m_watcher.future());
    if (report.isCancelled()) {
        setVerdict(QString(), false);
        m_result->setText(tr("Cancelled after about %1 of %2; a partial check gives no verdict.")
                              .arg(mib(bytesDone()), mib(m_requestedBytes)));
    } else if (!report) {
        setVerdict(tr("ERROR"), false);
        m_result->setText(tr("The check could not run: %1").arg(report.error().toString()));
    } else {
        showReport(report.value());
    }
    updateControls();
    if (cancelHadFocus)
        m_run->setFocus();
    Q_EMIT checkFinished();
}

void EntropyPage::showReport(const EntropyCheckReport &r) {
    const QLocale locale;
    QStringList lines;
    if (r.passed())
        lines << tr("Overall: PASS. Both health tests passed and the byte frequencies look "
                    "uniform.");
    else
        lines << tr("Overall: FAIL. Output like this must not be used; see below.");

    lines << tr("Drew %1 (%2 bytes) at %3 MiB/s in %4 calls to C_GenerateRandom; a call took "
                "%5 on average, %6 at most.")
                 .arg(mib(static_cast<double>(r.bytes)),
                      locale.toString(static_cast<qlonglong>(r.bytes)),
                      locale.toString(r.mibPerSecond(), 'f', 1), locale.toString(r.calls),
                      duration(r.meanCallMicros), duration(r.maxCallMicros));

    const bool rctFailed =
        r.failure.failed && r.failure.test.startsWith(QLatin1String("Repetition"));
    const bool aptFailed = r.failure.failed && !rctFailed;
    // describe() names the test, the byte offset, the value and its count.
    lines << (rctFailed ? r.failure.describe() + QLatin1Char('.')
                        : tr("Repetition Count Test: passed; %1 (at %2 bits/byte).")
                              .arg(rctCutoffText(r.rctCutoff), locale.toString(r.minEntropy)));
    if (aptFailed)
        lines << r.failure.describe() + QLatin1Char('.');
    else if (rctFailed)
        lines << tr("Adaptive Proportion Test: not reached; the bytes were rejected by the "
                    "Repetition Count Test first (%1).")
                     .arg(aptCutoffText(r.aptCutoff));
    else
        lines << tr("Adaptive Proportion Test: passed; %1.").arg(aptCutoffText(r.aptCutoff));

    const QString chi =
        tr("Chi-square: %1 with 255 degrees of freedom, p = %2")
            .arg(locale.toString(r.chiSquare, 'f', 1), locale.toString(r.pValue, 'g', 4));
    lines << (r.chiSquarePassed()
                  ? tr("%1: the byte frequencies look uniform.").arg(chi)
                  : tr("%1: FAILED; below %2, the byte frequencies are far from uniform.")
                        .arg(chi, locale.toString(EntropyCheckReport::kPValueFloor, 'g', 1)));

    setVerdict(r.passed() ? tr("PASS") : tr("FAIL"), r.passed());
    m_result->setText(lines.join(QLatin1Char('\n')));
    m_histogram->setCounts(r.statistics.counts, r.statistics.total);
}

void EntropyPage::updateCutoffs() {
    const double h = m_minEntropy->value();
    const int rct = HealthTests::rctCutoff(h);
    QString text = tr("Repetition Count Test: %1\nAdaptive Proportion Test: %2")
                       .arg(rctCutoffText(rct), aptCutoffText(HealthTests::aptCutoff(h)));
    // Uniformly random bytes repeat (rct - 1) times after a byte once in 256^(rct - 1):
    // warn when the chosen size makes such a false alarm likely.
    const double chance = std::pow(256.0, -(rct - 1));
    const double expected = static_cast<double>(selectedBytes()) * chance;
    if (expected >= 0.01)
        text += QLatin1Char('\n') +
                tr("Uniformly random bytes reach this RCT cut-off by chance about once every "
                   "%1, so the check may fail without a fault. The default of %2 bits/byte "
                   "avoids that.")
                    .arg(mib(1.0 / chance), QLocale().toString(HealthTests::kDefaultMinEntropy));
    m_cutoffs->setText(text);
}

void EntropyPage::setVerdict(const QString &verdict, bool good) {
    m_verdict->setText(verdict);
    m_verdict->setVisible(!verdict.isEmpty());
    m_verdictGood = good;
    updateVerdictColour();
}

void EntropyPage::updateVerdictColour() {
    // Green or red that read on the window's background, light or dark.
    const bool dark = isDark(palette());
    QPalette pal = m_verdict->palette();
    pal.setColor(QPalette::WindowText,
                 m_verdictGood ? (dark ? QColor(0x75, 0xb7, 0x98) : QColor(0x0f, 0x51, 0x32))
                               : (dark ? QColor(0xea, 0x86, 0x8f) : QColor(0xb0, 0x2a, 0x37)));
    m_verdict->setPalette(pal);
}

void EntropyPage::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateVerdictColour(); // the theme may have turned dark or light
}

void EntropyPage::updateControls() {
    const bool idle = !m_running;
    m_bytes->setEnabled(idle);
    m_minEntropy->setEnabled(idle);
    m_run->setEnabled(idle && m_slot.has_value());
    m_progress->setVisible(m_running);
    m_cancel->setVisible(m_running);
    m_cancel->setEnabled(m_running);
}

qint64 EntropyPage::selectedBytes() const {
    return m_bytes->currentData().toLongLong();
}

} // namespace hsm::ui
