// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/base/Result.h"
#include "core/entropy/EntropyCheck.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace hsm {
class HsmClient;
}

namespace hsm::ui {

class ByteHistogramWidget;

// The Entropy tab: an on-demand check of the selected token's random number generator
// (docs/entropy.md). Draws the chosen number of bytes on the worker with a cancellable
// progress bar, then shows the health tests' results at the declared min-entropy, the
// chi-square test, throughput and call latency in words, and the byte counts as a
// histogram.
class EntropyPage : public QWidget {
    Q_OBJECT
public:
    explicit EntropyPage(HsmClient &client, QWidget *parent = nullptr);
    ~EntropyPage() override;

    // Checks the token in `slot` (named `tokenName` in messages) from now on, stopping a
    // check in flight for another token; std::nullopt disables the page.
    void showSlot(std::optional<CK_SLOT_ID> slot, const QString &tokenName = QString());

    bool isRunning() const { return m_running; }
    // The check in flight or last made; for tests.
    QFuture<Result<EntropyCheckReport>> check() const { return m_watcher.future(); }

public Q_SLOTS:
    void runCheck();
    void cancelCheck();

Q_SIGNALS:
    // A check ended: finished, failed or cancelled.
    void checkFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateCutoffs();
    void checkDone();
    void showReport(const EntropyCheckReport &report);
    void showProgress(int value);
    // How much of the check in flight the worker has reported done.
    double bytesDone() const;
    // Shows `verdict` (PASS, FAIL, ...) in the pass or fail colour, or hides it when empty.
    void setVerdict(const QString &verdict, bool good);
    void updateVerdictColour();
    void updateControls();
    qint64 selectedBytes() const;

    HsmClient &m_client;
    std::optional<CK_SLOT_ID> m_slot;
    QString m_tokenName;
    QLabel *m_intro;
    QComboBox *m_bytes;
    QDoubleSpinBox *m_minEntropy;
    QLabel *m_cutoffs;
    QPushButton *m_run;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_verdict;
    QLabel *m_result;
    ByteHistogramWidget *m_histogram;
    bool m_running = false;
    bool m_verdictGood = false;
    qint64 m_requestedBytes = 0;
    QFutureWatcher<Result<EntropyCheckReport>> m_watcher;
};

} // namespace hsm::ui
