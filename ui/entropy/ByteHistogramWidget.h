// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

#include <array>
#include <cstdint>

namespace hsm::ui {

// The 256 byte counts of a generator check as bars, with the count a uniform generator
// would give (total / 256) as a line across them. Bars far from that line (more than four
// standard deviations) are drawn in a warning colour, so a stuck or biased generator shows
// at a glance. Painted by hand in the palette's colours; no Qt Charts.
class ByteHistogramWidget : public QWidget {
    Q_OBJECT
public:
    static constexpr int kBins = 256;
    using Counts = std::array<uint64_t, kBins>;

    explicit ByteHistogramWidget(QWidget *parent = nullptr);

    // `total` is the number of bytes counted (the sum of `counts`).
    void setCounts(const Counts &counts, uint64_t total);
    void clear();

    const Counts &counts() const { return m_counts; }
    uint64_t total() const { return m_total; }
    bool hasCounts() const { return m_total > 0; }
    // total / 256: what each bar would be for a perfectly uniform generator.
    double expectedCount() const { return m_total / static_cast<double>(kBins); }
    // How many byte values lie more than four standard deviations from expectedCount().
    int outlierCount() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    bool isOutlier(uint64_t count) const;
    void updateAccessibleDescription();

    Counts m_counts{};
    uint64_t m_total = 0;
    uint64_t m_maxCount = 0;
};

} // namespace hsm::ui
