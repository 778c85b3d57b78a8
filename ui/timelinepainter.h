#pragma once

#include "timelinelayout.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"
#include "timescale.h"

#include <QBrush>
#include <QPointF>
#include <QRectF>

#include <cmath>
#include <vector>

class QPainter;

namespace mtlab {

// Paints what surrounds the span bars of a timeline: the grid, group headers, lane labels, the
// queue and cores rows' step charts, the GIL holder row's names, ideal-time markers, the
// selection, the time axis and the legend.
// TimelineRenderer decides the order and draws the bars themselves.
class TimelinePainter
{
public:
    // What the renderer learns about a group while walking its rows, for the ideal-time marker.
    struct GroupMarks {
        QRectF header;
        QRectF rows; // the group's visible rows
    };

    TimelinePainter(QPainter &painter, const TimelineLayout &layout, const TimeScale &scale);
    const TimeScale &scale() const noexcept { return m_scale; }

    // Calls f(ns, x, step) for every axis tick inside the plot.
    template <typename F>
    void forEachTick(F f) const
    {
        const double step = axisStep();
        const double end = m_scale.endNs(m_layout.plot.width());
        for (double k = std::max(0.0, std::ceil(m_scale.startNs / step)); k * step <= end; ++k)
            f(k * step, m_layout.plot.left() + m_scale.x(k * step), step);
    }

    void grid(const QRectF &area);
    void header(const TimelineModel::Group &group, const QRectF &box);
    void label(const TimelineModel::Group &group, int row, const QRectF &box);
    // One label for a run of sub-lanes too thin to be labelled one by one.
    void subLaneRun(const TimelineModel::Group &group, int row, const QRectF &box);
    void queue(const TimelineModel::Group &group, const TimelineModel::Row &row, const QRectF &box);
    void cores(const TimelineModel::Group &group, const TimelineModel::Row &row, const QRectF &box);
    // The names of the threads in the GIL holder rows' segments wide enough for them.
    void holders(const std::vector<TimelineModel::Group> &groups,
                 const std::vector<TimelineRenderer::HolderLabel> &labels);
    // The ideal markers' faint lines (behind the bars) and their flags (over the headers).
    void idealLines(const std::vector<TimelineModel::Group> &groups, const std::vector<GroupMarks> &marks);
    void idealMarkers(const std::vector<TimelineModel::Group> &groups, const std::vector<GroupMarks> &marks);
    void selection(double fromNs, double toNs);
    void axis();
    void legend();
    // The x over a failed span (size px across).
    void failure(QPointF at, double size);

private:
    double axisStep() const;
    int plotColumns() const;
    void chart(const std::vector<double> &columns, const QRectF &box, double full, const QBrush &fill,
               const QBrush &hatch);

    QPainter &m_painter;
    const TimelineLayout &m_layout;
    const TimeScale &m_scale;
};

} // namespace mtlab
