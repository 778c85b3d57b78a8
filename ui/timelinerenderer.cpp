#include "timelinerenderer.h"

#include "annotationlayout.h"
#include "columnfolder.h"
#include "columnimage.h"
#include "derivedrows.h"
#include "idealmarker.h"
#include "labelpalette.h"
#include "timelinelayout.h"
#include "timelinemodel.h"
#include "timelinepainter.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace mtlab {

namespace {

using Group = TimelineModel::Group;
using Row = TimelineModel::Row;
using RowKind = TimelineModel::RowKind;

static_assert(StatePalette::StyleCount <= ColumnFolder::Keys &&
              DerivedRows::ThreadColours <= ColumnFolder::Keys);

// Spans narrower than this are folded into blocks that show the share of each state in them. Wide
// enough that an interpreter lock's 5 ms slices, zoomed out, read as "computing a fifth of the
// time" rather than as a barcode of single slices.
constexpr double MinSpanPx = 6.0;
// How close (px) the pointer must come to a span for its tooltip.
constexpr double HitSlopPx = 3.0;

} // namespace

TimelineRenderer::TimelineRenderer(const TimelineModel &model)
    : m_model(model)
{
}

void TimelineRenderer::paint(QPainter &painter, const QRect &target, const TimeScale &scale,
                             const Options &options) const
{
    m_lastShapes = 0;
    const TimelineLayout layout(m_model, target, options, painter.device());
    TimelinePainter decor(painter, layout, scale);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(target, Qt::white);
    if (!options.title.isEmpty()) {
        painter.setFont(layout.titleFont);
        painter.setPen(QColor(0x1A, 0x1A, 0x1A));
        painter.drawText(layout.title, Qt::AlignCenter, options.title);
    }
    paintRows(decor, painter, layout);
    if (options.selectionFromNs >= 0 && options.selectionToNs >= 0)
        decor.selection(options.selectionFromNs, options.selectionToNs);
    // Over the bars and markers: a note is what the teacher wants seen first.
    AnnotationLayout(m_model, layout, scale, painter.device())
        .paint(painter, options.noteGroup, options.noteIndex);
    decor.axis();
    decor.legend();
    painter.restore();
}

void TimelineRenderer::paintRows(TimelinePainter &decor, QPainter &painter,
                                 const TimelineLayout &layout) const
{
    const auto &groups = m_model.groups();
    const QRectF area = layout.rows();
    painter.save();
    painter.setClipRect(area);
    // Zebra stripes help the eye along a row across a wide screen; too thin rows would shimmer.
    layout.forEach([&](int, int r, const QRectF &box) {
        if (r >= 0 && r % 2 == 1 && box.height() >= 8)
            painter.fillRect(box, QColor(0xF4, 0xF6, 0xF9));
        return true;
    });
    decor.grid(area);
    m_bars.clear();
    m_holders.clear();
    m_labelled.clear();
    m_columns.begin(layout.plot, painter.device() ? painter.device()->devicePixelRatioF() : 1.0);
    m_holderLabels.clear();
    m_failures.clear();
    std::vector<TimelinePainter::GroupMarks> marks(groups.size());
    const double labelHeight = QFontMetricsF(layout.subLabelFont).height();
    std::pair<int, int> previousSubLane{-1, -1};
    int charts = 0;
    layout.forEach([&](int g, int r, const QRectF &box) {
        const Group &group = groups[static_cast<std::size_t>(g)];
        TimelinePainter::GroupMarks &mark = marks[static_cast<std::size_t>(g)];
        if (r < 0) {
            mark.header = box;
            decor.header(group, box);
            mark.rows = QRectF(box.left(), box.bottom(), box.width(), 0);
            return true;
        }
        if (mark.header.isNull())
            mark.header = QRectF(box.left(), box.top(), box.width(), 0); // scrolled out of view
        if (mark.rows.isNull())
            mark.rows = QRectF(box.left(), box.top(), box.width(), 0);
        mark.rows.setBottom(box.bottom());
        const Row &row = group.rows[static_cast<std::size_t>(r)];
        decor.label(group, r, box);
        // The first visible sub-lane of a run too thin for labels labels the whole run.
        if (row.depth > 0 && box.height() < labelHeight * 0.8 && previousSubLane != std::pair(g, r - 1))
            decor.subLaneRun(group, r, box);
        if (row.depth > 0)
            previousSubLane = {g, r};
        if (row.lane.kind == LaneKind::Queue) {
            decor.queue(group, row, box);
            ++charts;
        } else if (row.kind == RowKind::Cores) {
            decor.cores(group, row, box);
            ++charts;
        } else {
            collectSpans(layout, decor.scale(), g, r, box);
        }
        return true;
    });
    painter.setClipRect(layout.plot.intersected(area));
    decor.idealLines(groups, marks);
    flushSpans(decor, painter, layout);
    m_lastShapes = charts + m_bars.shapes() + m_holders.shapes() + m_labelled.shapes() + m_columns.blocks();
    painter.setClipRect(area);
    decor.idealMarkers(groups, marks);
    painter.restore();
}

void TimelineRenderer::collectSpans(const TimelineLayout &layout, const TimeScale &scale, int group, int row,
                                    const QRectF &box) const
{
    const Group &g = m_model.groups()[static_cast<std::size_t>(group)];
    const Row &r = g.rows[static_cast<std::size_t>(row)];
    const QRectF &plot = layout.plot;
    const double pad = box.height() >= 6 ? std::min(3.0 * layout.scale, box.height() * 0.14) : 0.0;
    const double lo = plot.left() - MinSpanPx;
    const double hi = plot.right() + MinSpanPx;
    // The GIL holder row is coloured by thread, the lanes by state.
    const bool holder = r.kind == RowKind::LockHolder;
    // An imported trace's named spans by their names' colours; folded, its state spans are grey.
    const bool labelled = !g.labels.empty();
    ShapeBatches &out = holder ? m_holders : m_bars;
    out.beginRow(box.top() + pad, box.height() - 2 * pad, !holder);
    if (labelled)
        m_labelled.beginRow(box.top() + pad, box.height() - 2 * pad, false);
    m_columns.beginRow(box.top() + pad, box.height() - 2 * pad,
                       holder         ? ColumnImage::threadPalette()
                           : labelled ? ColumnImage::labelPalette()
                                      : ColumnImage::statePalette());
    ColumnFolder folder(MinSpanPx);
    const auto keyOf = [&](const Span &s) {
        if (labelled)
            return s.label >= 0 ? g.labelKeys[static_cast<std::size_t>(s.label)] : int(LabelPalette::Neutral);
        if (!holder)
            return StatePalette::styleIndex(s.state, s.phase);
        const auto lane = static_cast<std::size_t>(s.lane);
        return lane < r.keyOfLane.size() ? std::max(r.keyOfLane[lane], 0) : 0;
    };
    // x = (begin - origin - startNs) / nsPerPixel + left, with the constants hoisted: this loop
    // runs once per visible span, a million times when zoomed out.
    const double inverse = 1.0 / scale.nsPerPixel;
    const double start = scale.startNs;
    const double left = plot.left();
    double lastFailure = -1e300;
    for (const Span &s :
         TimelineModel::visible(g, r, scale.ns(-MinSpanPx), scale.ns(plot.width() + MinSpanPx))) {
        const double x0 = (static_cast<double>(s.begin - g.origin) - start) * inverse + left;
        const double x1 = x0 + static_cast<double>(s.end - s.begin) * inverse;
        const int key = keyOf(s);
        // The x sits where the task failed: the end of its failed span, when that is in view.
        if (s.state == State::Failed && x1 - lastFailure >= 4 && x1 >= lo && x1 <= hi) {
            m_failures.emplace_back(x1, box.center().y());
            lastFailure = x1;
        }
        if (folder.wide(x0, x1)) {
            if (const ColumnFolder::Block *block = folder.close())
                m_columns.block(*block);
            if (labelled && s.label >= 0)
                m_labelled.span(std::max(x0, lo), std::min(x1, hi), key, s.task);
            else
                out.span(std::max(x0, lo), std::min(x1, hi),
                         labelled ? StatePalette::styleIndex(s.state, s.phase) : key, s.task);
            if (holder)
                m_holderLabels.push_back({QRectF(QPointF(std::max(x0, left), box.top() + pad),
                                                 QPointF(std::min(x1, plot.right()), box.bottom() - pad)),
                                          group, s.lane});
            continue;
        }
        if (const ColumnFolder::Block *block = folder.add(std::max(x0, lo), x1, key, s.end - s.begin))
            m_columns.block(*block);
    }
    if (const ColumnFolder::Block *block = folder.close())
        m_columns.block(*block);
}

void TimelineRenderer::flushSpans(TimelinePainter &decor, QPainter &painter,
                                  const TimelineLayout &layout) const
{
    painter.save();
    // Crisp pixel edges for the bars; antialiasing would blur thousands of abutting rectangles.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (int style = 0; style < StatePalette::StyleCount; ++style) {
        const auto &batch = m_bars.batch(style);
        if (batch.empty())
            continue;
        const StatePalette::Style &look = StatePalette::style(style);
        painter.setBrush(look.fill);
        painter.drawRects(batch.data(), static_cast<int>(batch.size()));
        if (look.hatch != Qt::NoBrush) {
            painter.setBrush(StatePalette::hatchBrush(style));
            painter.drawRects(batch.data(), static_cast<int>(batch.size()));
        }
    }
    for (int key = 0; key < DerivedRows::ThreadColours; ++key) {
        const auto &batch = m_holders.batch(key);
        painter.setBrush(DerivedRows::threadColour(key));
        painter.drawRects(batch.data(), static_cast<int>(batch.size()));
    }
    for (int key = 0; key < LabelPalette::Keys; ++key) {
        const auto &batch = m_labelled.batch(key);
        painter.setBrush(LabelPalette::colour(key));
        painter.drawRects(batch.data(), static_cast<int>(batch.size()));
    }
    m_columns.paint(painter);
    painter.restore();
    decor.holders(m_model.groups(), m_holderLabels);
    const double size = std::clamp(layout.rowHeight * 0.62, 9 * layout.scale, 16 * layout.scale);
    for (const QPointF &at : m_failures)
        decor.failure(at, size);
}

TimelineRenderer::Hit TimelineRenderer::hitTest(const QRect &target, const TimeScale &scale,
                                                const Options &options, QPoint point) const
{
    Hit hit;
    const TimelineLayout layout(m_model, target, options);
    const QPointF p(point);
    if (!layout.rows().contains(p))
        return hit;
    QRectF header;
    layout.forEach([&](int g, int r, const QRectF &box) {
        if (p.y() < box.top() || p.y() >= box.bottom())
            return true;
        hit.group = g;
        hit.row = r;
        header = box;
        return false;
    });
    hit.ns = scale.ns(p.x() - layout.plot.left());
    if (hit.group < 0)
        return hit;
    const Group &group = m_model.groups()[static_cast<std::size_t>(hit.group)];
    if (hit.row < 0) {
        const auto marker = IdealMarker::place(layout, scale, group, header);
        hit.ideal = marker && marker->hitArea().contains(p);
        return hit;
    }
    if (p.x() < layout.plot.left())
        return hit;
    const Row &row = group.rows[static_cast<std::size_t>(hit.row)];
    const double at = static_cast<double>(group.origin) + hit.ns;
    if (row.kind == RowKind::Cores) {
        hit.busy = row.busy.at(static_cast<std::int64_t>(std::floor(at)));
        return hit;
    }
    if (row.lane.kind == LaneKind::Queue) {
        const auto step = std::upper_bound(
            row.queueDepth.begin(), row.queueDepth.end(), at,
            [](double t, const TimelineModel::DepthStep &s) { return t < static_cast<double>(s.at); });
        hit.queueDepth = step == row.queueDepth.begin() ? 0 : (step - 1)->count;
        return hit;
    }
    // The span under the point, else the nearest within a few pixels so that thin ones can be hovered;
    // among spans under it, a failure first, then the shortest.
    const double slop = HitSlopPx * scale.nsPerPixel;
    double best = slop;
    for (const Span &s : TimelineModel::visible(group, row, hit.ns - slop, hit.ns + slop)) {
        const double distance = std::max(
            {static_cast<double>(s.begin) - at, at - static_cast<double>(s.end), 0.0});
        const bool better = !hit.span || distance < best ||
            (distance == best && (s.state == State::Failed) > (hit.span->state == State::Failed)) ||
            (distance == best && s.state == hit.span->state && s.duration() < hit.span->duration());
        if (distance <= best && better) {
            best = distance;
            hit.span = &s;
        }
    }
    return hit;
}

QRect TimelineRenderer::plotArea(const QRect &target, const Options &options) const
{
    return TimelineLayout(m_model, target, options).plot.toRect();
}

int TimelineRenderer::contentHeight(const Options &options) const
{
    Options natural = options;
    natural.fitHeight = false;
    natural.scrollY = 0;
    return static_cast<int>(std::ceil(TimelineLayout(m_model, QRect(), natural).contentHeight));
}

int TimelineRenderer::contentHeight(const QRect &target, const Options &options) const
{
    Options unscrolled = options;
    unscrolled.scrollY = 0;
    return static_cast<int>(std::ceil(TimelineLayout(m_model, target, unscrolled).contentHeight));
}

QRectF TimelineRenderer::rowRect(const QRect &target, const Options &options, int group, int row) const
{
    QRectF found;
    TimelineLayout(m_model, target, options)
        .forEach(
            [&](int g, int r, const QRectF &box) {
                if (g != group || r != row)
                    return true;
                found = box;
                return false;
            },
            false);
    return found;
}

} // namespace mtlab
