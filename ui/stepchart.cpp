#include "stepchart.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace mtlab {

std::vector<double> StepChart::maxima(const std::vector<CountStep> &steps, std::int64_t origin,
                                      const TimeScale &scale, int width)
{
    std::vector<double> column(static_cast<std::size_t>(std::max(width, 0)), 0.0);
    if (steps.empty() || width <= 0)
        return column;
    const double shift = static_cast<double>(origin) + scale.startNs;
    auto k = std::upper_bound(steps.begin(), steps.end(), shift,
                              [](double t, const CountStep &s) { return t < static_cast<double>(s.at); });
    if (k != steps.begin())
        --k;
    const double inverse = 1.0 / scale.nsPerPixel; // hoisted: once per step in view
    const auto x = [&](std::int64_t at) { return (static_cast<double>(at) - shift) * inverse; };
    for (double x0 = x(k->at); k != steps.end() && x0 < width; ++k) {
        const double x1 = k + 1 != steps.end() ? x((k + 1)->at) : x0;
        if (k->count > 0 && x1 >= 0) {
            const int c1 = std::min(width - 1, static_cast<int>(std::floor(x1)));
            for (int c = std::max(0, static_cast<int>(std::floor(x0))); c <= c1; ++c)
                column[static_cast<std::size_t>(c)] = std::max(column[static_cast<std::size_t>(c)],
                                                               double(k->count));
        }
        x0 = x1;
    }
    return column;
}

std::vector<double> StepChart::means(const StepCounter &counter, std::int64_t origin, const TimeScale &scale,
                                     int width)
{
    std::vector<double> column(static_cast<std::size_t>(std::max(width, 0)), 0.0);
    if (counter.steps().empty())
        return column;
    const double shift = static_cast<double>(origin) + scale.startNs;
    double before = counter.integral(shift);
    for (int c = 0; c < width; ++c) {
        const double after = counter.integral(shift + (c + 1) * scale.nsPerPixel);
        column[static_cast<std::size_t>(c)] = (after - before) / scale.nsPerPixel;
        before = after;
    }
    return column;
}

void StepChart::paint(QPainter &painter, const std::vector<double> &columns, double left, double base,
                      double height, double full, const QBrush &fill, const QBrush &hatch, double pen)
{
    if (full <= 0)
        return;
    // Whole pixels: columns whose values differ by less than a pixel make one bar.
    const auto y = [&](double v) { return std::round(base - height * v / full); };
    const int width = static_cast<int>(columns.size());
    std::vector<QRectF> bars;
    std::vector<QRectF> outline;
    double previous = base;
    for (int c = 0, end = 0; c < width; c = end) {
        const double top = y(columns[static_cast<std::size_t>(c)]);
        end = c + 1;
        while (end < width && y(columns[static_cast<std::size_t>(end)]) == top)
            ++end;
        const double x = left + c;
        if (top < base)
            bars.emplace_back(x, top, end - c, base - top);
        outline.emplace_back(x, top - pen / 2, end - c, pen);
        outline.emplace_back(x - pen / 2, std::min(previous, top) - pen / 2, pen,
                             std::abs(previous - top) + pen);
        previous = top;
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRects(bars.data(), static_cast<int>(bars.size()));
    if (hatch.style() != Qt::NoBrush) {
        painter.setBrush(hatch);
        painter.drawRects(bars.data(), static_cast<int>(bars.size()));
    }
    painter.setBrush(QColor(0x55, 0x55, 0x55));
    painter.drawRects(outline.data(), static_cast<int>(outline.size()));
    painter.restore();
}

} // namespace mtlab
