#pragma once

#include "columnimage.h"
#include "shapebatches.h"
#include "statepalette.h"
#include "timelineoptions.h"
#include "timescale.h"

#include <QColor>
#include <QRect>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

class QPainter;

namespace mtlab {

class TimelineLayout;
class TimelineModel;
class TimelinePainter;
struct Span;

// Paints a TimelineModel: group headers, lane labels, the time axis with ms/s ticks, the spans
// (colour per state, waiting states also hatched; spans narrower than ~2 px folded into blocks
// drawn as small stacked bars of their states' shares), the derived rows (cores, GIL holder),
// ideal-time markers, the legend and an optional title. The view and every picture export use
// this one painter, so what is exported is what is seen.
class TimelineRenderer
{
public:
    using Options = TimelineOptions;
    // What is under a point, for tooltips.
    struct Hit {
        int group = -1;
        int row = -1;
        const Span *span = nullptr; // null when the point is on a row but not on a span
        double ns = 0.0;            // the time under the point, from the runs' start
        int queueDepth = -1;        // on a queue lane: how many tasks wait at that time
        int busy = -1;              // on a cores row: how many lanes compute at that time
        bool ideal = false;         // on a group's ideal-time marker
    };

    // A GIL holder row's segment wide enough to be named, and the lane it was copied from.
    struct HolderLabel {
        QRectF box;
        int group = -1;
        std::int32_t lane = -1;
    };

    explicit TimelineRenderer(const TimelineModel &model);

    void paint(QPainter &painter, const QRect &target, const TimeScale &scale, const Options &options) const;
    Hit hitTest(const QRect &target, const TimeScale &scale, const Options &options, QPoint point) const;
    // Where spans are drawn inside target (x = 0 of the TimeScale is its left edge).
    QRect plotArea(const QRect &target, const Options &options) const;
    // Height of all rows and group headers, to size a scroll range.
    int contentHeight(const Options &options) const;
    // The same, once fitHeight has squeezed the rows into target.
    int contentHeight(const QRect &target, const Options &options) const;
    // Where a row is drawn (across label column and plot), empty when the group or row is unknown.
    QRectF rowRect(const QRect &target, const Options &options, int group, int row) const;
    // How many shapes the last paint() drew for spans (a folded block counts once) and step charts
    // (once each): for tests and export.
    int lastShapeCount() const noexcept { return m_lastShapes; }

private:
    void paintRows(TimelinePainter &decor, QPainter &painter, const TimelineLayout &layout) const;
    void collectSpans(const TimelineLayout &layout, const TimeScale &scale, int group, int row,
                      const QRectF &box) const;
    void flushSpans(TimelinePainter &decor, QPainter &painter, const TimelineLayout &layout) const;

    const TimelineModel &m_model;
    mutable int m_lastShapes = 0;
    // Spans are batched per style (GIL holder segments per thread) and drawn with one call each.
    mutable ShapeBatches m_bars;
    mutable ShapeBatches m_holders;
    mutable ShapeBatches m_labelled; // an imported trace's named spans, by LabelPalette key
    mutable ColumnImage m_columns;   // the folded blocks of both
    mutable std::vector<HolderLabel> m_holderLabels;
    mutable std::vector<QPointF> m_failures; // where to draw the x of each failed span
};

} // namespace mtlab
