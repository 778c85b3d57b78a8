#pragma once

#include "timelinemodel.h"
#include "timescale.h"

#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <optional>

class QPainter;

namespace mtlab {

class TimelineLayout;

// The ideal time of a run, drawn as the theory's prediction rather than as a deadline: a small
// flag on the lower edge of the run's header pointing down at the time, labelled "ideal 1.70 s"
// where the header's words leave room, and a faint line behind the bars. Hovering the flag shows
// how the theory got there (Group::idealFormula).
class IdealMarker
{
public:
    QPolygonF flag;
    QRectF label; // empty when the words would not fit beside the flag
    QString text;
    double x = 0;

    // The marker of a group whose header is drawn at `header`, or none when the group has no
    // ideal or it lies outside the plot.
    static std::optional<IdealMarker> place(const TimelineLayout &layout, const TimeScale &scale,
                                            const TimelineModel::Group &group, const QRectF &header);
    // What a pointer must touch to ask for the tooltip.
    QRectF hitArea() const;
    void paint(QPainter &painter, const TimelineLayout &layout) const;
    // The faint line over the group's rows, drawn before the bars so that it stays behind them.
    void paintLine(QPainter &painter, const TimelineLayout &layout, const QRectF &rows) const;
    // The flag alone, for the legend.
    static void paintFlag(QPainter &painter, const QPolygonF &flag);
    static QPolygonF flagAt(double x, double bottom, double scale);
};

} // namespace mtlab
