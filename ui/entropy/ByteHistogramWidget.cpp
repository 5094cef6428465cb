// SPDX-License-Identifier: Apache-2.0
#include "ui/entropy/ByteHistogramWidget.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace hsm::ui {
namespace {

constexpr int kPadding = 6;
constexpr int kTickLength = 3;
// Headroom above the tallest bar (or the expected line) so the label above it fits.
constexpr double kHeadroom = 1.15;
// How far from the expected count a bar may be before it is drawn as an outlier. For
// uniform data a count beyond four standard deviations happens about once in 60 checks.
constexpr double kOutlierSigmas = 4.0;

bool isDark(const QPalette &palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

ByteHistogramWidget::ByteHistogramWidget(QWidget *parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    updateAccessibleDescription();
}

void ByteHistogramWidget::setCounts(const Counts &counts, uint64_t total) {
    m_counts = counts;
    m_total = total;
    m_maxCount = *std::max_element(counts.begin(), counts.end());
    updateAccessibleDescription();
    update();
}

void ByteHistogramWidget::clear() {
    m_counts.fill(0);
    m_total = 0;
    m_maxCount = 0;
    updateAccessibleDescription();
    update();
}

bool ByteHistogramWidget::isOutlier(uint64_t count) const {
    if (m_total == 0)
        return false;
    const double p = 1.0 / kBins;
    const double sigma = std::sqrt(m_total * p * (1.0 - p));
    return std::abs(static_cast<double>(count) - expectedCount()) > kOutlierSigmas * sigma;
}

int ByteHistogramWidget::outlierCount() const {
    return static_cast<int>(std::count_if(m_counts.begin(), m_counts.end(),
                                          [this](uint64_t c) { return isOutlier(c); }));
}

QSize ByteHistogramWidget::sizeHint() const {
    // Two pixels a bar, and room for the labels around the plot.
    const QFontMetrics fm = fontMetrics();
    return {2 * kBins + 2 * kPadding + 2, 7 * fm.height() + 2 * kPadding};
}

QSize ByteHistogramWidget::minimumSizeHint() const {
    const QFontMetrics fm = fontMetrics();
    return {kBins + 2 * kPadding + 2, 4 * fm.height() + 2 * kPadding};
}

void ByteHistogramWidget::updateAccessibleDescription() {
    if (m_total == 0) {
        setAccessibleDescription(tr("No byte counts yet."));
        return;
    }
    const QLocale locale;
    const uint64_t least = *std::min_element(m_counts.begin(), m_counts.end());
    setAccessibleDescription(
        tr("%1 bytes: each of the 256 byte values occurs between %2 and %3 times; a uniform "
           "generator gives %4 each. Values far from that: %5.")
            .arg(locale.toString(static_cast<qulonglong>(m_total)),
                 locale.toString(static_cast<qulonglong>(least)),
                 locale.toString(static_cast<qulonglong>(m_maxCount)),
                 locale.toString(expectedCount(), 'f', 1), locale.toString(outlierCount())));
}

void ByteHistogramWidget::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Window));

    const QFontMetrics fm = fontMetrics();
    // The plot, with a row for the byte values below it.
    const QRect plot =
        rect().adjusted(kPadding, kPadding, -kPadding, -(kPadding + fm.height() + kTickLength));
    if (plot.width() < 16 || plot.height() < 16)
        return;
    painter.fillRect(plot, pal.color(QPalette::Base));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawRect(plot.adjusted(0, 0, -1, -1));

    const QRect inner = plot.adjusted(1, 1, -1, -1);
    const double barWidth = inner.width() / static_cast<double>(kBins);

    // The byte values along the bottom.
    painter.setPen(pal.color(QPalette::WindowText));
    for (const int value : {0, 64, 128, 192, 255}) {
        const int x = inner.left() + static_cast<int>((value + 0.5) * barWidth);
        painter.drawLine(x, plot.bottom() + 1, x, plot.bottom() + kTickLength);
        const QString text = QString::number(value);
        const int w = fm.horizontalAdvance(text);
        const int left = std::clamp(x - w / 2, rect().left(), rect().right() - w);
        painter.drawText(QRect(left, plot.bottom() + kTickLength + 1, w, fm.height()),
                         Qt::AlignCenter, text);
    }

    if (m_total == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(inner, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("The counts of the 256 byte values show here after a check."));
        return;
    }

    const double expected = expectedCount();
    const double top = std::max<double>(m_maxCount, expected) * kHeadroom;
    const auto yOf = [&](double count) {
        return inner.bottom() + 1 - count / top * inner.height();
    };

    // Bars: the palette's highlight; outliers in a red that reads on light and dark bases.
    const QColor bar = pal.color(QPalette::Highlight);
    const QColor outlier = isDark(pal) ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    for (int i = 0; i < kBins; ++i) {
        if (m_counts[i] == 0)
            continue;
        // Whole-pixel edges, so that neighbouring bars neither overlap nor leave gaps.
        const int left = inner.left() + static_cast<int>(std::lround(i * barWidth));
        const int right = inner.left() + static_cast<int>(std::lround((i + 1) * barWidth));
        const int y = static_cast<int>(std::lround(yOf(static_cast<double>(m_counts[i]))));
        const int height = std::max(1, inner.bottom() + 1 - y);
        painter.fillRect(
            QRect(left, inner.bottom() + 1 - height, std::max(1, right - left), height),
            isOutlier(m_counts[i]) ? outlier : bar);
    }

    // The uniform expectation: a dashed line in the text colour, labelled above its right end.
    const int lineY = static_cast<int>(std::lround(yOf(expected)));
    QPen dashed(pal.color(QPalette::Text), 1, Qt::DashLine);
    painter.setPen(dashed);
    painter.drawLine(inner.left(), lineY, inner.right(), lineY);

    const QString label =
        tr("uniform: %1 each").arg(QLocale().toString(expected, 'f', expected < 100 ? 1 : 0));
    QRect labelRect = fm.boundingRect(label).adjusted(-3, -1, 3, 1);
    labelRect.moveBottomRight(QPoint(inner.right() - 2, lineY - 2));
    if (labelRect.top() < inner.top())
        labelRect.moveTop(lineY + 2);
    QColor backing = pal.color(QPalette::Base);
    backing.setAlpha(220);
    painter.fillRect(labelRect, backing);
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(labelRect, Qt::AlignCenter, label);
}

} // namespace hsm::ui
