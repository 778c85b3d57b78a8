#include "numbertext.h"
#include "timelinepainter.h"

#include "derivedrows.h"
#include "idealmarker.h"
#include "lanetitle.h"
#include "stepchart.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace mtlab {

namespace {

using Group = TimelineModel::Group;
using Row = TimelineModel::Row;

const QColor Ink(0x1A, 0x1A, 0x1A);
const QColor Muted(0x45, 0x4B, 0x55);
const QColor GridLine(0xDD, 0xE1, 0xE6);
const QColor HeaderBand(0xE4, 0xEB, 0xF3);
const QColor Accent(0x00, 0x72, 0xB2);
const QColor FailMark(0x8B, 0x1E, 0x00);
const QColor CoresFill(0x8C, 0xB8, 0xDA); // the computing blue, lighter: a count, not a span
const QColor CoreLine(0x8B, 0x1E, 0x00);

// The row of a lane id; the GIL holder row's segments name the lane they were copied from.
const Row *laneRow(const Group &group, std::int32_t lane)
{
    for (const Row &row : group.rows)
        if (row.kind == TimelineModel::RowKind::Lane && row.lane.id == lane)
            return &row;
    return nullptr;
}

} // namespace

TimelinePainter::TimelinePainter(QPainter &painter, const TimelineLayout &layout, const TimeScale &scale)
    : m_painter(painter)
    , m_layout(layout)
    , m_scale(scale)
{
}

void TimelinePainter::grid(const QRectF &area)
{
    m_painter.setPen(QPen(GridLine, 1));
    forEachTick([&](double, double x, double) {
        m_painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    });
}

// 1-2-5, and wide enough for the labels it will carry.
double TimelinePainter::axisStep() const
{
    const QFontMetricsF fm(m_layout.axisFont);
    const double minimum = 90 * m_layout.scale;
    const double step = TimeScale::tickStep(m_scale.nsPerPixel, minimum);
    const QString last = tickText(m_scale.endNs(m_layout.plot.width()), step);
    return TimeScale::tickStep(m_scale.nsPerPixel,
                               std::max(minimum, fm.horizontalAdvance(last) + 28 * m_layout.scale));
}

void TimelinePainter::failure(QPointF at, double size)
{
    const double r = size / 2;
    const auto cross = [&](const QPen &pen) {
        m_painter.setPen(pen);
        m_painter.drawLine(at + QPointF(-r, -r), at + QPointF(r, r));
        m_painter.drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
    };
    // A white halo keeps the mark visible on any colour, even on a zero-length failure.
    cross(QPen(Qt::white, size / 3.2, Qt::SolidLine, Qt::RoundCap));
    cross(QPen(FailMark, size / 6.5, Qt::SolidLine, Qt::RoundCap));
}

void TimelinePainter::header(const Group &group, const QRectF &box)
{
    m_painter.fillRect(box, HeaderBand);
    m_painter.fillRect(QRectF(box.left(), box.top(), 5 * m_layout.scale, box.height()), Accent);
    const auto [title, subtitle] = m_layout.headerText(group, box);
    const int align = Qt::AlignVCenter | Qt::AlignLeft | Qt::TextDontClip;
    m_painter.setFont(m_layout.headerFont);
    m_painter.setPen(Ink);
    m_painter.drawText(title, align, group.title);
    m_painter.setFont(m_layout.subtitleFont);
    m_painter.setPen(Muted);
    m_painter.drawText(subtitle, align, TimelineLayout::subtitle(group));
}

// Sub-lanes too thin for a label each get one label for their whole run: "2000 task slots".
void TimelinePainter::subLaneRun(const Group &group, int r, const QRectF &box)
{
    const auto &rows = group.rows;
    int first = r;
    while (first > 0 && rows[static_cast<std::size_t>(first - 1)].depth > 0)
        --first;
    int last = r;
    while (last + 1 < static_cast<int>(rows.size()) && rows[static_cast<std::size_t>(last + 1)].depth > 0)
        ++last;
    const QRectF run(box.left(), box.top() - (r - first) * box.height(), m_layout.labels.width(),
                     (last - first + 1) * box.height());
    const QRectF shown = run.intersected(m_layout.labels);
    const double x = m_layout.labels.left() + 17 * m_layout.scale;
    m_painter.setPen(QPen(Muted, 1.5));
    m_painter.drawLine(QPointF(x, run.top() + 1), QPointF(x, run.bottom() - 1));
    m_painter.setFont(m_layout.subLabelFont);
    m_painter.drawText(shown.adjusted(x - shown.left() + 8 * m_layout.scale, 0, -8 * m_layout.scale, 0),
                       Qt::AlignVCenter | Qt::AlignLeft,
                       QCoreApplication::translate("TimelinePainter", "%1 task slots").arg(last - first + 1));
}

void TimelinePainter::label(const Group &group, int r, const QRectF &box)
{
    const Row &row = group.rows[static_cast<std::size_t>(r)];
    const QFont &font = row.depth > 0 ? m_layout.subLabelFont : m_layout.labelFont;
    const QFontMetricsF fm(font);
    const double s = m_layout.scale;
    double left = m_layout.labels.left() + 10 * s + row.depth * 22 * s;
    const bool fits = box.height() >= fm.height() * 0.8;
    if (row.depth > 0 && fits) {
        // A tree line ties the sub-lanes to their event loop above.
        const auto next = static_cast<std::size_t>(r + 1);
        const bool last = next == group.rows.size() || group.rows[next].depth == 0;
        const double x = m_layout.labels.left() + 17 * s;
        const double y = box.center().y();
        m_painter.setPen(QPen(QColor(0xA8, 0xAE, 0xB6), 1.2));
        m_painter.drawLine(QPointF(x, box.top()), QPointF(x, last ? y : box.bottom()));
        m_painter.drawLine(QPointF(x, y), QPointF(left - 4 * s, y));
    }
    if (!fits)
        return;
    if (row.lane.kind == LaneKind::PoolThread &&
        DerivedRows::find(group, TimelineModel::RowKind::LockHolder)) {
        // The thread's colour in the GIL holder row, so that the eye can go from one to the other.
        const double chip = std::min(10 * s, box.height() * 0.6);
        m_painter.fillRect(QRectF(left, box.center().y() - chip / 2, chip, chip),
                           DerivedRows::threadColour(DerivedRows::threadKey(row.lane)));
        left += chip + 6 * s;
    }
    const QRectF text(left, box.top(), m_layout.labels.right() - 8 * s - left, box.height());
    m_painter.setFont(font);
    m_painter.setPen(row.depth > 0 ? Muted : Ink);
    const QString name = laneTitle(row.lane);
    const QString note = row.lane.kind == LaneKind::Queue
        ? QCoreApplication::translate("TimelinePainter", "up to %1 waiting").arg(row.maxQueueDepth)
        : row.kind == TimelineModel::RowKind::Cores
        ? QCoreApplication::translate("TimelinePainter", "up to %1 busy").arg(row.busy.max())
        : QString();
    if (!note.isEmpty() && box.height() >= 2 * fm.height()) {
        m_painter.drawText(text.adjusted(0, 0, 0, -box.height() / 2), Qt::AlignBottom | Qt::AlignLeft, name);
        m_painter.setFont(m_layout.subLabelFont);
        m_painter.setPen(Muted);
        m_painter.drawText(text.adjusted(0, box.height() / 2, 0, 0), Qt::AlignTop | Qt::AlignLeft, note);
        return;
    }
    m_painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(name, Qt::ElideRight, text.width()));
}

// A queue lane's spans overlap, so it shows a step chart of how many tasks wait: per pixel column
// the most that waited there, so a short peak is never lost when zoomed out.
void TimelinePainter::queue(const Group &group, const Row &row, const QRectF &box)
{
    if (row.queueDepth.empty() || row.maxQueueDepth <= 0)
        return;
    const int style = StatePalette::styleIndex(State::Queued);
    const double pad = std::min(3.0 * m_layout.scale, box.height() * 0.1);
    chart(StepChart::maxima(row.queueDepth, group.origin, m_scale, plotColumns()),
          box.adjusted(0, pad, 0, -pad), row.maxQueueDepth, StatePalette::style(style).fill,
          StatePalette::hatchBrush(style));
}

int TimelinePainter::plotColumns() const
{
    return std::max(0, static_cast<int>(std::ceil(m_layout.plot.width())));
}

void TimelinePainter::chart(const std::vector<double> &columns, const QRectF &box, double full,
                            const QBrush &fill, const QBrush &hatch)
{
    const double pen = std::max(1.0, std::round(1.5 * m_layout.scale));
    StepChart::paint(m_painter, columns, m_layout.plot.left(), box.bottom(), box.height(), full, fill, hatch,
                     pen);
}

// How many lanes compute, per pixel column the mean over its time (a blip of a microsecond weighs
// a microsecond), against a line at the machine's core count: more than that cannot compute.
void TimelinePainter::cores(const Group &group, const Row &row, const QRectF &box)
{
    const double pad = std::min(4.0 * m_layout.scale, box.height() * 0.12);
    const QRectF area = box.adjusted(0, pad, 0, -pad);
    const int top = std::max({group.cores, row.busy.max(), 1});
    chart(StepChart::means(row.busy, group.origin, m_scale, plotColumns()), area, top, CoresFill,
          Qt::NoBrush);
    if (group.cores <= 0)
        return;
    const double y = std::round(area.bottom() - area.height() * group.cores / top) + 0.5;
    const QRectF &plot = m_layout.plot;
    m_painter.setPen(QPen(CoreLine, std::max(1.0, 1.5 * m_layout.scale), Qt::DashLine, Qt::FlatCap));
    m_painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    const QString text = group.cores == 1
        ? QCoreApplication::translate("TimelinePainter", "1 core")
        : QCoreApplication::translate("TimelinePainter", "%1 cores").arg(group.cores);
    const QFontMetricsF fm(m_layout.subLabelFont);
    const QSizeF size(fm.horizontalAdvance(text) + 8 * m_layout.scale, fm.height());
    QRectF label(QPointF(plot.right() - size.width() - 4 * m_layout.scale, y - size.height()), size);
    if (label.top() < box.top())
        label.moveTop(y + 1); // the line at the top of the row: the words under it
    m_painter.fillRect(label, QColor(255, 255, 255, 215));
    m_painter.setFont(m_layout.subLabelFont);
    m_painter.setPen(CoreLine);
    m_painter.drawText(label, Qt::AlignCenter, text);
}

void TimelinePainter::holders(const std::vector<Group> &groups,
                              const std::vector<TimelineRenderer::HolderLabel> &labels)
{
    m_painter.setFont(m_layout.subLabelFont);
    const QFontMetricsF fm(m_layout.subLabelFont);
    const double pad = 4 * m_layout.scale;
    for (const TimelineRenderer::HolderLabel &l : labels) {
        const Row *lane = laneRow(groups[static_cast<std::size_t>(l.group)], l.lane);
        if (!lane)
            continue;
        QString text = laneTitle(lane->lane);
        if (fm.horizontalAdvance(text) + 2 * pad > l.box.width())
            text = DerivedRows::shortName(lane->lane);
        if (fm.horizontalAdvance(text) + 2 * pad > l.box.width() || fm.height() > l.box.height() + 4)
            continue;
        const int key = DerivedRows::threadKey(lane->lane);
        m_painter.setPen(DerivedRows::threadColour(key).lightness() > 150 ? Ink : Qt::white);
        m_painter.drawText(l.box, Qt::AlignCenter, text);
    }
}

void TimelinePainter::idealLines(const std::vector<Group> &groups, const std::vector<GroupMarks> &marks)
{
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (!marks[g].header.isNull())
            if (const auto marker = IdealMarker::place(m_layout, m_scale, groups[g], marks[g].header))
                marker->paintLine(m_painter, m_layout, marks[g].rows);
}

void TimelinePainter::idealMarkers(const std::vector<Group> &groups, const std::vector<GroupMarks> &marks)
{
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (marks[g].header.height() > 0)
            if (const auto marker = IdealMarker::place(m_layout, m_scale, groups[g], marks[g].header))
                marker->paint(m_painter, m_layout);
}

void TimelinePainter::selection(double fromNs, double toNs)
{
    if (fromNs < 0 || toNs < 0)
        return;
    const double from = std::min(fromNs, toNs);
    const double to = std::max(fromNs, toNs);
    const QRectF &plot = m_layout.plot;
    const double x0 = std::clamp(plot.left() + m_scale.x(from), plot.left(), plot.right());
    const double x1 = std::clamp(plot.left() + m_scale.x(to), plot.left(), plot.right());
    m_painter.save();
    m_painter.setClipRect(plot);
    m_painter.fillRect(QRectF(x0, plot.top(), x1 - x0, plot.height()), QColor(0, 114, 178, 40));
    m_painter.setPen(QPen(Accent, 1.5 * m_layout.scale));
    m_painter.drawLine(QPointF(x0, plot.top()), QPointF(x0, plot.bottom()));
    m_painter.drawLine(QPointF(x1, plot.top()), QPointF(x1, plot.bottom()));
    QFont font = m_layout.subtitleFont;
    font.setBold(true);
    const QFontMetricsF fm(font);
    const QString text = durationText(to - from);
    const QSizeF size(fm.horizontalAdvance(text) + 16 * m_layout.scale, fm.height() + 6 * m_layout.scale);
    QRectF box(QPointF((x0 + x1 - size.width()) / 2, plot.top() + 6 * m_layout.scale), size);
    box.moveLeft(std::clamp(box.left(), plot.left(), std::max(plot.left(), plot.right() - box.width())));
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(Accent);
    m_painter.drawRoundedRect(box, 4, 4);
    m_painter.setFont(font);
    m_painter.setPen(Qt::white);
    m_painter.drawText(box, Qt::AlignCenter, text);
    m_painter.restore();
}

void TimelinePainter::axis()
{
    const QRectF &axis = m_layout.axis;
    const double s = m_layout.scale;
    m_painter.setFont(m_layout.axisFont);
    m_painter.setPen(Muted);
    // In the label column, clear of the first tick's label, which reaches left of the plot.
    const QFontMetricsF fm(m_layout.axisFont);
    const QString caption = QCoreApplication::translate("TimelinePainter", "time since start");
    const double room = m_layout.labels.width() - 22 * s - fm.horizontalAdvance(QStringLiteral("0 ms")) / 2;
    if (fm.horizontalAdvance(caption) <= room)
        m_painter.drawText(QRectF(m_layout.labels.left() + 10 * s, axis.top(), room, axis.height() - 6 * s),
                           Qt::AlignLeft | Qt::AlignVCenter, caption);
    m_painter.setPen(QPen(QColor(0x70, 0x70, 0x70), 1));
    m_painter.drawLine(QPointF(m_layout.plot.left(), axis.bottom()),
                       QPointF(m_layout.plot.right(), axis.bottom()));
    forEachTick([&](double t, double x, double step) {
        m_painter.setPen(QPen(QColor(0x70, 0x70, 0x70), 1));
        m_painter.drawLine(QPointF(x, axis.bottom() - 5 * s), QPointF(x, axis.bottom()));
        const QString text = tickText(t, step);
        const double w = fm.horizontalAdvance(text) + 4;
        const double left = std::clamp(x - w / 2, m_layout.labels.left(), axis.right() + 10 * s - w);
        m_painter.setPen(Ink);
        m_painter.drawText(QRectF(left, axis.top(), w, axis.height() - 6 * s), Qt::AlignCenter, text);
    });
}

void TimelinePainter::legend()
{
    if (m_layout.legendItems.empty())
        return;
    m_painter.setPen(QPen(QColor(0xC8, 0xCC, 0xD2), 1));
    m_painter.drawLine(QPointF(m_layout.legend.left(), m_layout.legend.top() + 0.5),
                       QPointF(m_layout.legend.right(), m_layout.legend.top() + 0.5));
    m_painter.setFont(m_layout.legendFont);
    for (const TimelineLayout::LegendItem &item : m_layout.legendItems) {
        if (item.colour.isValid()) {
            m_painter.setPen(QPen(item.colour.darker(140), 1));
            m_painter.setBrush(item.colour);
            m_painter.drawRect(item.swatch);
        } else if (item.style >= 0) {
            StatePalette::paintSwatch(m_painter, item.swatch, item.style);
            if (item.style == StatePalette::styleIndex(State::Failed))
                failure(item.swatch.center(), item.swatch.height());
        } else {
            IdealMarker::paintFlag(
                m_painter,
                IdealMarker::flagAt(item.swatch.center().x(), item.swatch.bottom(), m_layout.scale));
        }
        m_painter.setPen(Ink);
        m_painter.drawText(item.text, Qt::AlignVCenter | Qt::AlignLeft, item.label);
    }
}

} // namespace mtlab
