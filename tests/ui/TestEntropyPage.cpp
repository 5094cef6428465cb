// SPDX-License-Identifier: Apache-2.0
#include "core/client/Application.h"
#include "core/client/HsmClient.h"
#include "core/token/DemoHsm.h"
#include "tests/ui/DemoWindow.h"
#include "tests/ui/UiTestHome.h"
#include "ui/MainWindow.h"
#include "ui/browser/ModuleTreeModel.h"
#include "ui/entropy/ByteHistogramWidget.h"
#include "ui/entropy/EntropyPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <numeric>

using namespace hsm;
using namespace hsm::ui;

namespace {

// Loading SoftHSM and creating the demo token takes a moment on a busy machine.
constexpr int kTimeout = 30000;
// A check of 1 MiB takes well under a second; leave room for a loaded machine.
constexpr int kCheckTimeout = 120000;
constexpr qint64 kMiB = 1024 * 1024;

} // namespace

// The Entropy tab, driven through the main window against the demo HSM. The test functions
// build on each other, in order.
class TestEntropyPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsIdleWithDefaults();
    void showsCutoffsLive();
    void runsCheckAndShowsResult();
    void verdictReadsInDarkTheme();
    void histogramShowsBias();
    void cancelReturnsToIdle();
    void followsSelectedToken();
    void showsFailingGenerator();
    void showsTokenWithoutRng();
    void cleanupTestCase();

private:
    template <typename T> T *child(const char *name) const { return m_demo->child<T>(name); }
    EntropyPage *page() const { return child<EntropyPage>("entropyPage"); }
    QString resultText() const { return child<QLabel>("entropyResult")->text(); }
    QString cutoffText() const { return child<QLabel>("entropyCutoffs")->text(); }
    bool chooseBytes(qint64 bytes);
    void typeMinEntropy(const QString &value);
    // What keeps the page from waiting for a click (Run enabled, the settings editable, no
    // progress, no Cancel); empty when idle.
    QString notIdle() const;

    std::unique_ptr<DemoWindow> m_demo;
};

void TestEntropyPage::initTestCase() {
    // The fault module fronts SoftHSM; it reads the demo's tokens only when told to, as any
    // SoftHSM library the user opens reads the user's SOFTHSM2_CONF.
    qputenv("SOFTHSM2_CONF", QFile::encodeName(demoHsm::configPath()));
    m_demo = std::make_unique<DemoWindow>();
    const QString why = m_demo->open(kTimeout);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // The demo token is preferred in the tree, so the page already follows it.
    auto *tree = child<QTreeView>("moduleTree");
    QVERIFY(tree->currentIndex().data().toString().startsWith(QStringLiteral("demo (#")));
    QVERIFY(page());
    child<QTabWidget>("detailTabs")->setCurrentWidget(page());
    QVERIFY(page()->isVisible());
}

void TestEntropyPage::startsIdleWithDefaults() {
    QVERIFY2(notIdle().isEmpty(), qPrintable(notIdle()));
    QCOMPARE(child<QComboBox>("entropyBytes")->currentData().toLongLong(), kMiB);
    QCOMPARE(child<QDoubleSpinBox>("minEntropy")->value(), 4.0);
    QVERIFY2(cutoffText().contains(QStringLiteral("cut-off 6 identical")),
             qPrintable(cutoffText()));
    QVERIFY2(cutoffText().contains(QStringLiteral("cut-off 62 equal")), qPrintable(cutoffText()));
    QVERIFY(resultText().contains(QStringLiteral("demo")));
    QVERIFY(!child<ByteHistogramWidget>("byteHistogram")->hasCounts());
    QVERIFY(!child<QLabel>("entropyVerdict")->isVisible());
}

void TestEntropyPage::showsCutoffsLive() {
    typeMinEntropy(QStringLiteral("8"));
    QCOMPARE(child<QDoubleSpinBox>("minEntropy")->value(), 8.0);
    QVERIFY2(cutoffText().contains(QStringLiteral("cut-off 4 identical")),
             qPrintable(cutoffText()));
    QVERIFY2(cutoffText().contains(QStringLiteral("cut-off 13 equal")), qPrintable(cutoffText()));
    // At 8 bits/byte four equal bytes in a row fail: random data does that every 16 MiB.
    QVERIFY2(cutoffText().contains(QStringLiteral("16 MiB")), qPrintable(cutoffText()));
    QVERIFY(!page()->isRunning()); // nothing ran to show them

    typeMinEntropy(QStringLiteral("4"));
    QCOMPARE(child<QDoubleSpinBox>("minEntropy")->value(), 4.0);
    QVERIFY(cutoffText().contains(QStringLiteral("cut-off 6 identical")));
    QVERIFY(cutoffText().contains(QStringLiteral("cut-off 62 equal")));
    QVERIFY(!cutoffText().contains(QStringLiteral("by chance")));
}

void TestEntropyPage::runsCheckAndShowsResult() {
    QSignalSpy finished(page(), &EntropyPage::checkFinished);
    QTest::mouseClick(child<QPushButton>("runEntropyCheck"), Qt::LeftButton);
    QVERIFY(page()->isRunning());
    QVERIFY(child<QProgressBar>("entropyProgress")->isVisible());
    QVERIFY(child<QPushButton>("cancelEntropyCheck")->isVisible());
    QVERIFY(!child<QPushButton>("runEntropyCheck")->isEnabled());
    QVERIFY(!child<QDoubleSpinBox>("minEntropy")->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kCheckTimeout);
    QVERIFY2(notIdle().isEmpty(), qPrintable(notIdle()));
    const QString text = resultText();
    QVERIFY2(text.contains(QStringLiteral("PASS")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("cut-off 6 identical")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("cut-off 62 equal")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("MiB/s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("p = ")), qPrintable(text));
    QCOMPARE(child<QLabel>("entropyVerdict")->text(), QStringLiteral("PASS"));
    QVERIFY(child<QLabel>("entropyVerdict")->isVisible());

    auto *histogram = child<ByteHistogramWidget>("byteHistogram");
    QCOMPARE(histogram->counts().size(), size_t(256));
    QCOMPARE(histogram->total(), uint64_t(kMiB));
    const uint64_t sum =
        std::accumulate(histogram->counts().begin(), histogram->counts().end(), uint64_t(0));
    QCOMPARE(sum, uint64_t(kMiB));
    QCOMPARE(histogram->expectedCount(), 4096.0);
    // Every value occurs: a working generator leaves no bin of 4096 expected empty.
    QVERIFY(std::all_of(histogram->counts().begin(), histogram->counts().end(),
                        [](uint64_t c) { return c > 0; }));

    // HSM_UI_SCREENSHOT=/tmp/entropy.png saves the window as it looks now.
    const QString screenshot = qEnvironmentVariable("HSM_UI_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(m_demo->window()->grab().save(screenshot));
}

void TestEntropyPage::verdictReadsInDarkTheme() {
    auto *verdict = child<QLabel>("entropyVerdict");
    QVERIFY(verdict->isVisible());
    const QColor light = verdict->palette().color(QPalette::WindowText);
    QVERIFY2(light.lightness() < 128, qPrintable(light.name()));

    const QPalette original = QApplication::palette();
    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    QApplication::setPalette(dark);
    QTRY_VERIFY(verdict->palette().color(QPalette::WindowText).lightness() >= 128);
    const QString screenshot = qEnvironmentVariable("HSM_UI_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(m_demo->window()->grab().save(
            QString(screenshot).replace(QStringLiteral(".png"), QStringLiteral("-dark.png"))));
    QApplication::setPalette(original);
    QTRY_COMPARE(verdict->palette().color(QPalette::WindowText), light);
}

void TestEntropyPage::histogramShowsBias() {
    ByteHistogramWidget histogram;
    QVERIFY(histogram.sizeHint().width() >= 2 * ByteHistogramWidget::kBins);
    ByteHistogramWidget::Counts counts;
    counts.fill(4096);
    histogram.setCounts(counts, 4096 * 256);
    QCOMPARE(histogram.outlierCount(), 0);

    // One value twice as often as the rest: that bar alone stands out.
    counts[0x41] = 2 * 4096;
    histogram.setCounts(counts, 4096 * 257);
    QCOMPARE(histogram.outlierCount(), 1);
    QVERIFY(histogram.accessibleDescription().contains(QStringLiteral("far from that: 1")));

    // A stuck generator: every byte the same.
    counts.fill(0);
    counts[0] = kMiB;
    histogram.setCounts(counts, kMiB);
    QCOMPARE(histogram.outlierCount(), 256);
    const QString screenshot = qEnvironmentVariable("HSM_UI_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        histogram.resize(histogram.sizeHint());
        counts.fill(4096);
        for (int i = 0; i < 256; i += 16)
            counts[i] = 5000;
        histogram.setCounts(counts, 4096 * 240 + 5000 * 16);
        QVERIFY(histogram.grab().save(
            QString(screenshot).replace(QStringLiteral(".png"), QStringLiteral("-biased.png"))));
    }

    histogram.clear();
    QVERIFY(!histogram.hasCounts());
    QCOMPARE(histogram.outlierCount(), 0);
}

void TestEntropyPage::cancelReturnsToIdle() {
    QVERIFY(chooseBytes(64 * kMiB));
    QSignalSpy finished(page(), &EntropyPage::checkFinished);
    QTest::mouseClick(child<QPushButton>("runEntropyCheck"), Qt::LeftButton);
    QVERIFY(page()->isRunning());
    const QFuture<Result<EntropyCheckReport>> check = page()->check();
    auto *cancel = child<QPushButton>("cancelEntropyCheck");
    auto *progress = child<QProgressBar>("entropyProgress");
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    // Let the first blocks arrive, so that Cancel stops a running check, not a queued one.
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0 || finished.size() > 0, kCheckTimeout);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kCheckTimeout);
    QVERIFY2(notIdle().isEmpty(), qPrintable(notIdle()));
    QVERIFY(chooseBytes(kMiB));
    if (!check.isCanceled())
        QSKIP("The 64 MiB check finished before Cancel was handled; nothing was left to stop.");
    QVERIFY2(resultText().contains(QStringLiteral("Cancelled")), qPrintable(resultText()));
    QVERIFY(!resultText().contains(QStringLiteral("PASS")));
    QVERIFY(!child<QLabel>("entropyVerdict")->isVisible());
    QVERIFY(!child<ByteHistogramWidget>("byteHistogram")->hasCounts());
    qInfo("%s", qPrintable(resultText()));

    // The worker is free again: the next check runs to the end.
    finished.clear();
    QTest::mouseClick(child<QPushButton>("runEntropyCheck"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kCheckTimeout);
    QVERIFY2(resultText().contains(QStringLiteral("PASS")), qPrintable(resultText()));
}

void TestEntropyPage::followsSelectedToken() {
    auto *tree = child<QTreeView>("moduleTree");
    const QModelIndex token = tree->currentIndex();
    QCOMPARE(token.data(ModuleTreeModel::KindRole).toInt(),
             static_cast<int>(ModuleTreeModel::Kind::Token));
    auto *histogram = child<ByteHistogramWidget>("byteHistogram");
    QVERIFY(histogram->hasCounts());

    // A check in flight stops when another item is selected; its results would be stale.
    QVERIFY(chooseBytes(64 * kMiB));
    QTest::mouseClick(child<QPushButton>("runEntropyCheck"), Qt::LeftButton);
    QVERIFY(page()->isRunning());
    const QFuture<Result<EntropyCheckReport>> check = page()->check();
    tree->setCurrentIndex(tree->model()->index(0, 0)); // the module
    QVERIFY(!page()->isRunning());
    QVERIFY(check.isCanceled());
    QVERIFY(!child<QPushButton>("runEntropyCheck")->isEnabled());
    QVERIFY(!child<QProgressBar>("entropyProgress")->isVisible());
    QVERIFY(!histogram->hasCounts());
    QVERIFY2(resultText().contains(QStringLiteral("Select an initialized token")),
             qPrintable(resultText()));
    QVERIFY(chooseBytes(kMiB));

    tree->setCurrentIndex(token);
    QVERIFY(child<QPushButton>("runEntropyCheck")->isEnabled());
    QVERIFY(resultText().contains(QStringLiteral("demo")));
}

void TestEntropyPage::showsFailingGenerator() {
    // The demo token again, through a module whose generator returns only 0x42.
    QSignalSpy loaded(m_demo->window(), &MainWindow::inventoryLoaded);
    QSignalSpy failed(m_demo->window(), &MainWindow::loadFailed);
    m_demo->window()->loadLibrary(QStringLiteral(HSM_TEST_FAULTS));
    QVERIFY2(loaded.wait(kTimeout),
             qPrintable(failed.isEmpty() ? QStringLiteral("no signal")
                                         : failed.first().first().toString()));
    QVERIFY(resultText().contains(QStringLiteral("demo")));
    qputenv("HSM_FAULTS", "C_GenerateRandom constant=0x42");
    QSignalSpy finished(page(), &EntropyPage::checkFinished);
    QTest::mouseClick(child<QPushButton>("runEntropyCheck"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kCheckTimeout);
    qunsetenv("HSM_FAULTS");

    const QString text = resultText();
    QVERIFY2(text.contains(QStringLiteral("FAIL")) && !text.contains(QStringLiteral("PASS")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Repetition Count Test failed at byte")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0x42")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Adaptive Proportion Test: not reached")),
             qPrintable(text));
    QCOMPARE(child<QLabel>("entropyVerdict")->text(), QStringLiteral("FAIL"));
    // The stuck generator shows as one bar holding every byte.
    auto *histogram = child<ByteHistogramWidget>("byteHistogram");
    QCOMPARE(histogram->counts()[0x42], uint64_t(kMiB));
    QCOMPARE(histogram->outlierCount(), 256);

    const QString screenshot = qEnvironmentVariable("HSM_UI_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(m_demo->window()->grab().save(
            QString(screenshot).replace(QStringLiteral(".png"), QStringLiteral("-fail.png"))));
}

void TestEntropyPage::showsTokenWithoutRng() {
    qputenv("HSM_FAULTS", "token flags=no-rng");
    QSignalSpy finished(page(), &EntropyPage::checkFinished);
    QTest::mouseClick(child<QPushButton>("runEntropyCheck"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kCheckTimeout);
    qunsetenv("HSM_FAULTS");
    QVERIFY2(notIdle().isEmpty(), qPrintable(notIdle()));
    QVERIFY2(resultText().contains(QStringLiteral("CKF_RNG is not set")), qPrintable(resultText()));
    QVERIFY(!resultText().contains(QStringLiteral("PASS")));
    QVERIFY(!child<ByteHistogramWidget>("byteHistogram")->hasCounts());
}

void TestEntropyPage::cleanupTestCase() {
    m_demo.reset();
}

bool TestEntropyPage::chooseBytes(qint64 bytes) {
    auto *combo = child<QComboBox>("entropyBytes");
    const int index = combo->findData(bytes);
    combo->setCurrentIndex(index);
    return index >= 0;
}

void TestEntropyPage::typeMinEntropy(const QString &value) {
    auto *spin = child<QDoubleSpinBox>("minEntropy");
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, value);
}

QString TestEntropyPage::notIdle() const {
    QStringList problems;
    if (page()->isRunning())
        problems << QStringLiteral("still running");
    if (!child<QPushButton>("runEntropyCheck")->isEnabled())
        problems << QStringLiteral("Run disabled");
    if (child<QProgressBar>("entropyProgress")->isVisible())
        problems << QStringLiteral("progress shown");
    if (child<QPushButton>("cancelEntropyCheck")->isVisible())
        problems << QStringLiteral("Cancel shown");
    if (!child<QComboBox>("entropyBytes")->isEnabled() ||
        !child<QDoubleSpinBox>("minEntropy")->isEnabled())
        problems << QStringLiteral("settings disabled");
    return problems.join(QStringLiteral(", "));
}

int main(int argc, char *argv[]) {
    UiTestHome home; // before QApplication
    if (!home.isValid())
        return 1;
    QApplication app(argc, argv);
    setApplicationIdentity();
    TestEntropyPage test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestEntropyPage.moc"
