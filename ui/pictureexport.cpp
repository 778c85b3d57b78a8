#include "pictureexport.h"

#include "atomicfile.h"
#include "experiment.h"
#include "timelinelayout.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"

#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace mtlab {

namespace {

// Every format paints at this resolution, so text keeps one size relative to the picture
// (QImage is 96 dpi; SVG would be 72 and PDF 1200 by default).
constexpr int Dpi = 96;
// Proportions tuned at 1080 px high and scaled with the picture.
constexpr double ReferenceHeight = 1080.0;
// The share of the width a chart takes beside the timeline.
constexpr double ChartShare = 0.28;

// Where the timeline goes: all of the canvas, or its left part when a chart stands beside it.
QRect timelineRect(const QSize &canvas, const PictureOptions &options)
{
    QRect r(QPoint(0, 0), canvas);
    if (options.chart)
        r.setWidth(static_cast<int>(canvas.width() * (1 - ChartShare)));
    return r;
}

bool writeSvg(QIODevice &device, const TimelineModel &model, const PictureOptions &options)
{
    const QSize canvas = pictureCanvas(model, options);
    QSvgGenerator svg;
    svg.setOutputDevice(&device);
    svg.setSize(canvas);
    svg.setViewBox(QRect(QPoint(0, 0), canvas));
    svg.setResolution(Dpi);
    svg.setTitle(options.title);
    svg.setDescription(QStringLiteral("Multitask Lab timeline"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    paintPicture(painter, model, options);
    return painter.end();
}

// A4 landscape, the picture scaled to fit inside 10 mm margins and centred; a picture grown taller
// than its slide (many rows) goes on as many pages as it needs, a slide's height each.
bool writePdf(QIODevice &device, const TimelineModel &model, const PictureOptions &options)
{
    QPdfWriter pdf(&device);
    pdf.setResolution(Dpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10),
                                  QPageLayout::Millimeter));
    pdf.setTitle(options.title);
    pdf.setCreator(QStringLiteral("Multitask Lab"));
    QPainter painter;
    if (!painter.begin(&pdf))
        return false;
    const QSizeF page = options.size;
    const int height = pictureCanvas(model, options).height();
    const double fit = std::min(pdf.width() / page.width(), pdf.height() / page.height());
    for (int top = 0; top < height; top += options.size.height()) {
        if (top > 0 && !pdf.newPage())
            return false;
        painter.save();
        painter.translate((pdf.width() - page.width() * fit) / 2, (pdf.height() - page.height() * fit) / 2);
        painter.scale(fit, fit);
        painter.setClipRect(QRectF(QPointF(0, 0), page));
        painter.translate(0, -top);
        paintPicture(painter, model, options);
        painter.restore();
    }
    return painter.end();
}

} // namespace

TimelineRenderer::Options pictureRendererOptions(const PictureOptions &options)
{
    const double k = options.size.height() / ReferenceHeight;
    TimelineRenderer::Options o;
    o.title = options.title;
    o.legend = true;
    o.fontScale = 1.6 * k; // read from the back of a classroom
    o.rowHeight = static_cast<int>(30 * k);
    o.labelWidth = static_cast<int>(300 * k);
    // Every row of every run on the one slide: rows shrink to fit rather than scroll away.
    o.fitHeight = true;
    o.minSubRowHeight = 0.0;
    return o;
}

QSize pictureCanvas(const TimelineModel &model, const PictureOptions &options)
{
    const TimelineRenderer::Options o = pictureRendererOptions(options);
    TimelineRenderer::Options natural = o;
    natural.fitHeight = false;
    const QRect slide = timelineRect(options.size, options);
    const double readable = TimelineLayout(model, slide, natural).rowHeight;
    // The least height at which a worker's row keeps its readable height (found by halving).
    const auto fits = [&](int height) {
        const QSize canvas(options.size.width(), height);
        return TimelineLayout(model, timelineRect(canvas, options), o).rowHeight >= readable - 0.01;
    };
    int low = options.size.height();
    if (fits(low))
        return options.size;
    int high = low;
    for (int i = 0; i < 6 && !fits(high); ++i)
        high *= 2;
    while (high - low > 1) {
        const int middle = (low + high) / 2;
        (fits(middle) ? high : low) = middle;
    }
    return {options.size.width(), high};
}

int paintPicture(QPainter &painter, const TimelineModel &model, const PictureOptions &options)
{
    const QSize canvas = pictureCanvas(model, options);
    const QRect target = timelineRect(canvas, options);
    if (options.chart) // white under the chart as under the timeline
        painter.fillRect(QRect(QPoint(0, 0), canvas), Qt::white);
    const TimelineRenderer renderer(model);
    const TimelineRenderer::Options o = pictureRendererOptions(options);
    TimeScale scale;
    // A little room after the longest run, so that its end and its ideal marker stand clear.
    scale.fit(0.0, static_cast<double>(std::max<std::int64_t>(model.durationNs(), 1)) * 1.02,
              renderer.plotArea(target, o).width());
    renderer.paint(painter, target, scale, o);
    if (options.chart && options.chart->width() > 0 && options.chart->height() > 0) {
        // The chart as the window shows it, scaled into the slide's right part under the title.
        const QRectF room(target.right() + 1, canvas.height() * 0.08, canvas.width() - target.width(),
                          options.size.height() * 0.84);
        const double k = std::min(room.width() / options.chart->width(),
                                  room.height() / options.chart->height());
        painter.save();
        painter.translate(room.left() + (room.width() - options.chart->width() * k) / 2, room.top());
        painter.scale(k, k);
        options.chart->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.restore();
    }
    return renderer.lastShapeCount();
}

QImage renderPicture(const TimelineModel &model, const PictureOptions &options)
{
    QImage image(pictureCanvas(model, options) * options.scale, QImage::Format_RGB32);
    image.setDevicePixelRatio(options.scale);
    QPainter painter(&image);
    paintPicture(painter, model, options);
    return image;
}

std::optional<PictureFormat> pictureFormat(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return PictureFormat::Png;
    if (suffix == QLatin1String("svg"))
        return PictureFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return PictureFormat::Pdf;
    return std::nullopt;
}

QString exportPicture(const TimelineModel &model, const QString &path, const PictureOptions &options)
{
    const std::optional<PictureFormat> format = pictureFormat(path);
    if (!format)
        return QStringLiteral("cannot export %1: the name must end in .png, .svg or .pdf").arg(path);
    return exportPicture(model, path, *format, options);
}

QString exportPicture(const TimelineModel &model, const QString &path, PictureFormat format,
                      const PictureOptions &options)
{
    const std::string problem = writeOutputFile(
        QFile::encodeName(path).toStdString(), [&](int fd) -> std::string {
            QFile file;
            if (!file.open(fd, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
                return file.errorString().toStdString();
            bool painted = false;
            switch (format) {
            case PictureFormat::Png:
                painted = renderPicture(model, options).save(&file, "PNG");
                break;
            case PictureFormat::Svg:
                painted = writeSvg(file, model, options);
                break;
            case PictureFormat::Pdf:
                painted = writePdf(file, model, options);
                break;
            }
            if (!painted)
                return "the picture could not be drawn";
            if (!file.flush())
                return file.errorString().toStdString();
            return {};
        });
    return QString::fromStdString(problem);
}

void copyPictureToClipboard(const TimelineModel &model, const PictureOptions &options)
{
    QGuiApplication::clipboard()->setImage(renderPicture(model, options));
}

QString pictureTitle(const Experiment &e)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QString tasks = english.toString(e.tasks);
    if (e.workload == WorkloadKind::Counter)
        return QStringLiteral("Shared counter: %1 tasks each add 1 to it %2 times (counter += 1)")
            .arg(tasks, english.toString(static_cast<qulonglong>(e.n)));
    if (e.workload == WorkloadKind::Cpu)
        return QStringLiteral("CPU-bound: %1 tasks, each a sum of squares below n = %2")
            .arg(tasks, english.toString(static_cast<qulonglong>(e.n)));
    if (!e.io.url.empty())
        return QStringLiteral("I/O-bound: %1 downloads of %2").arg(tasks, QString::fromStdString(e.io.url));
    // Kept as short as the plain title: a longer one no longer fits a 1920-pixel picture.
    if (e.io.tls && e.io.setupMs > 0)
        return QStringLiteral("I/O-bound: %1 HTTPS downloads; TLS handshake %2 ms, answer %3 ms")
            .arg(tasks)
            .arg(e.io.setupMs)
            .arg(e.io.delayMs);
    return QStringLiteral("I/O-bound: %1 %2downloads, the server answers each after %3 ms")
        .arg(tasks, e.io.tls ? QStringLiteral("HTTPS ") : QString())
        .arg(e.io.delayMs);
}

} // namespace mtlab
