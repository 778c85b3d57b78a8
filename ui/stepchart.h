#pragma once

#include "stepcounter.h"
#include "timescale.h"

#include <QBrush>
#include <QRectF>

#include <cstdint>
#include <vector>

class QPainter;

namespace mtlab {

// A step function (a count over time) drawn as a filled chart with an outline, one value per
// pixel column: the queue row (tasks waiting) and the cores row (lanes computing).
class StepChart
{
public:
    // Per column of a plot `width` px wide, the most in it, so that a short peak is never lost
    // when zoomed out; steps are absolute ns, origin the group's.
    static std::vector<double> maxima(const std::vector<CountStep> &steps, std::int64_t origin,
                                      const TimeScale &scale, int width);
    // Per column the time-weighted mean, so that a brief blip weighs what it lasts.
    static std::vector<double> means(const StepCounter &counter, std::int64_t origin, const TimeScale &scale,
                                     int width);
    // The columns as bars from `base` up, `full` reaching height px, over the plot starting at
    // left. One bar per run of equal columns, and the outline as thin bars too: all axis-aligned,
    // so drawn without antialiasing or a stroker, which would cost far more than they show.
    static void paint(QPainter &painter, const std::vector<double> &columns, double left, double base,
                      double height, double full, const QBrush &fill, const QBrush &hatch, double pen);
};

} // namespace mtlab
