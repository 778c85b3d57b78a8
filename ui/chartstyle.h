#pragma once

#include <QChartView>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace mtlab {

// The comparison's charts are read from the back of a classroom: antialiased, a bold title,
// labels a size up, and no animation (a chart that updates per run must not wobble on a slide).
inline void styleChart(QChartView &view, const QString &title)
{
    view.setRenderHint(QPainter::Antialiasing);
    view.setMinimumSize(340, 240);
    QChart *chart = view.chart();
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setAnimationOptions(QChart::NoAnimation);
}

inline QFont largerLabels(const QAbstractAxis &axis)
{
    QFont font = axis.labelsFont();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    return font;
}

// Shows 0..highest on a value axis in at most five 1-2-5 steps, with a tick at each.
// (applyNiceNumbers() often picks coarse steps that leave half of a small chart empty.)
inline void setNiceRange(QValueAxis &axis, double highest)
{
    double step = 1e-3;
    for (int i = 0; highest > 5 * step; ++i)
        step *= i % 3 == 1 ? 2.5 : 2.0;
    const int steps = std::max(1, static_cast<int>(std::ceil(highest / step - 1e-9)));
    axis.setRange(0.0, steps * step);
    axis.setTickCount(steps + 1);
}

} // namespace mtlab
