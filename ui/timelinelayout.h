#pragma once

#include "timelinemodel.h"
#include "timelineoptions.h"

#include <QColor>
#include <QFont>
#include <QRectF>

#include <utility>
#include <vector>

class QPaintDevice;

namespace mtlab {

// Where everything of a timeline goes inside a target rectangle: title, time axis, label column,
// plot, legend, and each group's header and rows (fitHeight applied). Painting and hit testing
// walk the same layout, so a point maps to exactly the row that was drawn there.
class TimelineLayout
{
public:
    TimelineLayout(const TimelineModel &model, const QRect &target, const TimelineOptions &options,
                   const QPaintDevice *device = nullptr);

    struct LegendItem {
        int style = -1; // a StatePalette style, or -1 for the ideal-time marker or an imported name
        QString label;
        QColor colour; // an imported name's (LabelPalette), invalid for the others
        QRectF swatch;
        QRectF text;
    };

    QFont labelFont, subLabelFont, headerFont, subtitleFont, axisFont, legendFont, titleFont;
    QRectF title, axis, labels, plot, legend;
    std::vector<LegendItem> legendItems;
    double rowHeight = 0, subRowHeight = 0, queueRowHeight = 0, headerHeight = 0, groupGap = 0;
    double contentHeight = 0;
    double scale = 1.0; // the options' fontScale

    double height(const TimelineModel::Row &row) const noexcept;
    // Where a group header at box writes its title and its subtitle: side by side, or the
    // subtitle under the title when some header is too narrow for both on one line.
    std::pair<QRectF, QRectF> headerText(const TimelineModel::Group &group, const QRectF &box) const;
    static QString subtitle(const TimelineModel::Group &group);
    // The rows area: label column and plot side by side.
    QRectF rows() const noexcept { return labels.united(plot); }

    // Calls f(group, row, box) for each group header (row -1) and row, top to bottom, with box
    // across label column and plot. visibleOnly skips what is scrolled away and stops below the
    // plot. f returns false to stop.
    template <typename F>
    void forEach(F f, bool visibleOnly = true) const
    {
        double y = plot.top() - m_scrollY;
        const auto &groups = m_model.groups();
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (g > 0)
                y += groupGap;
            if (visibleOnly && y > plot.bottom())
                return;
            const QRectF header(labels.left(), y, plot.right() - labels.left(), headerHeight);
            y += headerHeight;
            if ((!visibleOnly || header.bottom() > plot.top()) && !f(static_cast<int>(g), -1, header))
                return;
            const auto &rows = groups[g].rows;
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const double h = height(rows[r]);
                const QRectF box(labels.left(), y, header.width(), h);
                y += h;
                if (!visibleOnly || box.bottom() > plot.top()) {
                    if (visibleOnly && box.top() > plot.bottom())
                        return;
                    if (!f(static_cast<int>(g), static_cast<int>(r), box))
                        return;
                }
            }
        }
    }

private:
    void layoutLegend(const QRect &target, bool compact, const QPaintDevice *device);
    void fitRows(double available, double minSubRowHeight, double maxGrowth);
    bool headersFitOneLine(const QPaintDevice *device) const;

    const TimelineModel &m_model;
    double m_scrollY = 0;
    bool m_twoLineHeaders = false;
};

} // namespace mtlab
