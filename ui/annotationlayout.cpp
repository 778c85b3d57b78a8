#include "annotationlayout.h"

#include "timelinelayout.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace mtlab {

namespace {

// A sticky note's colours: apart from every state's, dark enough a border to read on a projector.
const QColor Paper(0xFF, 0xF3, 0xB8, 242);
const QColor Ink(0x1A, 0x1A, 0x1A);
const QColor Edge(0x7A, 0x5C, 0x00);
const QColor Selected(0x1F, 0x5F, 0xD0);

constexpr double PadX = 7; // text to the box's edge, px at scale 1
constexpr double PadY = 3;
constexpr double ArrowGap = 16; // box to lane: the arrow's length
constexpr double Margin = 2;    // box to the plot's edge
constexpr double MaxWidth = 420;
constexpr double TipSlop = 5; // how near the tip a press picks the note

// The box moved inside the plot, so that a note at either end of the run still reads whole.
QRectF keepInside(QRectF box, const QRectF &plot, double margin)
{
    box.moveLeft(std::clamp(box.left(), plot.left() + margin,
                            std::max(plot.left() + margin, plot.right() - margin - box.width())));
    box.moveTop(std::clamp(box.top(), plot.top() + margin,
                           std::max(plot.top() + margin, plot.bottom() - margin - box.height())));
    return box;
}

} // namespace

QFont AnnotationLayout::font(const TimelineLayout &layout)
{
    return layout.labelFont;
}

QString AnnotationLayout::laneKey(const TimelineModel::Row &row)
{
    switch (row.kind) {
    case TimelineModel::RowKind::LockHolder:
        return QStringLiteral("GIL holder");
    case TimelineModel::RowKind::Cores:
        return QStringLiteral("cores");
    case TimelineModel::RowKind::Lane:
        break;
    }
    return QString::fromStdString(row.lane.name);
}

int AnnotationLayout::rowOf(const TimelineModel::Group &group, const QString &lane)
{
    for (std::size_t r = 0; r < group.rows.size(); ++r)
        if (laneKey(group.rows[r]) == lane)
            return static_cast<int>(r);
    return -1;
}

QRectF AnnotationLayout::boxFor(QPointF tip, QSizeF size, const QRectF &rowBox, const QRectF &plot,
                                double scale, QPointF offset, double ceiling)
{
    const double gap = ArrowGap * scale;
    const double margin = Margin * scale;
    QRectF box(QPointF(0, 0), size);
    const bool above = rowBox.top() - gap - size.height() >= std::max(plot.top(), ceiling) + margin;
    box.moveCenter(QPointF(tip.x(), 0));
    if (above)
        box.moveBottom(rowBox.top() - gap);
    else
        box.moveTop(rowBox.bottom() + gap);
    box.translate(offset * scale);
    return keepInside(box, plot, margin);
}

QStringList AnnotationLayout::lines(const QString &text, const QFontMetricsF &metrics, double width)
{
    const QString words = text.simplified();
    if (metrics.horizontalAdvance(words) <= width)
        return {words};
    // The first line takes the words that fit, the second the rest, elided if need be.
    QString first;
    qsizetype rest = 0;
    for (qsizetype space = words.indexOf(u' '); space > 0; space = words.indexOf(u' ', space + 1)) {
        if (metrics.horizontalAdvance(words.left(space)) > width)
            break;
        first = words.left(space);
        rest = space + 1;
    }
    if (first.isEmpty())
        return {metrics.elidedText(words, Qt::ElideRight, width)};
    return {first, metrics.elidedText(words.mid(rest), Qt::ElideRight, width)};
}

QPointF AnnotationLayout::arrowBase(const QRectF &box, QPointF tip, double scale)
{
    const double inset = std::min(8 * scale, box.width() / 2);
    const double x = std::clamp(tip.x(), box.left() + inset, box.right() - inset);
    if (tip.y() > box.bottom())
        return {x, box.bottom()};
    if (tip.y() < box.top())
        return {x, box.top()};
    if (tip.x() < box.left())
        return {box.left(), tip.y()};
    if (tip.x() > box.right())
        return {box.right(), tip.y()};
    return tip;
}

int AnnotationLayout::hitTest(const std::vector<Callout> &callouts, QPointF point)
{
    for (auto c = callouts.rbegin(); c != callouts.rend(); ++c) {
        const QRectF tip(c->tip - QPointF(TipSlop, TipSlop), QSizeF(2 * TipSlop, 2 * TipSlop));
        if (c->box.contains(point) || tip.contains(point))
            return static_cast<int>(callouts.rend() - c) - 1;
    }
    return -1;
}

AnnotationLayout::AnnotationLayout(const TimelineModel &model, const TimelineLayout &layout,
                                   const TimeScale &scale, const QPaintDevice *device)
    : m_layout(layout)
{
    const auto &groups = model.groups();
    const bool any = std::any_of(groups.begin(), groups.end(),
                                 [](const auto &g) { return !g.notes.empty(); });
    if (!any)
        return;
    const QRectF &plot = layout.plot;
    const double s = layout.scale;
    const QFontMetricsF metrics = device ? QFontMetricsF(font(layout), device) : QFontMetricsF(font(layout));
    const double maxText = std::max(1.0, std::min(plot.width() * 0.5, MaxWidth * s) - 2 * PadX * s);
    double ceiling = plot.top();
    layout.forEach([&](int g, int r, const QRectF &rowBox) {
        const TimelineModel::Group &group = groups[static_cast<std::size_t>(g)];
        if (r < 0)
            ceiling = rowBox.bottom(); // a note goes below rather than over its run's title
        if (r < 0 || group.notes.empty())
            return true;
        const QString key = laneKey(group.rows[static_cast<std::size_t>(r)]);
        for (std::size_t i = 0; i < group.notes.size(); ++i) {
            const Annotation &note = group.notes[i];
            const double x = plot.left() + scale.x(static_cast<double>(note.atNs));
            if (note.lane != key || x < plot.left() || x > plot.right())
                continue;
            // The arrow stops on the bar's upper (or lower) edge rather than covering it.
            const double pad = std::min(3 * s, rowBox.height() * 0.14);
            Callout c{.group = g,
                      .index = static_cast<int>(i),
                      .row = r,
                      .box = {},
                      .rowBox = rowBox,
                      .tip = {},
                      .text = {}};
            const QStringList text = lines(note.text, metrics, maxText);
            double textWidth = 0;
            for (const QString &line : text)
                textWidth = std::max(textWidth, metrics.horizontalAdvance(line));
            c.text = text.join(u'\n');
            const QSizeF size(textWidth + 2 * PadX * s,
                              metrics.height() + metrics.lineSpacing() * (text.size() - 1) + 2 * PadY * s);
            c.tip = QPointF(x, rowBox.top() + pad);
            c.box = boxFor(c.tip, size, rowBox, plot, s, note.offset, ceiling);
            if (note.offset.isNull())
                c.box = clearOf(c.box, rowBox, plot, s);
            if (c.box.top() > rowBox.bottom())
                c.tip.setY(rowBox.bottom() - pad);
            m_callouts.push_back(std::move(c));
        }
        return true;
    });
}

QRectF AnnotationLayout::clearOf(QRectF box, const QRectF &rowBox, const QRectF &plot, double scale) const
{
    // Away from the lane, a box's height at a time, while it covers a note placed before it.
    const double step = (box.top() > rowBox.bottom() ? 1 : -1) * (box.height() + 4 * scale);
    for (int tries = 0; tries < 3; ++tries) {
        const bool covers = std::any_of(m_callouts.begin(), m_callouts.end(),
                                        [&](const Callout &c) { return c.box.intersects(box); });
        if (!covers)
            return box;
        const QRectF moved = keepInside(box.translated(0, step), plot, Margin * scale);
        if (moved == box)
            break;
        box = moved;
    }
    return box;
}

const AnnotationLayout::Callout *AnnotationLayout::at(QPointF point) const
{
    const int i = hitTest(m_callouts, point);
    return i < 0 ? nullptr : &m_callouts[static_cast<std::size_t>(i)];
}

const AnnotationLayout::Callout *AnnotationLayout::find(int group, int index) const
{
    const auto c = std::find_if(m_callouts.begin(), m_callouts.end(),
                                [&](const Callout &c) { return c.group == group && c.index == index; });
    return c == m_callouts.end() ? nullptr : &*c;
}

void AnnotationLayout::paint(QPainter &painter, int selectedGroup, int selectedIndex) const
{
    if (m_callouts.empty())
        return;
    const double s = m_layout.scale;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(m_layout.plot);
    painter.setFont(font(m_layout));
    for (const Callout &c : m_callouts) {
        const bool selected = c.group == selectedGroup && c.index == selectedIndex;
        const QColor edge = selected ? Selected : Edge;
        // The moment itself: a line across the bar, haloed in white to stand out on any state's
        // colour, and the arrow down to it.
        const double pad = std::min(3 * s, c.rowBox.height() * 0.14);
        const QLineF mark(QPointF(c.tip.x(), c.rowBox.top() + pad),
                          QPointF(c.tip.x(), c.rowBox.bottom() - pad));
        const QPointF base = arrowBase(c.box, c.tip, s);
        const QLineF shaft(base, c.tip);
        const double head = std::min(9 * s, shaft.length() * 0.6);
        const QPointF along = shaft.length() > 1 ? (c.tip - base) / shaft.length() : QPointF();
        const QPointF neck = c.tip - along * head;
        const QPointF across(-along.y(), along.x());
        const QPolygonF arrowHead({c.tip, neck + across * head * 0.5, neck - across * head * 0.5});
        for (const bool halo : {true, false}) {
            const QColor colour = halo ? QColor(255, 255, 255, 220) : edge;
            const double width = std::max(1.0, 2 * s) + (halo ? 3 * s : 0);
            painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(colour);
            painter.drawLine(mark);
            if (shaft.length() > 1) {
                painter.drawLine(base, neck);
                painter.drawPolygon(arrowHead);
            }
        }
        painter.setPen(QPen(edge, (selected ? 2.5 : 1.2) * s));
        painter.setBrush(Paper);
        painter.drawRoundedRect(c.box, 4 * s, 4 * s);
        painter.setPen(Ink);
        painter.drawText(c.box, Qt::AlignCenter, c.text);
    }
    painter.restore();
}

} // namespace mtlab
