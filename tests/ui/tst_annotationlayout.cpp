#include "annotationlayout.h"
#include "pictureexport.h"
#include "syntheticrun.h"
#include "timelinelayout.h"
#include "timelinemodel.h"

#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace mtlab;

// Where notes are drawn and which one a point picks: plain geometry, no window. And that a note
// is in every exported picture, since exports paint the same model.
class TestAnnotationLayout : public QObject
{
    Q_OBJECT

private slots:
    void boxGoesAboveOrBelow_data();
    void boxGoesAboveOrBelow();
    void boxStaysInsideThePlot_data();
    void boxStaysInsideThePlot();
    void offsetMovesTheBoxByTheTextScale();
    void arrowLeavesTheNearestEdge_data();
    void arrowLeavesTheNearestEdge();
    void hitTestPicksTheTopmost();
    void laneKeysAreTheEnginesNames();
    void calloutsFollowZoomAndPan();
    void longTextIsElided();
    void textTakesAtMostTwoLines_data();
    void textTakesAtMostTwoLines();
    void calloutsAvoidEachOther();
    void pictureShowsTheNote();
    void svgHoldsTheText();
};

namespace {

constexpr std::int64_t Ms = 1'000'000;

Annotation note(std::int64_t ms, const QString &lane, const QString &text)
{
    return Annotation{.atNs = ms * Ms, .lane = lane, .text = text, .offset = {}};
}
const QRectF Plot(200, 40, 800, 400);

// A sticky note's paper: light yellow, more red than blue by far.
bool isPaper(QRgb c)
{
    return qRed(c) > 240 && qGreen(c) > 225 && qBlue(c) > 150 && qBlue(c) < 205;
}

int paperPixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += isPaper(image.pixel(x, y));
    return count;
}

} // namespace

void TestAnnotationLayout::boxGoesAboveOrBelow_data()
{
    QTest::addColumn<double>("rowTop");
    QTest::addColumn<double>("ceiling");
    QTest::addColumn<bool>("above");
    QTest::newRow("a lane low down: above") << 300.0 << 0.0 << true;
    QTest::newRow("the first lane: below") << 45.0 << 0.0 << false;
    QTest::newRow("right under its run's title: below") << 100.0 << 90.0 << false;
}

void TestAnnotationLayout::boxGoesAboveOrBelow()
{
    QFETCH(double, rowTop);
    QFETCH(double, ceiling);
    QFETCH(bool, above);
    const QRectF row(Plot.left(), rowTop, Plot.width(), 22);
    const QPointF tip(500, row.top() + 3);
    const QRectF box = AnnotationLayout::boxFor(tip, QSizeF(120, 20), row, Plot, 1.0, {}, ceiling);
    QCOMPARE(box.bottom() < row.top(), above);
    QCOMPARE(box.top() > row.bottom(), !above);
    QCOMPARE(box.center().x(), tip.x()); // centred over the moment
    QVERIFY(!box.intersects(row));       // the bar pointed at stays in sight
}

void TestAnnotationLayout::boxStaysInsideThePlot_data()
{
    QTest::addColumn<double>("tipX");
    QTest::newRow("at the start") << Plot.left();
    QTest::newRow("at the end") << Plot.right();
    QTest::newRow("in the middle") << Plot.center().x();
}

void TestAnnotationLayout::boxStaysInsideThePlot()
{
    QFETCH(double, tipX);
    const QRectF row(Plot.left(), 300, Plot.width(), 22);
    const QRectF box = AnnotationLayout::boxFor(QPointF(tipX, 303), QSizeF(300, 20), row, Plot, 1.0, {});
    QVERIFY(Plot.contains(box));
    // Dragged far away, still inside.
    const QRectF far = AnnotationLayout::boxFor(QPointF(tipX, 303), QSizeF(300, 20), row, Plot, 1.0,
                                                QPointF(5000, -5000));
    QVERIFY(Plot.contains(far));
}

void TestAnnotationLayout::offsetMovesTheBoxByTheTextScale()
{
    const QRectF row(Plot.left(), 300, Plot.width(), 44);
    const QPointF tip(600, 306);
    const QRectF still = AnnotationLayout::boxFor(tip, QSizeF(100, 30), row, Plot, 2.0, {});
    const QRectF moved = AnnotationLayout::boxFor(tip, QSizeF(100, 30), row, Plot, 2.0, QPointF(10, -20));
    QCOMPARE(moved.topLeft() - still.topLeft(), QPointF(20, -40));
}

void TestAnnotationLayout::arrowLeavesTheNearestEdge_data()
{
    QTest::addColumn<QPointF>("tip");
    QTest::addColumn<QPointF>("base");
    const QRectF box(100, 100, 100, 20);
    QTest::newRow("below") << QPointF(150, 150) << QPointF(150, 120);
    QTest::newRow("above") << QPointF(150, 50) << QPointF(150, 100);
    QTest::newRow("below, far right: at the corner's inset") << QPointF(400, 150) << QPointF(192, 120);
    QTest::newRow("beside") << QPointF(300, 110) << QPointF(200, 110);
    QTest::newRow("inside: no arrow") << QPointF(150, 110) << QPointF(150, 110);
}

void TestAnnotationLayout::arrowLeavesTheNearestEdge()
{
    QFETCH(QPointF, tip);
    QFETCH(QPointF, base);
    QCOMPARE(AnnotationLayout::arrowBase(QRectF(100, 100, 100, 20), tip, 1.0), base);
}

void TestAnnotationLayout::hitTestPicksTheTopmost()
{
    std::vector<AnnotationLayout::Callout> callouts(2);
    callouts[0].box = QRectF(100, 100, 100, 20);
    callouts[0].tip = QPointF(150, 200);
    callouts[1].box = QRectF(150, 105, 100, 20); // drawn later, over the first
    callouts[1].tip = QPointF(300, 200);
    QCOMPARE(AnnotationLayout::hitTest(callouts, QPointF(160, 110)), 1);
    QCOMPARE(AnnotationLayout::hitTest(callouts, QPointF(110, 110)), 0);
    QCOMPARE(AnnotationLayout::hitTest(callouts, QPointF(152, 198)), 0); // at the arrow's tip
    QCOMPARE(AnnotationLayout::hitTest(callouts, QPointF(400, 400)), -1);
}

void TestAnnotationLayout::laneKeysAreTheEnginesNames()
{
    TimelineModel model;
    model.addRun(syntheticGilRun(2, 4, 5 * Ms));
    const TimelineModel::Group &group = model.groups().front();
    QStringList keys;
    for (const auto &row : group.rows)
        keys << AnnotationLayout::laneKey(row);
    QVERIFY2(keys.contains(QStringLiteral("thread 2")), qPrintable(keys.join(u',')));
    QVERIFY(keys.contains(QStringLiteral("GIL holder")));
    QVERIFY(keys.contains(QStringLiteral("cores")));
    QCOMPARE(AnnotationLayout::rowOf(group, QStringLiteral("thread 2")),
             keys.indexOf(QStringLiteral("thread 2")));
    QCOMPARE(AnnotationLayout::rowOf(group, QStringLiteral("thread 9")), -1);
}

void TestAnnotationLayout::calloutsFollowZoomAndPan()
{
    TimelineModel model;
    model.addRun(syntheticRun(StrategyKind::Threads, 4, 8, 50 * Ms));
    model.setNotes(0, {note(60, QStringLiteral("worker 3"), QStringLiteral("here"))});
    TimelineOptions options;
    const TimelineLayout layout(model, QRect(0, 0, 1200, 500), options);
    TimeScale scale;
    scale.fit(0, 100 * Ms, layout.plot.width());
    const int row = AnnotationLayout::rowOf(model.groups()[0], QStringLiteral("worker 3"));
    QRectF rowBox;
    layout.forEach([&](int, int r, const QRectF &box) {
        if (r == row)
            rowBox = box;
        return true;
    });

    const AnnotationLayout fitted(model, layout, scale);
    QCOMPARE(fitted.callouts().size(), std::size_t(1));
    const auto &c = fitted.callouts().front();
    QCOMPARE(c.row, row);
    QCOMPARE(c.tip.x(), layout.plot.left() + scale.x(60 * Ms));
    QVERIFY(c.tip.y() >= rowBox.top() && c.tip.y() <= rowBox.bottom());

    scale.zoomAround(0, 1.25); // 0..80 ms: the moment moves right
    const AnnotationLayout zoomed(model, layout, scale);
    QCOMPARE(zoomed.callouts().size(), std::size_t(1));
    QCOMPARE(zoomed.callouts().front().tip.x(), layout.plot.left() + scale.x(60 * Ms));

    scale.pan(-layout.plot.width()); // the moment is out of view: no note drawn
    QVERIFY(AnnotationLayout(model, layout, scale).callouts().empty());
}

void TestAnnotationLayout::longTextIsElided()
{
    TimelineModel model;
    model.addRun(syntheticRun(StrategyKind::Threads, 2, 2, 50 * Ms));
    const QString text = QString(QStringLiteral("a very long note ")).repeated(40);
    model.setNotes(0, {note(10, QStringLiteral("worker 2"), text)});
    const TimelineLayout layout(model, QRect(0, 0, 900, 400), TimelineOptions());
    TimeScale scale;
    scale.fit(0, 50 * Ms, layout.plot.width());
    const AnnotationLayout notes(model, layout, scale);
    QCOMPARE(notes.callouts().size(), std::size_t(1));
    const auto &c = notes.callouts().front();
    QVERIFY(c.text.endsWith(QChar(0x2026)));
    QCOMPARE(c.text.count(u'\n'), 1);
    QVERIFY(c.box.width() < layout.plot.width() / 2 + 1);
    QVERIFY(layout.plot.contains(c.box));
}

void TestAnnotationLayout::textTakesAtMostTwoLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("first");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("elided");
    QTest::newRow("short") << QStringLiteral(" ab  cd ") << QStringLiteral("ab cd") << 1 << false;
    QTest::newRow("two lines") << QStringLiteral("aaaa bbbb cccc") << QStringLiteral("aaaa bbbb") << 2
                               << false;
    QTest::newRow("too long for two")
        << QStringLiteral("aaaa bbbb cccc dddd eeee ffff gggg") << QStringLiteral("aaaa bbbb") << 2 << true;
    QTest::newRow("one long word") << QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaa") << QString() << 1 << true;
}

void TestAnnotationLayout::textTakesAtMostTwoLines()
{
    QFETCH(QString, text);
    QFETCH(QString, first);
    QFETCH(int, count);
    QFETCH(bool, elided);
    const QFontMetricsF metrics{QFont()};
    // Room for two words a line.
    const double width = metrics.horizontalAdvance(QStringLiteral("aaaa bbbb")) + 1;
    const QStringList lines = AnnotationLayout::lines(text, metrics, width);
    QCOMPARE(lines.size(), count);
    if (!first.isEmpty())
        QCOMPARE(lines.front(), first);
    QCOMPARE(lines.back().endsWith(QChar(0x2026)), elided);
    for (const QString &line : lines)
        QVERIFY(metrics.horizontalAdvance(line) <= width);
}

void TestAnnotationLayout::calloutsAvoidEachOther()
{
    TimelineModel model;
    model.addRun(syntheticRun(StrategyKind::Threads, 4, 8, 50 * Ms));
    // Two notes at nearly the same moment on the same lane: their boxes would be drawn one on the other.
    model.setNotes(0,
                   {note(50, QStringLiteral("worker 4"), QStringLiteral("first")),
                    note(51, QStringLiteral("worker 4"), QStringLiteral("second"))});
    const TimelineLayout layout(model, QRect(0, 0, 1200, 500), TimelineOptions());
    TimeScale scale;
    scale.fit(0, 100 * Ms, layout.plot.width());
    const AnnotationLayout notes(model, layout, scale);
    QCOMPARE(notes.callouts().size(), std::size_t(2));
    QVERIFY(!notes.callouts()[0].box.intersects(notes.callouts()[1].box));
    QVERIFY(notes.callouts()[1].box.bottom() < notes.callouts()[0].box.top()); // further up
}

void TestAnnotationLayout::pictureShowsTheNote()
{
    TimelineModel model;
    model.addRun(syntheticRun(StrategyKind::Threads, 4, 8, 50 * Ms, State::IoWait, WorkloadKind::Io));
    PictureOptions options;
    options.size = QSize(1280, 720);
    const int before = paperPixels(renderPicture(model, options));
    model.setNotes(0, {note(70, QStringLiteral("worker 3"), QStringLiteral("all four wait"))});
    const int after = paperPixels(renderPicture(model, options));
    QCOMPARE(before, 0);
    QVERIFY2(after > 1500, qPrintable(QString::number(after))); // a box of readable text
}

void TestAnnotationLayout::svgHoldsTheText()
{
    TimelineModel model;
    model.addRun(syntheticRun(StrategyKind::Threads, 4, 8, 50 * Ms));
    model.setNotes(0, {note(70, QStringLiteral("worker 1"), QStringLiteral("the GIL hands over"))});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.svg"));
    QCOMPARE(exportPicture(model, path, PictureOptions()), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("the GIL hands over"));
}

QTEST_MAIN(TestAnnotationLayout)
#include "tst_annotationlayout.moc"
