#pragma once

#include "timelinerenderer.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <optional>

class QPainter;
class QWidget;

namespace mtlab {

class TimelineModel;
struct Experiment;

// Pictures of a timeline for slides: the same renderer as the view, with title, legend and axis,
// 16:9 at 1920x1080 by default. Written by writeOutputFile(): a failed export leaves nothing.
struct PictureOptions {
    QSize size{1920, 1080};
    qreal scale = 1.0; // 2.0: a 3840x2160 PNG of the same layout
    QString title;
    // Drawn at the right of the timeline, scaled to fit (a sweep's speedup chart); may be null.
    QWidget *chart = nullptr;
};

enum class PictureFormat { Png, Svg, Pdf };

QImage renderPicture(const TimelineModel &model, const PictureOptions &options);
// PNG, SVG or PDF by the path's suffix. An error message, empty on success.
QString exportPicture(const TimelineModel &model, const QString &path, const PictureOptions &options);
// In the format asked for, whatever the suffix (`run --png out` means a PNG).
QString exportPicture(const TimelineModel &model, const QString &path, PictureFormat format,
                      const PictureOptions &options);
// The format a path's suffix names (case-insensitive), none for other suffixes.
std::optional<PictureFormat> pictureFormat(const QString &path);
void copyPictureToClipboard(const TimelineModel &model, const PictureOptions &options);

// The one drawing path of every format: the whole picture in logical pixels (options.size) on any
// device. Returns how many span shapes were drawn (TimelineRenderer::lastShapeCount()).
int paintPicture(QPainter &painter, const TimelineModel &model, const PictureOptions &options);
// The picture's size in logical pixels: options.size, or taller when the rows of a pool would
// otherwise be squashed below their readable height (a PDF pages it instead). Only the async
// sub-lanes, which look alike, are squeezed to fit.
QSize pictureCanvas(const TimelineModel &model, const PictureOptions &options);
// How the renderer is set up for a picture: type sized for a slide, rows fitted to the height
// (async sub-lanes squeezed below a pixel if need be, so that no row is left out).
TimelineRenderer::Options pictureRendererOptions(const PictureOptions &options);
// A title saying what ran: "CPU-bound: 8 tasks, sum of squares below n = 20,000,000 .. 20,000,007".
QString pictureTitle(const Experiment &experiment);

} // namespace mtlab
