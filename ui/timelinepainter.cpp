#include "numbertext.h"
#include "timelinepainter.h"

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

QRectF TimelinePainter::header(const Group &group, const QRectF &box)
{
    m_painter.fillRect(box, HeaderBand);
    m_painter.fillRect(QRectF(box.left(), box.top(), 5 * m_layout.scale, box.height()), Accent);
    QRectF title;
    m_painter.setFont(m_layout.headerFont);
    m_painter.setPen(Ink);
    m_painter.drawText(box.adjusted(14 * m_layout.scale, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       group.title, &title);
    QRectF subtitle;
    m_painter.setFont(m_layout.subtitleFont);
    m_painter.setPen(Muted);
    m_painter.drawText(QRectF(title.right() + 18 * m_layout.scale, box.top(), box.width(), box.height()),
                       Qt::AlignVCenter | Qt::AlignLeft,
                       group.live ? QStringLiteral("running\u2026") : group.subtitle, &subtitle);
    return title.united(subtitle);
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
                       QStringLiteral("%1 task slots").arg(last - first + 1));
}

void TimelinePainter::label(const Group &group, int r, const QRectF &box)
{
    const Row &row = group.rows[static_cast<std::size_t>(r)];
    const QFont &font = row.depth > 0 ? m_layout.subLabelFont : m_layout.labelFont;
    const QFontMetricsF fm(font);
    const double s = m_layout.scale;
    const double left = m_layout.labels.left() + 10 * s + row.depth * 22 * s;
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
    const QRectF text(left, box.top(), m_layout.labels.right() - 8 * s - left, box.height());
    m_painter.setFont(font);
    m_painter.setPen(row.depth > 0 ? Muted : Ink);
    const QString name = QString::fromStdString(row.lane.name);
    if (row.lane.kind == LaneKind::Queue && box.height() >= 2 * fm.height()) {
        m_painter.drawText(text.adjusted(0, 0, 0, -box.height() / 2), Qt::AlignBottom | Qt::AlignLeft, name);
        m_painter.setFont(m_layout.subLabelFont);
        m_painter.setPen(Muted);
        m_painter.drawText(text.adjusted(0, box.height() / 2, 0, 0), Qt::AlignTop | Qt::AlignLeft,
                           QStringLiteral("up to %1 waiting").arg(row.maxQueueDepth));
        return;
    }
    m_painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(name, Qt::ElideRight, text.width()));
}

// A queue lane's spans overlap, so it shows a step chart of how many tasks wait: per pixel column
// the most that waited there, so a short peak is never lost when zoomed out.
void TimelinePainter::queue(const Group &group, const Row &row, const QRectF &box)
{
    const auto &steps = row.queueDepth;
    if (steps.empty() || row.maxQueueDepth <= 0)
        return;
    const QRectF &plot = m_layout.plot;
    const int width = static_cast<int>(std::ceil(plot.width()));
    if (width <= 0)
        return;
    std::vector<int> column(static_cast<std::size_t>(width), 0);
    const double from = static_cast<double>(group.origin) + m_scale.startNs;
    auto k = std::upper_bound(
        steps.begin(), steps.end(), from,
        [](double t, const TimelineModel::DepthStep &s) { return t < static_cast<double>(s.at); });
    if (k != steps.begin())
        --k;
    for (; k != steps.end(); ++k) {
        const double x0 = m_scale.x(static_cast<double>(k->at - group.origin));
        if (x0 >= width)
            break;
        const double x1 = k + 1 != steps.end() ? m_scale.x(static_cast<double>((k + 1)->at - group.origin))
                                               : x0;
        if (k->count == 0 || x1 < 0)
            continue;
        const int c1 = std::min(width - 1, static_cast<int>(std::floor(x1)));
        for (int c = std::max(0, static_cast<int>(std::floor(x0))); c <= c1; ++c)
            column[static_cast<std::size_t>(c)] = std::max(column[static_cast<std::size_t>(c)], k->count);
    }
    const double pad = std::min(3.0 * m_layout.scale, box.height() * 0.1);
    const double base = box.bottom() - pad;
    const double height = box.height() - 2 * pad;
    const auto y = [&](int count) { return base - height * count / row.maxQueueDepth; };
    // One bar per run of equal columns, and the outline as thin bars too: all axis-aligned, so
    // drawn without antialiasing or a stroker, which would cost far more than they show.
    const double pen = std::max(1.0, std::round(1.5 * m_layout.scale));
    std::vector<QRectF> bars;
    std::vector<QRectF> outline;
    double previous = base;
    for (int c = 0, end = 0; c < width; c = end) {
        const int v = column[static_cast<std::size_t>(c)];
        end = c + 1;
        while (end < width && column[static_cast<std::size_t>(end)] == v)
            ++end;
        const double x = plot.left() + c;
        if (v > 0)
            bars.emplace_back(x, y(v), end - c, base - y(v));
        outline.emplace_back(x, y(v) - pen / 2, end - c, pen);
        outline.emplace_back(x - pen / 2, std::min(previous, y(v)) - pen / 2, pen,
                             std::abs(previous - y(v)) + pen);
        previous = y(v);
    }
    const int style = StatePalette::styleIndex(State::Queued);
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(StatePalette::style(style).fill);
    m_painter.drawRects(bars.data(), static_cast<int>(bars.size()));
    m_painter.setBrush(StatePalette::hatchBrush(style));
    m_painter.drawRects(bars.data(), static_cast<int>(bars.size()));
    m_painter.setBrush(QColor(0x55, 0x55, 0x55));
    m_painter.drawRects(outline.data(), static_cast<int>(outline.size()));
    m_painter.restore();
}

void TimelinePainter::ideal(const std::vector<Group> &groups, const std::vector<GroupMarks> &marks)
{
    const QRectF &plot = m_layout.plot;
    QFont font = m_layout.axisFont;
    font.setBold(true);
    const QFontMetricsF fm(font);
    const QString text = QStringLiteral("ideal");
    const double pad = 4 * m_layout.scale;
    const QSizeF size(fm.horizontalAdvance(text) + 2 * pad, fm.height());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const GroupMarks &mark = marks[g];
        const double x = plot.left() + m_scale.x(static_cast<double>(groups[g].idealNs));
        if (groups[g].idealNs <= 0 || mark.header.isNull() || x < plot.left() || x > plot.right())
            continue;
        // A light halo under the dashes keeps the line visible across dark, hatched spans.
        m_painter.setPen(QPen(QColor(255, 255, 255, 210), 5 * m_layout.scale, Qt::SolidLine, Qt::FlatCap));
        m_painter.drawLine(QPointF(x, mark.rows.top()), QPointF(x, mark.rows.bottom()));
        m_painter.setPen(QPen(Ink, 2 * m_layout.scale, Qt::DashLine, Qt::FlatCap));
        m_painter.drawLine(QPointF(x, mark.rows.top()), QPointF(x, mark.rows.bottom()));
        // In the header band beside the line where the words leave room, else at the group's foot.
        const double middle = mark.header.center().y() - size.height() / 2;
        QRectF label(QPointF(x + pad, middle), size);
        if (label.intersects(mark.text) || label.right() > plot.right())
            label.moveRight(x - pad);
        const bool inHeader = mark.header.height() > 0 && !label.intersects(mark.text) &&
            label.left() >= plot.left();
        if (inHeader) {
            m_painter.drawLine(QPointF(x, mark.header.top() + pad), QPointF(x, mark.header.bottom()));
        } else {
            label.moveTopLeft(QPointF(x + pad, mark.rows.bottom() - size.height() - pad));
            m_painter.setPen(Qt::NoPen);
            m_painter.setBrush(QColor(255, 255, 255, 225));
            m_painter.drawRoundedRect(label, 3, 3);
        }
        m_painter.setFont(font);
        m_painter.setPen(Ink);
        m_painter.drawText(label, Qt::AlignCenter, text);
    }
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
    const QString caption = QStringLiteral("time since start");
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
        if (item.style >= 0) {
            StatePalette::paintSwatch(m_painter, item.swatch, item.style);
            if (item.style == StatePalette::styleIndex(State::Failed))
                failure(item.swatch.center(), item.swatch.height());
        } else {
            m_painter.setPen(QPen(Ink, 2 * m_layout.scale, Qt::DashLine, Qt::FlatCap));
            m_painter.drawLine(QPointF(item.swatch.center().x(), item.swatch.top() - 2),
                               QPointF(item.swatch.center().x(), item.swatch.bottom() + 2));
        }
        m_painter.setPen(Ink);
        m_painter.drawText(item.text, Qt::AlignVCenter | Qt::AlignLeft, item.label);
    }
}

} // namespace mtlab
