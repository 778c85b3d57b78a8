#include "handbuilttraces.h"
#include "replaycontroller.h"
#include "replaypane.h"
#include "runner.h"
#include "statepanel.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

using namespace mtlab;
using namespace mtlab::handbuilt;

// The replay beside the timeline: keys and the time axis move the playhead, the timeline dims
// what comes after it, and the state panel follows.
class TestReplayPane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keysStepPlayAndJump();
    void timelineKeysGoToTheReplay();
    void draggingOnTheTimeAxisScrubs();
    void thePartAfterThePlayheadIsDimmed();
    void aComparisonPicksWhichRunToFollow();
    void clearingLetsTheTimelineBe();

private:
    std::shared_ptr<const RunResult> m_run;
    TimelineModel *m_model = nullptr;
    TimelineView *m_view = nullptr;
    ReplayPane *m_pane = nullptr;
};

namespace {

std::shared_ptr<const RunResult> asyncRun(Trace trace, int tasks)
{
    auto run = std::make_shared<RunResult>();
    run->experiment.workload = WorkloadKind::Io;
    run->experiment.strategy = StrategyKind::Async;
    run->experiment.tasks = tasks;
    run->trace = std::move(trace);
    run->wallNs = run->trace.end() - run->trace.origin();
    run->ok = tasks;
    return run;
}

} // namespace

void TestReplayPane::init()
{
    m_run = asyncRun(asyncThreeDownloads(), 3);
    m_model = new TimelineModel;
    m_model->addRun(*m_run);
    m_view = new TimelineView;
    m_view->resize(800, 400);
    m_view->setModel(m_model);
    m_pane = new ReplayPane;
    m_pane->resize(380, 600);
    m_pane->setRuns({m_run}, 0, m_view);
}

void TestReplayPane::cleanup()
{
    delete m_pane;
    delete m_view;
    delete m_model;
}

void TestReplayPane::keysStepPlayAndJump()
{
    ReplayController *replay = m_pane->controller();
    QCOMPARE(replay->position(), 16 * Ms); // a new run shows whole
    QTest::keyClick(m_pane, Qt::Key_Home);
    QCOMPARE(replay->position(), std::int64_t(0));
    QCOMPARE(m_pane->snapshot().ready, (std::vector<std::int32_t>{0, 1, 2}));
    QTest::keyClick(m_pane, Qt::Key_Right);
    QCOMPARE(replay->position(), 1 * Ms);
    QCOMPARE(m_pane->statePanel()->tasksIn(StatePanel::Section::Running), std::vector<std::int32_t>{0});
    QTest::keyClick(m_pane, Qt::Key_Right);
    QTest::keyClick(m_pane, Qt::Key_Left);
    QCOMPARE(replay->position(), 1 * Ms);
    QTest::keyClick(m_pane, Qt::Key_Space);
    QVERIFY(replay->isPlaying());
    QTest::keyClick(m_pane, Qt::Key_Space);
    QVERIFY(!replay->isPlaying());
    QTest::keyClick(m_pane, Qt::Key_End);
    QCOMPARE(replay->position(), 16 * Ms);
}

void TestReplayPane::timelineKeysGoToTheReplay()
{
    ReplayController *replay = m_pane->controller();
    QTest::keyClick(m_view, Qt::Key_Home);
    QCOMPARE(replay->position(), std::int64_t(0));
    QTest::keyClick(m_view, Qt::Key_Right);
    QCOMPARE(replay->position(), 1 * Ms);
    // Shift+arrows still pan the timeline and leave the playhead.
    const double before = m_view->visibleFromNs();
    QTest::keyClick(m_view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(replay->position(), 1 * Ms);
    QVERIFY(m_view->visibleFromNs() > before);
}

void TestReplayPane::draggingOnTheTimeAxisScrubs()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    const QRect plot = m_view->plotRect();
    const int axisY = plot.top() - 5;
    const auto xAt = [&](double ms) {
        return plot.left() + static_cast<int>(m_view->timeScale().x(ms * Ms));
    };
    QTest::mousePress(m_view, Qt::LeftButton, {}, QPoint(xAt(4), axisY));
    QVERIFY(std::abs(m_pane->controller()->position() - 4 * Ms) < Ms / 2);
    QTest::mouseMove(m_view, QPoint(xAt(12), axisY));
    QTest::mouseRelease(m_view, Qt::LeftButton, {}, QPoint(xAt(12), axisY));
    QVERIFY(std::abs(m_pane->controller()->position() - 12 * Ms) < Ms / 2);
    QVERIFY(std::abs(m_view->playhead() - 12e6) < 5e5);
    // A drag among the rows still pans.
    const std::int64_t at = m_pane->controller()->position();
    QTest::mousePress(m_view, Qt::LeftButton, {}, QPoint(xAt(5), plot.top() + 30));
    QTest::mouseMove(m_view, QPoint(xAt(9), plot.top() + 30));
    QTest::mouseRelease(m_view, Qt::LeftButton, {}, QPoint(xAt(9), plot.top() + 30));
    QCOMPARE(m_pane->controller()->position(), at);
}

void TestReplayPane::thePartAfterThePlayheadIsDimmed()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    const QRect plot = m_view->plotRect();
    const QImage whole = m_view->grab().toImage();
    m_pane->controller()->seek(8 * Ms);
    QCOMPARE(m_view->playhead(), 8e6);
    const QImage replayed = m_view->grab().toImage();
    // Down a column before the playhead nothing changed; after it, the spans are lighter.
    const int before = plot.left() + static_cast<int>(m_view->timeScale().x(6e6));
    const int after = plot.left() + static_cast<int>(m_view->timeScale().x(9.5e6));
    int lighter = 0;
    for (int y = plot.top(); y < plot.bottom(); ++y) {
        QCOMPARE(replayed.pixelColor(before, y), whole.pixelColor(before, y));
        QVERIFY(replayed.pixelColor(after, y).lightness() >= whole.pixelColor(after, y).lightness());
        lighter += replayed.pixelColor(after, y).lightness() > whole.pixelColor(after, y).lightness();
    }
    QVERIFY(lighter > 10);
}

void TestReplayPane::aComparisonPicksWhichRunToFollow()
{
    auto pool = std::make_shared<RunResult>();
    pool->experiment.strategy = StrategyKind::Threads;
    pool->experiment.tasks = 4;
    pool->trace = threadPoolWithQueue();
    m_model->addRun(*pool);
    m_pane->setRuns({m_run, pool}, 1, m_view);
    auto *list = m_pane->findChild<QComboBox *>(QStringLiteral("replayRun"));
    QVERIFY(list);
    QCOMPARE(list->count(), 2);
    QCOMPARE(m_pane->currentRun(), 1);
    m_pane->controller()->seek(3 * Ms);
    QCOMPARE(m_pane->statePanel()->tasksIn(StatePanel::Section::Queued), (std::vector<std::int32_t>{2, 3}));
    list->setCurrentIndex(0);
    QCOMPARE(m_pane->currentRun(), 0);
    QVERIFY(m_pane->statePanel()->headings().contains(QStringLiteral("Running on the loop")));
    // The playhead spans the longest run (16 ms here).
    QCOMPARE(m_pane->controller()->duration(), 16 * Ms);
}

void TestReplayPane::clearingLetsTheTimelineBe()
{
    m_pane->controller()->seek(5 * Ms);
    QVERIFY(m_view->playhead() >= 0);
    m_pane->clear();
    QCOMPARE(m_view->playhead(), -1.0);
    QVERIFY(!m_pane->controller()->hasRun());
    // Without a replay the timeline's arrows pan again.
    const double before = m_view->visibleFromNs();
    QTest::keyClick(m_view, Qt::Key_Right);
    QVERIFY(m_view->visibleFromNs() > before);
}

QTEST_MAIN(TestReplayPane)
#include "tst_replaypane.moc"
