#include "timelinelayout.h"

#include "labelpalette.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace mtlab {

namespace {

// Names of an imported trace beyond these share one legend entry: a profile can hold thousands.
constexpr std::size_t MaxLabelsInLegend = 24;

QFont font(double points, double scale, bool bold = false)
{
    QFont f;
    f.setPointSizeF(points * scale);
    f.setBold(bold);
    return f;
}

double lineHeight(const QFont &f, const QPaintDevice *device)
{
    // Measured on the device painted on: a picture and a screen may differ in resolution.
    return device ? QFontMetricsF(f, device).height() : QFontMetricsF(f).height();
}

double textWidth(const QFont &f, const QString &text, const QPaintDevice *device)
{
    return device ? QFontMetricsF(f, device).horizontalAdvance(text)
                  : QFontMetricsF(f).horizontalAdvance(text);
}

constexpr double Margin = 12;

} // namespace

TimelineLayout::TimelineLayout(const TimelineModel &model, const QRect &target,
                               const TimelineOptions &options, const QPaintDevice *device)
    : m_model(model)
    , m_scrollY(options.scrollY)
{
    // Sizes chosen for a projector: nothing under 10 pt, headers and the title larger.
    scale = std::max(options.fontScale, 0.1);
    labelFont = font(11, scale);
    const bool uniform = options.uniformText;
    subLabelFont = font(uniform ? 11 : 10, scale);
    headerFont = font(13, scale, true);
    subtitleFont = font(11, scale);
    axisFont = font(uniform ? 11 : 10.5, scale);
    legendFont = font(11, scale);
    titleFont = font(20, scale, true);

    // Whole pixels for the frame, so that the view's plot rectangle and the painted one agree.
    const double titleHeight = options.title.isEmpty()
        ? 0
        : std::round(lineHeight(titleFont, device) + 16 * scale);
    title = QRectF(target.left(), target.top(), target.width(), titleHeight);
    const double axisHeight = std::round(lineHeight(axisFont, device) + 14 * scale);
    const double labelWidth = options.labelWidth;
    const double margin = std::round(Margin * scale);
    axis = QRectF(target.left() + labelWidth, title.bottom(), target.width() - labelWidth - margin,
                  axisHeight);
    layoutLegend(target, options.compactLegend, device);
    const double bottom = options.legend && !legendItems.empty() ? legend.top()
                                                                 : target.bottom() + 1 - margin / 2;
    plot = QRectF(axis.left(), axis.bottom(), axis.width(), std::max(0.0, bottom - axis.bottom()));
    labels = QRectF(target.left(), plot.top(), labelWidth, plot.height());
    if (!options.legend)
        legendItems.clear();

    rowHeight = std::max<double>(options.rowHeight, lineHeight(labelFont, device) + 6);
    subRowHeight = std::max(options.rowHeight * 0.85, lineHeight(subLabelFont, device) + 4);
    queueRowHeight = 2 * rowHeight;
    m_twoLineHeaders = !headersFitOneLine(device);
    headerHeight = lineHeight(headerFont, device) + 12 * scale;
    if (m_twoLineHeaders)
        headerHeight += lineHeight(subtitleFont, device);
    groupGap = 10 * scale;
    if (options.fitHeight)
        fitRows(plot.height(), options.minSubRowHeight, options.maxRowGrowth);
    contentHeight = 0;
    forEach(
        [this](int, int, const QRectF &box) {
            contentHeight = box.bottom() - plot.top() + m_scrollY;
            return true;
        },
        false);
    if (options.fitHeight && contentHeight > 0 && contentHeight < plot.height()) {
        // Short content: the legend follows right under it instead of leaving a gap above it.
        const double shrink = plot.height() - std::ceil(contentHeight + 2 * scale);
        plot.setHeight(plot.height() - shrink);
        labels.setHeight(plot.height());
        legend.translate(0, -shrink);
        for (LegendItem &item : legendItems) {
            item.swatch.translate(0, -shrink);
            item.text.translate(0, -shrink);
        }
    }
}

double TimelineLayout::height(const TimelineModel::Row &row) const noexcept
{
    // The queue and cores rows draw counts: room for a small step chart.
    if (row.lane.kind == LaneKind::Queue || row.kind == TimelineModel::RowKind::Cores)
        return queueRowHeight;
    return row.depth > 0 ? subRowHeight : rowHeight;
}

std::pair<QRectF, QRectF> TimelineLayout::headerText(const TimelineModel::Group &group,
                                                     const QRectF &box) const
{
    const auto line = [&](const QFont &font, const QString &text, double left) {
        const QFontMetricsF fm(font);
        return QRectF(left, box.center().y() - fm.height() / 2, fm.horizontalAdvance(text), fm.height());
    };
    const double left = box.left() + 14 * scale;
    if (m_twoLineHeaders) {
        const double titleH = QFontMetricsF(headerFont).height();
        const double subH = QFontMetricsF(subtitleFont).height();
        const double top = box.center().y() - (titleH + subH) / 2;
        const QString sub = subtitle(group);
        return {QRectF(left, top, QFontMetricsF(headerFont).horizontalAdvance(group.title), titleH),
                QRectF(left, top + titleH, QFontMetricsF(subtitleFont).horizontalAdvance(sub), subH)};
    }
    const QRectF title = line(headerFont, group.title, left);
    return {title, line(subtitleFont, subtitle(group), title.right() + 18 * scale)};
}

bool TimelineLayout::headersFitOneLine(const QPaintDevice *device) const
{
    const double room = plot.right() - labels.left() - 14 * scale;
    for (const TimelineModel::Group &group : m_model.groups()) {
        const double used = textWidth(headerFont, group.title, device) + 18 * scale +
            textWidth(subtitleFont, subtitle(group), device);
        if (used > room)
            return false;
    }
    return true;
}

QString TimelineLayout::subtitle(const TimelineModel::Group &group)
{
    return group.live ? QCoreApplication::translate("TimelineLayout", "running…") : group.subtitle;
}

void TimelineLayout::fitRows(double available, double minSubRowHeight, double maxGrowth)
{
    double fixed = 0;   // headers and gaps
    double workers = 0; // worker and queue rows, at their natural height
    double subLanes = 0;
    for (std::size_t g = 0; g < m_model.groups().size(); ++g) {
        fixed += headerHeight + (g > 0 ? groupGap : 0);
        for (const TimelineModel::Row &row : m_model.groups()[g].rows) {
            if (row.depth > 0)
                ++subLanes;
            else
                workers += height(row);
        }
    }
    if (available <= fixed)
        return;
    const double room = available - fixed;
    if (workers + subLanes * subRowHeight <= room) {
        // Spare room: thicker bars read better from the back of a room, up to a point.
        const double grow = std::min(maxGrowth, room / (workers + subLanes * subRowHeight));
        rowHeight *= grow;
        queueRowHeight *= grow;
        subRowHeight *= grow;
        return;
    }
    if (minSubRowHeight > 0) {
        // On screen: sub-lanes give way down to a readable minimum; scrolling shows the rest.
        if (subLanes > 0)
            subRowHeight = std::clamp((room - workers) / subLanes, std::min(minSubRowHeight, subRowHeight),
                                      subRowHeight);
        return;
    }
    // In a picture everything must fit. The sub-lanes of an async run look alike, so they give way
    // first, but keep a quarter of the room so that the run's shape stays visible.
    const double subTotal = std::max(room - workers, std::min(subLanes * subRowHeight, room / 4));
    if (subLanes > 0)
        subRowHeight = subTotal / subLanes;
    if (workers > 0 && workers > room - subTotal) {
        const double f = std::max(0.05, (room - subTotal) / workers);
        rowHeight *= f;
        queueRowHeight *= f;
    }
}

void TimelineLayout::layoutLegend(const QRect &target, bool compact, const QPaintDevice *device)
{
    legendItems.clear();
    const std::uint32_t styles = m_model.presentStyles();
    bool ideal = false;
    for (const TimelineModel::Group &g : m_model.groups())
        ideal = ideal || g.idealNs > 0;
    const double lineH = lineHeight(legendFont, device) + 8 * scale;
    const double swatchW = (compact ? 18 : 24) * scale;
    const double gap = (compact ? 14 : 22) * scale;
    const double swatchH = 14 * scale;
    const double left = target.left() + Margin * scale;
    const double right = target.right() - Margin * scale;
    double x = left;
    int line = 0;
    const auto place = [&](int style, const QString &text, const QColor &colour = {}) {
        const double w = swatchW + 6 * scale + textWidth(legendFont, text, device);
        if (x > left && x + w > right) {
            x = left;
            ++line;
        }
        const double y = line * lineH; // moved to the bottom once the line count is known
        legendItems.push_back({style, text, colour, QRectF(x, y + (lineH - swatchH) / 2, swatchW, swatchH),
                               QRectF(x + swatchW + 6 * scale, y, w - swatchW - 6 * scale, lineH)});
        x += w + gap;
    };
    for (int style = 0; style < StatePalette::StyleCount; ++style)
        if (styles & (1u << style))
            place(style, compact ? StatePalette::shortName(style) : StatePalette::style(style).name);
    // An imported trace's own names, as many as a legend can hold; the tooltip names the rest.
    const auto labels = m_model.presentLabels();
    for (std::size_t i = 0; i < labels.size() && i < MaxLabelsInLegend; ++i)
        place(-1, QString::fromStdString(labels[i].first), LabelPalette::colour(labels[i].second));
    if (const int more = static_cast<int>(labels.size()) - static_cast<int>(MaxLabelsInLegend); more > 0) {
        const QString text = QCoreApplication::translate("TimelineLayout", "%n more name(s)", "", more);
        place(-1, text, LabelPalette::colour(LabelPalette::Neutral));
    }
    if (ideal)
        place(-1,
              compact ? QCoreApplication::translate("TimelineLayout", "ideal time")
                      : QCoreApplication::translate("TimelineLayout", "ideal: the time the theory predicts"));
    const double height = legendItems.empty() ? 0 : std::round((line + 1) * lineH + 10 * scale);
    legend = QRectF(target.left(), target.bottom() + 1 - height, target.width(), height);
    for (LegendItem &item : legendItems) {
        item.swatch.translate(0, legend.top() + 6 * scale);
        item.text.translate(0, legend.top() + 6 * scale);
    }
}

} // namespace mtlab
