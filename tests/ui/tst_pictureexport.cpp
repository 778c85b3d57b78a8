#include "comparison.h"
#include "pictureexport.h"
#include "statepalette.h"
#include "sweepchart.h"
#include "timelinelayout.h"
#include "syntheticrun.h"
#include "timelinemodel.h"

#include <QBuffer>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QSet>
#include <QSvgGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace mtlab;

// Pictures for slides: each format decodes, has the size asked for and shows what the timeline
// shows; a failed export leaves nothing behind; `multitask-lab run --png/--svg/--pdf` needs no
// display.
class TestPictureExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pngHasTheRequestedSize_data();
    void pngHasTheRequestedSize();
    void pngShowsEveryPresentState();
    void svgHasOneShapePerSpan();
    void pdfIsAPdf();
    void formatComesFromTheSuffix_data();
    void formatComesFromTheSuffix();
    void unwritablePathIsAnError_data();
    void unwritablePathIsAnError();
    void manyLanesStillFit();
    void poolRowsGrowThePicture_data();
    void poolRowsGrowThePicture();
    void pdfPagesATallPicture();
    void sweepChartIsDrawnBeside();
    void clipboardGetsThePicture();
    void commandLineWritesAllThree();

private:
    static bool isSvg(const QString &path);
    TimelineModel m_model;
    std::unique_ptr<Comparison> m_comparison;
    QTemporaryDir m_dir;
};

constexpr std::int64_t Ms = 1'000'000;

// Well-formed XML with an <svg> root. (QSvgRenderer would do, but Qt 6.4's does not know the
// <pattern> fills that hatch the waiting states, and warns about each.)
bool TestPictureExport::isSvg(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&file);
    bool root = false;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && !root)
            root = xml.name() == QLatin1String("svg");
    return root && !xml.hasError();
}

// A comparison whose spans are all wide: nothing folds, every span is one shape.
void TestPictureExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_comparison = std::make_unique<Comparison>(m_model);
    m_comparison->addRun(syntheticRun(StrategyKind::Sync, 1, 4, 100 * Ms));
    m_comparison->addRun(
        syntheticRun(StrategyKind::Threads, 2, 4, 100 * Ms, State::IoWait, WorkloadKind::Io));
    m_comparison->addRun(syntheticRun(StrategyKind::Processes, 4, 4, 100 * Ms, State::Ipc));
    m_comparison->addRun(syntheticRun(StrategyKind::Threads, 2, 4, 100 * Ms, State::LockWait));
    QCOMPARE(m_model.groups().size(), std::size_t(4));
}

void TestPictureExport::pngHasTheRequestedSize_data()
{
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("1x") << qreal(1) << QSize(1920, 1080) << QSize(1920, 1080);
    QTest::newRow("2x") << qreal(2) << QSize(1920, 1080) << QSize(3840, 2160);
    QTest::newRow("small 1x") << qreal(1) << QSize(1280, 720) << QSize(1280, 720);
}

void TestPictureExport::pngHasTheRequestedSize()
{
    QFETCH(qreal, scale);
    QFETCH(QSize, size);
    QFETCH(QSize, expected);
    PictureOptions options;
    options.scale = scale;
    options.size = size;
    options.title = QStringLiteral("A comparison");
    const QString path = m_dir.filePath(QStringLiteral("size.png"));
    QCOMPARE(exportPicture(m_model, path, options), QString());
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), expected);
}

// Every state in the model is in the picture, in the palette's colour (spans and legend).
void TestPictureExport::pngShowsEveryPresentState()
{
    const QImage image = renderPicture(m_model, PictureOptions{});
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            colours.insert(line[x] & 0xffffff);
    }
    const std::uint32_t present = m_model.presentStyles();
    QVERIFY(present != 0);
    for (int style = 0; style < StatePalette::StyleCount; ++style) {
        if (!(present & (1u << style)))
            continue;
        const QColor fill = StatePalette::style(style).fill;
        QVERIFY2(colours.contains(fill.rgb() & 0xffffff), qPrintable(StatePalette::style(style).name));
    }
}

void TestPictureExport::svgHasOneShapePerSpan()
{
    const QString path = m_dir.filePath(QStringLiteral("shapes.svg"));
    QCOMPARE(exportPicture(m_model, path, PictureOptions{}), QString());
    QVERIFY(isSvg(path));

    // The very drawing the SVG holds, counted by the renderer: one shape per span, and one chart
    // per cores row (the CPU runs').
    int charts = 0;
    for (const TimelineModel::Group &g : m_model.groups())
        for (const TimelineModel::Row &row : g.rows)
            charts += row.kind == TimelineModel::RowKind::Cores;
    QCOMPARE(charts, 3);
    QSvgGenerator svg;
    QBuffer buffer;
    svg.setOutputDevice(&buffer);
    svg.setSize(QSize(1920, 1080));
    QPainter painter(&svg);
    QCOMPARE(paintPicture(painter, m_model, PictureOptions{}), int(m_model.spanCount()) + charts);
}

void TestPictureExport::pdfIsAPdf()
{
    const QString path = m_dir.filePath(QStringLiteral("slide.pdf"));
    QCOMPARE(exportPicture(m_model, path, PictureOptions{}), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() > 1000);
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    // Landscape: the page is wider than high.
    const qsizetype box = pdf.indexOf("/MediaBox [");
    QVERIFY(box >= 0);
    const QList<QByteArray> numbers = pdf.mid(box + 11, 40).split(']').front().simplified().split(' ');
    QCOMPARE(numbers.size(), 4);
    QVERIFY(numbers[2].toDouble() > numbers[3].toDouble());
}

void TestPictureExport::formatComesFromTheSuffix_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("PNG upper case") << QStringLiteral("a.PNG") << QByteArray("\x89PNG");
    QTest::newRow("svg") << QStringLiteral("a.svg") << QByteArray("<?xml");
    QTest::newRow("pdf") << QStringLiteral("a.pdf") << QByteArray("%PDF");
}

void TestPictureExport::formatComesFromTheSuffix()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, magic);
    const QString path = m_dir.filePath(name);
    QCOMPARE(exportPicture(m_model, path, PictureOptions{}), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(magic.size()), magic);
}

void TestPictureExport::unwritablePathIsAnError_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("no such folder") << QStringLiteral("/nonexistent-folder/picture.png");
    QTest::newRow("a folder") << QDir::tempPath();
    QTest::newRow("unknown format") << QDir::temp().filePath(QStringLiteral("mtlab-picture.bmp"));
}

void TestPictureExport::unwritablePathIsAnError()
{
    QFETCH(QString, path);
    const bool existed = QFileInfo::exists(path);
    const QString problem = exportPicture(m_model, path, PictureOptions{});
    QVERIFY(!problem.isEmpty());
    QVERIFY2(problem.contains(path), qPrintable(problem));
    QCOMPARE(QFileInfo::exists(path), existed);
    if (!existed)
        QVERIFY(QDir(QFileInfo(path).path())
                    .entryList({QFileInfo(path).fileName() + QLatin1Char('*')})
                    .isEmpty());
}

// An event loop with 10,000 tasks in flight, one sub-lane each: far more rows than pixels, yet
// every row is inside the picture (squeezed), none scrolled away.
void TestPictureExport::manyLanesStillFit()
{
    TimelineModel model;
    Comparison comparison(model);
    comparison.addRun(
        syntheticRun(StrategyKind::Async, 1, 10'000, 100 * Ms, State::IoWait, WorkloadKind::Io));
    const PictureOptions options;
    const TimelineRenderer::Options o = pictureRendererOptions(options);
    const TimelineRenderer renderer(model);
    const QRect target(QPoint(0, 0), options.size);
    // Within a pixel: the layout works in fractions, these two round.
    QVERIFY(renderer.contentHeight(target, o) <= renderer.plotArea(target, o).height() + 1);
    QVERIFY(renderer.contentHeight(o) > 10 * renderer.plotArea(target, o).height());
    QCOMPARE(renderPicture(model, options).size(), QSize(1920, 1080));
}

// Forty threads on a 720-line slide: rather than squash their rows below the labels' height, the
// picture grows taller (the same width), and its title stays.
void TestPictureExport::poolRowsGrowThePicture_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("grows");
    QTest::newRow("4 threads fit") << 4 << false;
    QTest::newRow("40 threads grow") << 40 << true;
}

void TestPictureExport::poolRowsGrowThePicture()
{
    QFETCH(int, threads);
    QFETCH(bool, grows);
    TimelineModel model;
    Comparison comparison(model);
    comparison.addRun(syntheticRun(StrategyKind::Threads, threads, threads, 100 * Ms));
    PictureOptions options;
    options.size = QSize(1280, 720);
    options.title = QStringLiteral("forty threads");
    const QSize canvas = pictureCanvas(model, options);
    QCOMPARE(canvas.width(), 1280);
    QCOMPARE(canvas.height() > 720, grows);
    QCOMPARE(renderPicture(model, options).size(), canvas);
    TimelineRenderer::Options natural = pictureRendererOptions(options);
    natural.fitHeight = false;
    const TimelineLayout unfitted(model, QRect(QPoint(0, 0), options.size), natural);
    const TimelineLayout drawn(model, QRect(QPoint(0, 0), canvas), pictureRendererOptions(options));
    QVERIFY(drawn.rowHeight >= unfitted.rowHeight - 0.01);
    QVERIFY(drawn.title.height() > 0);
    // Not much taller than needed: the rows and their headers, no empty half page.
    QVERIFY(drawn.contentHeight >= drawn.plot.height() - 2 * drawn.rowHeight);
}

void TestPictureExport::pdfPagesATallPicture()
{
    TimelineModel model;
    Comparison comparison(model);
    comparison.addRun(syntheticRun(StrategyKind::Threads, 40, 40, 100 * Ms));
    PictureOptions options;
    options.size = QSize(1280, 720);
    const QString path = m_dir.filePath(QStringLiteral("tall.pdf"));
    QCOMPARE(exportPicture(model, path, options), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    const int pages = (pictureCanvas(model, options).height() + 719) / 720;
    QVERIFY(pages >= 2);
    QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), pages);
}

// A sweep's picture carries its speedup chart at the right; the timeline makes room for it.
void TestPictureExport::sweepChartIsDrawnBeside()
{
    TimelineModel model;
    Comparison comparison(model);
    for (int workers = 1; workers <= 4; ++workers)
        comparison.addRun(syntheticRun(StrategyKind::Threads, workers, 8, 100 * Ms), Comparison::Mode::Sweep);
    SweepChart chart;
    chart.resize(400, 600);
    chart.setEntries(comparison.entries());
    PictureOptions options;
    const QImage alone = renderPicture(model, options);
    options.chart = &chart;
    const QImage beside = renderPicture(model, options);
    QCOMPARE(beside.size(), alone.size());
    const QRect right(alone.width() * 3 / 4, alone.height() / 4, alone.width() / 4, alone.height() / 2);
    QVERIFY(beside.copy(right) != alone.copy(right));
    // The chart's own bold blue line (the threads' colour) is in the right part.
    QSet<QRgb> colours;
    const QImage part = beside.copy(right);
    for (int y = 0; y < part.height(); y += 2)
        for (int x = 0; x < part.width(); x += 2)
            colours.insert(part.pixel(x, y));
    QVERIFY(colours.size() > 8);
}

void TestPictureExport::clipboardGetsThePicture()
{
    PictureOptions options;
    options.size = QSize(1280, 720);
    copyPictureToClipboard(m_model, options);
    QCOMPARE(QGuiApplication::clipboard()->image().size(), QSize(1280, 720));
}

// The real command, with no display at all.
void TestPictureExport::commandLineWritesAllThree()
{
    const QString png = m_dir.filePath(QStringLiteral("cli.png"));
    const QString svg = m_dir.filePath(QStringLiteral("cli.svg"));
    const QString pdf = m_dir.filePath(QStringLiteral("cli.pdf"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QLatin1String(name));
    process.setProcessEnvironment(environment);
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab"),
                  {QStringLiteral("run"), QStringLiteral("--workload"), QStringLiteral("cpu"),
                   QStringLiteral("--strategy"), QStringLiteral("all"), QStringLiteral("--tasks"),
                   QStringLiteral("4"), QStringLiteral("--workers"), QStringLiteral("2"),
                   QStringLiteral("--n"), QStringLiteral("1000000"), QStringLiteral("--png"), png,
                   QStringLiteral("--svg"), svg, QStringLiteral("--pdf"), pdf});
    QVERIFY(process.waitForFinished(120'000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    QImage image;
    QVERIFY(image.load(png));
    // Five runs with their cores and queue rows: taller than a slide rather than squashed.
    QCOMPARE(image.width(), 1920);
    QVERIFY(image.height() >= 1080);
    QVERIFY(isSvg(svg));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(4) == "%PDF");
}

QTEST_MAIN(TestPictureExport)
#include "tst_pictureexport.moc"
