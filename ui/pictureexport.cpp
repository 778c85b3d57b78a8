#include "pictureexport.h"

#include "atomicfile.h"
#include "experiment.h"
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

#include <algorithm>

namespace mtlab {

namespace {

// Every format paints at this resolution, so text keeps one size relative to the picture
// (QImage is 96 dpi; SVG would be 72 and PDF 1200 by default).
constexpr int Dpi = 96;
// Proportions tuned at 1080 px high and scaled with the picture.
constexpr double ReferenceHeight = 1080.0;

bool writeSvg(QIODevice &device, const TimelineModel &model, const PictureOptions &options)
{
    QSvgGenerator svg;
    svg.setOutputDevice(&device);
    svg.setSize(options.size);
    svg.setViewBox(QRect(QPoint(0, 0), options.size));
    svg.setResolution(Dpi);
    svg.setTitle(options.title);
    svg.setDescription(QStringLiteral("Multitask Lab timeline"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    paintPicture(painter, model, options);
    return painter.end();
}

// A4 landscape, the picture scaled to fit inside 10 mm margins and centred.
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
    const QSizeF size = options.size;
    const double fit = std::min(pdf.width() / size.width(), pdf.height() / size.height());
    painter.translate((pdf.width() - size.width() * fit) / 2, (pdf.height() - size.height() * fit) / 2);
    painter.scale(fit, fit);
    paintPicture(painter, model, options);
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

int paintPicture(QPainter &painter, const TimelineModel &model, const PictureOptions &options)
{
    const QRect target(QPoint(0, 0), options.size);
    const TimelineRenderer renderer(model);
    const TimelineRenderer::Options o = pictureRendererOptions(options);
    TimeScale scale;
    // A little room after the longest run, so that its end and its ideal marker stand clear.
    scale.fit(0.0, static_cast<double>(std::max<std::int64_t>(model.durationNs(), 1)) * 1.02,
              renderer.plotArea(target, o).width());
    renderer.paint(painter, target, scale, o);
    return renderer.lastShapeCount();
}

QImage renderPicture(const TimelineModel &model, const PictureOptions &options)
{
    QImage image(options.size * options.scale, QImage::Format_RGB32);
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
