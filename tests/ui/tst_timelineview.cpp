#include "runner.h"
#include "syntheticrun.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"
#include "timelinetooltip.h"
#include "timelineview.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

using namespace mtlab;

namespace {

void wheel(QWidget &widget, QPointF pos, int delta, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(pos, widget.mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&widget, &event);
}

void mouse(QWidget &widget, QEvent::Type type, QPoint pos, Qt::KeyboardModifiers modifiers = {})
{
    const Qt::MouseButtons buttons = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(pos), widget.mapToGlobal(QPointF(pos)), Qt::LeftButton, buttons,
                      modifiers);
    QApplication::sendEvent(&widget, &event);
}

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void rowsHitTheirLanes();
    void wheelZoomsAroundTheCursor();
    void dragPans();
    void fitRestoresTheFullRange();
    void zoomAndPanStayOnTheRun();
    void shiftDragSelectsARange();
    void hoverShowsTheSpan();
    void repaintsOnlyWhenChanged();
    void manyRowsScroll();
    void narrowSpansFoldIntoBlocks();
    void aColumnShowsEveryStateInIt();
    void derivedRowsAreExplained();
    void failuresAreMarkedAndExplained();
    void loopWorkIsExplained();

private:
    TimelineModel m_model;
    std::unique_ptr<TimelineView> m_view;
    std::vector<RunResult> m_runs;
};

void TestTimelineView::initTestCase()
{
    m_runs.push_back(runCpu(StrategyKind::Sync, 4));
    m_runs.push_back(runCpu(StrategyKind::Threads, 10));
    for (const RunResult &run : m_runs) {
        QCOMPARE(run.ok, run.experiment.tasks);
        m_model.addRun(run);
    }
}

void TestTimelineView::init()
{
    m_view = std::make_unique<TimelineView>();
    m_view->resize(1200, 700);
    m_view->setModel(&m_model);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestTimelineView::rowsHitTheirLanes()
{
    const TimelineRenderer renderer(m_model);
    const QRect target = m_view->rect();
    const QRect plot = m_view->plotRect();
    QCOMPARE(renderer.plotArea(target, m_view->options()), plot);
    for (std::size_t g = 0; g < m_model.groups().size(); ++g) {
        const auto &rows = m_model.groups()[g].rows;
        const auto &lanes = m_runs[g].trace.lanes();
        QCOMPARE(rows.size(), lanes.size() + 1); // and the derived cores row
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const QRectF box = renderer.rowRect(target, m_view->options(), int(g), int(r));
            QVERIFY(box.height() > 0);
            QVERIFY(plot.contains(box.center().toPoint()));
            // On the label and on the plot alike, the point is on this row's lane.
            for (const int x : {5, plot.center().x()}) {
                const auto hit = renderer.hitTest(target, m_view->timeScale(), m_view->options(),
                                                  QPoint(x, int(box.center().y())));
                QCOMPARE(hit.group, int(g));
                QCOMPARE(hit.row, int(r));
                if (rows[r].kind == TimelineModel::RowKind::Lane)
                    QCOMPARE(rows[r].lane.name, lanes[std::size_t(rows[r].lane.id)].name);
            }
        }
    }
}

void TestTimelineView::wheelZoomsAroundTheCursor()
{
    const QRect plot = m_view->plotRect();
    const QPointF at(plot.left() + plot.width() * 0.3, plot.center().y());
    const double before = m_view->visibleToNs() - m_view->visibleFromNs();
    const double anchor = m_view->timeScale().ns(at.x() - plot.left());
    QSignalSpy range(m_view.get(), &TimelineView::visibleRangeChanged);
    wheel(*m_view, at, 120);
    wheel(*m_view, at, 240);
    QCOMPARE(range.count(), 2);
    QVERIFY(m_view->visibleToNs() - m_view->visibleFromNs() < before / 1.5);
    QVERIFY(qAbs(m_view->timeScale().ns(at.x() - plot.left()) - anchor) <= 1e-6 * before);
    // Ctrl+wheel scrolls the rows instead of zooming.
    const double zoomed = m_view->timeScale().nsPerPixel;
    wheel(*m_view, at, -120, Qt::ControlModifier);
    QCOMPARE(m_view->timeScale().nsPerPixel, zoomed);
}

void TestTimelineView::dragPans()
{
    const QRect plot = m_view->plotRect();
    wheel(*m_view, plot.center(), 360); // zoomed in, there is room to pan
    const TimeScale before = m_view->timeScale();
    const QPoint from = plot.center();
    mouse(*m_view, QEvent::MouseButtonPress, from);
    mouse(*m_view, QEvent::MouseMove, from + QPoint(40, 0));
    mouse(*m_view, QEvent::MouseMove, from + QPoint(100, 0));
    mouse(*m_view, QEvent::MouseButtonRelease, from + QPoint(100, 0));
    QCOMPARE(m_view->timeScale().nsPerPixel, before.nsPerPixel);
    QCOMPARE(m_view->timeScale().startNs, before.startNs - 100 * before.nsPerPixel);
}

void TestTimelineView::fitRestoresTheFullRange()
{
    const double duration = double(m_model.durationNs());
    QCOMPARE(m_view->visibleFromNs(), 0.0);
    QVERIFY(qAbs(m_view->visibleToNs() - duration) <= m_view->timeScale().nsPerPixel);
    m_view->zoomIn();
    wheel(*m_view, m_view->plotRect().topLeft() + QPoint(50, 50), 480);
    QVERIFY(m_view->visibleToNs() - m_view->visibleFromNs() < duration / 2);
    m_view->fitToWindow();
    QCOMPARE(m_view->visibleFromNs(), 0.0);
    QVERIFY(qAbs(m_view->visibleToNs() - duration) <= m_view->timeScale().nsPerPixel);
}

// No empty time before 0 or far past the end, whatever the wheel, a drag or the arrows do.
void TestTimelineView::zoomAndPanStayOnTheRun()
{
    const double duration = double(m_model.durationNs());
    const QRect plot = m_view->plotRect();
    const auto onTheRun = [&] {
        return m_view->visibleFromNs() >= 0 &&
            m_view->visibleToNs() <= duration * (1 + TimeScale::EndMargin) + m_view->timeScale().nsPerPixel;
    };
    wheel(*m_view, QPointF(plot.left() + 10, plot.center().y()), -1200);
    QVERIFY(onTheRun());
    wheel(*m_view, plot.center(), 480);
    mouse(*m_view, QEvent::MouseButtonPress, plot.center());
    mouse(*m_view, QEvent::MouseMove, plot.center() + QPoint(plot.width(), 0));
    mouse(*m_view, QEvent::MouseButtonRelease, plot.center() + QPoint(plot.width(), 0));
    QCOMPARE(m_view->visibleFromNs(), 0.0);
    QTest::keyClick(m_view.get(), Qt::Key_Left);
    QCOMPARE(m_view->visibleFromNs(), 0.0);
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(m_view.get(), Qt::Key_Right);
    QVERIFY(onTheRun());
    QVERIFY(m_view->visibleToNs() > duration);
}

void TestTimelineView::shiftDragSelectsARange()
{
    QSignalSpy selection(m_view.get(), &TimelineView::selectionChanged);
    const QRect plot = m_view->plotRect();
    const QPoint from(plot.left() + 100, plot.center().y());
    const QPoint to = from + QPoint(250, 10);
    mouse(*m_view, QEvent::MouseButtonPress, from, Qt::ShiftModifier);
    mouse(*m_view, QEvent::MouseMove, to, Qt::ShiftModifier);
    mouse(*m_view, QEvent::MouseButtonRelease, to, Qt::ShiftModifier);
    QVERIFY(!selection.isEmpty());
    const QList<QVariant> last = selection.takeLast();
    const double npp = m_view->timeScale().nsPerPixel;
    QCOMPARE(last.at(0).toDouble(), m_view->timeScale().ns(100));
    QVERIFY(qAbs(last.at(1).toDouble() - last.at(0).toDouble() - 250 * npp) < 1e-6 * npp);
    QCOMPARE(m_view->options().selectionFromNs, last.at(0).toDouble());
    // Panning does not disturb the measured range; a plain click starts no new one.
    mouse(*m_view, QEvent::MouseButtonPress, from);
    mouse(*m_view, QEvent::MouseButtonRelease, from);
    QCOMPARE(m_view->options().selectionToNs, last.at(1).toDouble());
}

void TestTimelineView::hoverShowsTheSpan()
{
    const TimelineRenderer renderer(m_model);
    const int group = 1; // threads
    const auto &rows = m_model.groups()[group].rows;
    const TimelineModel::Group &g = m_model.groups()[group];
    const Span *cpu = nullptr;
    int rowIndex = 0;
    for (std::size_t r = 0; r < rows.size() && !cpu; ++r)
        for (const Span &s : rows[r].spans)
            if (s.state == State::Cpu && (!cpu || s.duration() > cpu->duration())) {
                cpu = &s;
                rowIndex = int(r);
            }
    QVERIFY(cpu);
    const QRectF box = renderer.rowRect(m_view->rect(), m_view->options(), group, rowIndex);
    const double middle = double(cpu->begin + cpu->end) / 2 - double(g.origin);
    const QPoint pos(m_view->plotRect().left() + int(m_view->timeScale().x(middle)), int(box.center().y()));
    QHelpEvent help(QEvent::ToolTip, pos, m_view->mapToGlobal(pos));
    QApplication::sendEvent(m_view.get(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(QStringLiteral("<b>task %1</b>").arg(cpu->task)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("cpu")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("queued")), qPrintable(text)); // the task's breakdown
    QToolTip::hideText();
}

void TestTimelineView::repaintsOnlyWhenChanged()
{
    TimelineModel live;
    m_view->setModel(&live);
    const int g = live.beginLive(QStringLiteral("threads"), 0, Experiment{});
    int paints = 0;
    struct Counter : QObject {
        int *count;
        bool eventFilter(QObject *, QEvent *event) override
        {
            *count += event->type() == QEvent::Paint;
            return false;
        }
    } counter;
    counter.count = &paints;
    m_view->installEventFilter(&counter);
    // Let the paints the new model asked for happen, however long a loaded machine takes: until
    // two frame periods in a row pass without one.
    for (int quiet = 0, tries = 0; quiet < 2 && tries < 100; ++tries) {
        paints = 0;
        QTest::qWait(40);
        quiet = paints == 0 ? quiet + 1 : 0;
    }
    paints = 0;
    QTest::qWait(150);
    QCOMPARE(paints, 0); // nothing changed, nothing painted
    Lane lane;
    lane.name = "thread 1";
    for (int i = 0; i < 200; ++i)
        live.updateLive(g, {lane},
                        {Span{.begin = i * 10, .end = i * 10 + 5, .lane = 0, .task = i, .state = State::Cpu}},
                        {});
    // The updates above ran without the event loop: the frame timer can only have fired once
    // since, however slow the machine.
    QTRY_VERIFY(paints >= 1);
    QVERIFY(paints <= 2);                   // two hundred changes, one or two frames
    QCOMPARE(m_view->visibleFromNs(), 0.0); // following the live run
    m_view->removeEventFilter(&counter);

    // The end of the run is fitted at once, not a frame later.
    RunResult run;
    run.experiment.strategy = StrategyKind::Threads;
    run.trace = Trace({lane},
                      {Span{.begin = 0, .end = 5'000'000'000, .lane = 0, .task = 0, .state = State::Cpu}}, {},
                      {}, 0);
    live.finishLive(g, run);
    QVERIFY(m_view->visibleToNs() >= 5e9);
}

void TestTimelineView::manyRowsScroll()
{
    // An async run with a thousand tasks in flight: a thousand sub-lanes, more than fit.
    std::vector<Lane> lanes(1001);
    std::vector<Span> spans;
    for (int i = 0; i <= 1000; ++i) {
        lanes[std::size_t(i)].id = i;
        lanes[std::size_t(i)].kind = i == 0 ? LaneKind::EventLoop : LaneKind::AsyncTask;
        lanes[std::size_t(i)].parent = i == 0 ? -1 : 0;
        lanes[std::size_t(i)].sortIndex = i;
        lanes[std::size_t(i)].name = "task slot " + std::to_string(i);
        spans.push_back(Span{.begin = i * 1000,
                             .end = i * 1000 + 100'000,
                             .lane = i,
                             .task = i,
                             .state = State::IoWait,
                             .phase = IoPhase::Wait});
    }
    RunResult run;
    run.experiment.strategy = StrategyKind::Async;
    run.trace = Trace(lanes, spans, {}, {}, 0);
    TimelineModel many;
    many.addRun(run);
    m_view->setModel(&many);
    const TimelineRenderer renderer(many);
    const int top = m_view->plotRect().top() + 60;
    const auto rowAt = [&] {
        return renderer.hitTest(m_view->rect(), m_view->timeScale(), m_view->options(), QPoint(20, top)).row;
    };
    const int before = rowAt();
    QCOMPARE(m_view->options().scrollY, 0);
    wheel(*m_view, m_view->plotRect().center(), -240, Qt::ControlModifier);
    QVERIFY(m_view->options().scrollY > 0);
    QVERIFY(rowAt() > before);
}

void TestTimelineView::narrowSpansFoldIntoBlocks()
{
    // 100,000 back-to-back spans alternating between two states on one lane, 1000 px wide.
    std::vector<Span> spans;
    for (int i = 0; i < 100'000; ++i) {
        const State state = i % 3 ? State::Cpu : State::LockWait;
        spans.push_back(Span{.begin = i * 100, .end = i * 100 + 100, .lane = 0, .task = i, .state = state});
    }
    Lane lane;
    lane.name = "thread 1";
    RunResult run;
    run.trace = Trace({lane}, spans, {}, {}, 0);
    TimelineModel model;
    model.addRun(run);
    const TimelineRenderer renderer(model);
    QImage image(1000, 300, QImage::Format_RGB32);
    QPainter painter(&image);
    TimelineRenderer::Options options;
    TimeScale scale;
    scale.fit(0, 1e7, renderer.plotArea(image.rect(), options).width());
    renderer.paint(painter, image.rect(), scale, options);
    QVERIFY(renderer.lastShapeCount() > 0);
    QVERIFY2(renderer.lastShapeCount() <= 1000, qPrintable(QString::number(renderer.lastShapeCount())));
    // Zoomed in until each span is several pixels wide, each is drawn on its own.
    scale.zoomAround(0, 1000);
    renderer.paint(painter, image.rect(), scale, options);
    const TimelineModel::Group &g = model.groups().front();
    const auto visible = TimelineModel::visible(g, g.rows.front(), scale.ns(0),
                                                scale.ns(renderer.plotArea(image.rect(), options).width()));
    QVERIFY(visible.size() > 50);
    const int charts = 1; // the run's cores row
    QVERIFY(qAbs(renderer.lastShapeCount() - charts - int(visible.size())) <= 2);
}

void TestTimelineView::aColumnShowsEveryStateInIt()
{
    // Zoomed far out on a lane under the lock, a third of it computing: every column shows both
    // states, in about their shares, not only the one that dominates.
    const RunResult run = syntheticGilRun(3, 30'000, 1000);
    TimelineModel model;
    model.addRun(run);
    const TimelineRenderer renderer(model);
    QImage image(1000, 400, QImage::Format_RGB32);
    QPainter painter(&image);
    const TimelineRenderer::Options options;
    TimeScale scale;
    const QRect plot = renderer.plotArea(image.rect(), options);
    scale.fit(0, 3e7, plot.width());
    renderer.paint(painter, image.rect(), scale, options);
    painter.end();
    const QRectF row = renderer.rowRect(image.rect(), options, 0, 0);
    const StatePalette::Style &cpu = StatePalette::style(State::Cpu);
    const StatePalette::Style &wait = StatePalette::style(State::LockWait);
    for (const int x : {plot.left() + 20, plot.center().x(), plot.right() - 40}) {
        int computing = 0;
        int waiting = 0;
        for (int y = int(row.top()); y < int(row.bottom()); ++y) {
            const QColor c = image.pixelColor(x, y);
            computing += c == cpu.fill;
            waiting += c == wait.fill || c == wait.hatchColor;
        }
        QVERIFY2(computing > 0 && waiting > 0,
                 qPrintable(QStringLiteral("%1 %2").arg(computing).arg(waiting)));
        const double share = double(computing) / (computing + waiting);
        QVERIFY2(share > 0.2 && share < 0.5, qPrintable(QString::number(share)));
    }
}

void TestTimelineView::derivedRowsAreExplained()
{
    const RunResult run = syntheticGilRun(3, 30, 1'000'000);
    TimelineModel model;
    model.addRun(run);
    const TimelineRenderer renderer(model);
    const QRect target(0, 0, 1000, 500);
    const TimelineRenderer::Options options;
    TimeScale scale;
    const QRect plot = renderer.plotArea(target, options);
    scale.fit(0, 3e7, plot.width());
    const auto &rows = model.groups().front().rows;
    const auto at = [&](TimelineModel::RowKind kind, double ns) {
        const auto r = std::find_if(rows.begin(), rows.end(),
                                    [&](const auto &row) { return row.kind == kind; });
        const QRectF box = renderer.rowRect(target, options, 0, int(r - rows.begin()));
        return renderer.hitTest(target, scale, options,
                                QPoint(plot.left() + int(scale.x(ns)), int(box.center().y())));
    };
    // In the fifth millisecond thread 2 holds the lock, and one lane computes.
    const auto holder = at(TimelineModel::RowKind::LockHolder, 4.5e6);
    QVERIFY(holder.span);
    QCOMPARE(holder.span->lane, 1);
    QString text = TimelineToolTip::text(model, holder);
    QVERIFY2(text.contains(QStringLiteral("<b>thread 2</b> holds the interpreter lock")), qPrintable(text));
    const auto cores = at(TimelineModel::RowKind::Cores, 4.5e6);
    QCOMPARE(cores.busy, 1);
    text = TimelineToolTip::text(model, cores);
    QVERIFY2(text.contains(QStringLiteral("1 lane computing")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("with 2 cores")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("on average 1.00 cores busy")), qPrintable(text));
}

void TestTimelineView::failuresAreMarkedAndExplained()
{
    // A zero-length failure in the middle of a lane, far too thin to be a bar.
    Lane lane;
    lane.name = "thread 1";
    RunResult run;
    run.trace = Trace(
        {lane},
        {Span{.begin = 0, .end = 400'000, .lane = 0, .task = 0, .state = State::Cpu},
         Span{.begin = 500'000, .end = 500'000, .lane = 0, .task = 1, .detail = 0, .state = State::Failed},
         Span{.begin = 600'000, .end = 1'000'000, .lane = 0, .task = 2, .state = State::Cpu}},
        {"connection reset by peer"}, {}, 0);
    TimelineModel model;
    model.addRun(run);
    const TimelineRenderer renderer(model);
    QImage image(800, 240, QImage::Format_RGB32);
    QPainter painter(&image);
    const TimelineRenderer::Options options;
    TimeScale scale;
    const QRect plot = renderer.plotArea(image.rect(), options);
    scale.fit(0, 1e6, plot.width());
    renderer.paint(painter, image.rect(), scale, options);
    painter.end();
    const QRectF row = renderer.rowRect(image.rect(), options, 0, 0);
    const QPoint at(plot.left() + int(scale.x(500'000)), int(row.center().y()));
    int marked = 0; // dark red pixels of the x around the failure
    for (int dx = -4; dx <= 4; ++dx)
        for (int dy = -4; dy <= 4; ++dy) {
            const QColor c = image.pixelColor(at + QPoint(dx, dy));
            marked += c.red() > 100 && c.green() < 80 && c.blue() < 60;
        }
    QVERIFY2(marked >= 5, qPrintable(QString::number(marked)));

    TimelineRenderer::Hit hit = renderer.hitTest(image.rect(), scale, options, at);
    QVERIFY(hit.span);
    QCOMPARE(hit.span->state, State::Failed);
    const QString text = TimelineToolTip::text(model, hit);
    QVERIFY2(text.contains(QStringLiteral("<b>task 1</b>")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("failed")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("connection reset by peer")), qPrintable(text));
}

// The event loop's own cpu (libcurl's work for every download at once) belongs to no task.
void TestTimelineView::loopWorkIsExplained()
{
    Lane loop;
    loop.kind = LaneKind::EventLoop;
    loop.name = "event loop";
    RunResult run;
    run.experiment.strategy = StrategyKind::Async;
    run.trace = Trace({loop}, {Span{.begin = 0, .end = 1'000'000, .lane = 0, .state = State::Cpu}}, {}, {},
                      0);
    TimelineModel model;
    model.addRun(run);
    TimelineRenderer::Hit hit;
    hit.group = 0;
    hit.row = 0;
    hit.span = &model.groups().front().rows.front().spans.front();
    const QString text = TimelineToolTip::text(model, hit);
    QVERIFY2(text.contains(QStringLiteral("<b>event loop</b>")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("libcurl")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("task")), qPrintable(text));
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
