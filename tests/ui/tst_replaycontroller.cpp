#include "replaycontroller.h"

#include <QSignalSpy>
#include <QTest>

using namespace mtlab;

// The replay's playhead: where play, step, seek and the speed put it, and when it stops.
class TestReplayController : public QObject
{
    Q_OBJECT

private slots:
    void aNewRunShowsItsEnd();
    void playsFromTheStartAndStopsAtTheEnd();
    void pauseStopsThePlayhead();
    void stepsFromEventToEvent();
    void seekAndSpeedAreClamped_data();
    void seekAndSpeedAreClamped();
    void oneEventAtATime();
    void nothingToPlayWithoutARun();
};

namespace {

constexpr std::int64_t Ms = 1'000'000;

std::vector<std::int64_t> events()
{
    return {0, 10 * Ms, 25 * Ms, 40 * Ms};
}

} // namespace

void TestReplayController::aNewRunShowsItsEnd()
{
    ReplayController replay;
    QSignalSpy moved(&replay, &ReplayController::positionChanged);
    replay.setRun(50 * Ms, events());
    QVERIFY(replay.hasRun());
    QCOMPARE(replay.position(), 50 * Ms);
    QCOMPARE(replay.duration(), 50 * Ms);
    QVERIFY(!replay.isPlaying());
    QCOMPARE(moved.count(), 1);
}

void TestReplayController::playsFromTheStartAndStopsAtTheEnd()
{
    ReplayController replay;
    replay.setRun(20 * Ms, events());
    replay.setSpeed(1.0);
    QSignalSpy playing(&replay, &ReplayController::playingChanged);
    QSignalSpy moved(&replay, &ReplayController::positionChanged);
    replay.play(); // from the end: starts over
    QVERIFY(replay.isPlaying());
    QCOMPARE(replay.position(), std::int64_t(0));
    QTRY_VERIFY_WITH_TIMEOUT(!replay.isPlaying(), 10'000);
    QCOMPARE(replay.position(), 20 * Ms);
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.at(0).at(0).toBool(), true);
    QCOMPARE(playing.at(1).at(0).toBool(), false);
    // Frames only ever move forward while playing.
    for (int i = 1; i < moved.count(); ++i)
        QVERIFY(moved.at(i).at(0).toLongLong() > moved.at(i - 1).at(0).toLongLong());
}

void TestReplayController::pauseStopsThePlayhead()
{
    ReplayController replay;
    replay.setRun(1000 * Ms, events());
    replay.setSpeed(ReplayController::MinSpeed);
    replay.play();
    QTRY_VERIFY(replay.position() > 0);
    replay.pause();
    const std::int64_t at = replay.position();
    QVERIFY(at < 1000 * Ms);
    QTest::qWait(3 * ReplayController::FrameMs);
    QCOMPARE(replay.position(), at);
    replay.togglePlay();
    QVERIFY(replay.isPlaying());
    replay.togglePlay();
    QVERIFY(!replay.isPlaying());
}

void TestReplayController::stepsFromEventToEvent()
{
    ReplayController replay;
    replay.setRun(50 * Ms, events());
    replay.toStart();
    QCOMPARE(replay.position(), std::int64_t(0));
    replay.stepForward();
    QCOMPARE(replay.position(), 10 * Ms);
    replay.stepForward();
    QCOMPARE(replay.position(), 25 * Ms);
    replay.seek(30 * Ms); // between two events
    replay.stepBackward();
    QCOMPARE(replay.position(), 25 * Ms);
    replay.seek(30 * Ms);
    replay.stepForward();
    QCOMPARE(replay.position(), 40 * Ms);
    replay.stepForward(); // past the last event: the end
    QCOMPARE(replay.position(), 50 * Ms);
    replay.stepForward();
    QCOMPARE(replay.position(), 50 * Ms);
    replay.toStart();
    replay.stepBackward();
    QCOMPARE(replay.position(), std::int64_t(0));
    // Stepping while playing pauses first.
    replay.play();
    replay.stepForward();
    QVERIFY(!replay.isPlaying());
}

void TestReplayController::seekAndSpeedAreClamped_data()
{
    QTest::addColumn<qint64>("seek");
    QTest::addColumn<qint64>("position");
    QTest::addColumn<double>("speed");
    QTest::addColumn<double>("clamped");
    QTest::newRow("inside") << qint64(12 * Ms) << qint64(12 * Ms) << 0.5 << 0.5;
    QTest::newRow("before the start") << qint64(-5) << qint64(0) << 0.001 << ReplayController::MinSpeed;
    QTest::newRow("after the end") << qint64(99 * Ms) << qint64(50 * Ms) << 4.0 << ReplayController::MaxSpeed;
}

void TestReplayController::seekAndSpeedAreClamped()
{
    QFETCH(qint64, seek);
    QFETCH(qint64, position);
    QFETCH(double, speed);
    QFETCH(double, clamped);
    ReplayController replay;
    replay.setRun(50 * Ms, events());
    replay.seek(seek);
    QCOMPARE(replay.position(), position);
    QSignalSpy changed(&replay, &ReplayController::speedChanged);
    replay.setSpeed(speed);
    QCOMPARE(replay.speed(), clamped);
    QCOMPARE(changed.count(), clamped == 0.1 ? 0 : 1); // 0.1x is where it starts
}

void TestReplayController::oneEventAtATime()
{
    ReplayController replay;
    replay.setRun(50 * Ms, events());
    QSignalSpy mode(&replay, &ReplayController::eventModeChanged);
    replay.setEventMode(true);
    QCOMPARE(mode.count(), 1);
    replay.toStart();
    QSignalSpy moved(&replay, &ReplayController::positionChanged);
    replay.play();
    QTRY_VERIFY_WITH_TIMEOUT(moved.count() >= 2, 10'000);
    replay.pause();
    // Each frame that moved landed on the next event, none skipped.
    QCOMPARE(moved.at(0).at(0).toLongLong(), 10 * Ms);
    QCOMPARE(moved.at(1).at(0).toLongLong(), 25 * Ms);
}

void TestReplayController::nothingToPlayWithoutARun()
{
    ReplayController replay;
    QVERIFY(!replay.hasRun());
    replay.play();
    QVERIFY(!replay.isPlaying());
    replay.setRun(50 * Ms, events());
    replay.clear();
    QVERIFY(!replay.hasRun());
    QCOMPARE(replay.position(), std::int64_t(0));
}

QTEST_GUILESS_MAIN(TestReplayController)
#include "tst_replaycontroller.moc"
