#pragma once

#include "timelinemodel.h"
#include "timescale.h"

#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <vector>

class QFontMetricsF;
class QPaintDevice;
class QPainter;

namespace mtlab {

class TimelineLayout;

// Where the notes of a timeline (Group::notes) are drawn: each a callout box above its lane (below
// when the lane is too near the top), kept inside the plot, with an arrow down to the moment and a
// thin mark across the bar there, so that the bar itself stays in sight. Notes follow zoom, pan
// and scrolling because they are placed from their time and lane each time. Painting and hit
// testing walk the same callouts, so a click finds exactly the note that was drawn there.
class AnnotationLayout
{
public:
    struct Callout {
        int group = -1;
        int index = -1; // in the group's notes
        int row = -1;
        QRectF box;
        QRectF rowBox; // the lane's row, for the mark across its bar
        QPointF tip;   // the moment on the lane, where the arrow points
        QString text;  // one or two lines, elided to the box's width
    };

    AnnotationLayout(const TimelineModel &model, const TimelineLayout &layout, const TimeScale &scale,
                     const QPaintDevice *device = nullptr);

    const std::vector<Callout> &callouts() const noexcept { return m_callouts; }
    // The callout drawn topmost at point, or null.
    const Callout *at(QPointF point) const;
    // The callout of a group's note, or null when it is not in view.
    const Callout *find(int group, int index) const;
    // The note (group, index) selected is drawn highlighted.
    void paint(QPainter &painter, int selectedGroup = -1, int selectedIndex = -1) const;

    // Pure geometry, tested without a window. The box of a callout of `size` pointing at tip on
    // rowBox: centred over the tip, above the row, or below it when there is no room above (under
    // the ceiling: the run's title), then moved by offset (scaled) and kept inside plot.
    static QRectF boxFor(QPointF tip, QSizeF size, const QRectF &rowBox, const QRectF &plot, double scale,
                         QPointF offset, double ceiling = -1e300);
    // A note's words in lines no wider than width: one, or two with the second elided.
    static QStringList lines(const QString &text, const QFontMetricsF &metrics, double width);
    // Where the arrow leaves the box towards tip: the nearest edge; tip itself when inside.
    static QPointF arrowBase(const QRectF &box, QPointF tip, double scale);
    // The topmost of callouts whose box (or a few pixels around the tip) holds point; -1 for none.
    static int hitTest(const std::vector<Callout> &callouts, QPointF point);
    // A row's key in Annotation::lane: the engine's lane name, or the derived row's (untranslated).
    static QString laneKey(const TimelineModel::Row &row);
    // The row of a group whose key is lane, -1 for none.
    static int rowOf(const TimelineModel::Group &group, const QString &lane);
    static QFont font(const TimelineLayout &layout);

private:
    // box moved away from the lane while it would cover a callout placed before it (a few tries).
    QRectF clearOf(QRectF box, const QRectF &rowBox, const QRectF &plot, double scale) const;

    const TimelineLayout &m_layout;
    std::vector<Callout> m_callouts;
};

} // namespace mtlab
