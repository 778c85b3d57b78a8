#include "idealmarker.h"

#include "numbertext.h"
#include "timelinelayout.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

namespace mtlab {

namespace {

const QColor Theory(0x2B, 0x2F, 0x36);

QFont labelFont(const TimelineLayout &layout)
{
    QFont font = layout.axisFont;
    font.setBold(true);
    return font;
}

} // namespace

QPolygonF IdealMarker::flagAt(double x, double bottom, double scale)
{
    const double half = 6 * scale;
    return QPolygonF(
        {QPointF(x - half, bottom - 1.4 * half), QPointF(x + half, bottom - 1.4 * half), QPointF(x, bottom)});
}

std::optional<IdealMarker> IdealMarker::place(const TimelineLayout &layout, const TimeScale &scale,
                                              const TimelineModel::Group &group, const QRectF &header)
{
    const QRectF &plot = layout.plot;
    const double x = plot.left() + scale.x(static_cast<double>(group.idealNs));
    if (group.idealNs <= 0 || x < plot.left() || x > plot.right())
        return std::nullopt;
    IdealMarker marker;
    marker.x = x;
    marker.flag = flagAt(x, header.bottom(), layout.scale);
    marker.text = QCoreApplication::translate("IdealMarker", "ideal %1")
                      .arg(durationText(static_cast<double>(group.idealNs)));
    // Beside the flag, right or else left, where it clears the header's words and the plot's edge.
    const QFontMetricsF fm(labelFont(layout));
    const double gap = 9 * layout.scale;
    const QSizeF size(fm.horizontalAdvance(marker.text) + 4, fm.height());
    const double top = header.center().y() - size.height() / 2;
    const auto [title, subtitle] = layout.headerText(group, header);
    const QRectF words = title.united(subtitle);
    for (const double left : {x + gap, x - gap - size.width()}) {
        const QRectF label(QPointF(left, top), size);
        if (!label.intersects(words) && label.left() >= plot.left() && label.right() <= plot.right()) {
            marker.label = label;
            break;
        }
    }
    return marker;
}

QRectF IdealMarker::hitArea() const
{
    const double slop = 3;
    return flag.boundingRect()
        .united(label.isEmpty() ? flag.boundingRect() : label)
        .adjusted(-slop, -slop, slop, slop);
}

void IdealMarker::paintFlag(QPainter &painter, const QPolygonF &flag)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 1));
    painter.setBrush(Theory);
    painter.drawPolygon(flag);
    painter.restore();
}

void IdealMarker::paint(QPainter &painter, const TimelineLayout &layout) const
{
    paintFlag(painter, flag);
    if (label.isEmpty())
        return;
    painter.setFont(labelFont(layout));
    painter.setPen(Theory);
    painter.drawText(label, Qt::AlignCenter, text);
}

void IdealMarker::paintLine(QPainter &painter, const TimelineLayout &layout, const QRectF &rows) const
{
    QPen pen(QColor(0x2B, 0x2F, 0x36, 110), std::max(1.0, layout.scale), Qt::DashLine, Qt::FlatCap);
    painter.setPen(pen);
    painter.drawLine(QPointF(x, rows.top()), QPointF(x, rows.bottom()));
}

} // namespace mtlab
