#include "lessonsteps.h"
#include "prediction.h"
#include "runlist.h"
#include "syntheticrun.h"

#include <QTest>

using namespace mtlab;

// Predict, then reveal: the guess beside what was measured, in one line with the step's why. A
// pure function of figures, so every case is checked without a window or a run.
class TestPrediction : public QObject
{
    Q_OBJECT

private slots:
    void reveal_data();
    void reveal();
    void guessText_data();
    void guessText();
    void revealOfARunListRow();
};

using Kind = Prediction::Kind;
Q_DECLARE_METATYPE(Kind)

void TestPrediction::reveal_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<double>("wall");
    QTest::addColumn<double>("sync");
    QTest::addColumn<QString>("why");
    QTest::addColumn<QString>("expected");

    const QString lock = QStringLiteral("the interpreter lock lets only one thread compute at a time");
    QTest::newRow("wall time, too short")
        << Kind::WallTime << 0.5 << 2.0 << 0.0 << lock
        << QStringLiteral("You guessed 0.5 s; it took 2.000 s, 4× slower than you thought: ") + lock;
    QTest::newRow("wall time, too long")
        << Kind::WallTime << 8.0 << 2.0 << 9.0 << QStringLiteral("five threads wait at once")
        << QStringLiteral(
               "You guessed 8 s; it took 2.000 s, 4× faster than you thought: five threads wait at once");
    QTest::newRow("wall time, close") << Kind::WallTime << 2.0 << 2.1 << 0.0 << QStringLiteral("why")
                                      << QStringLiteral("You guessed 2 s; it took 2.100 s, close: why");
    QTest::newRow("faster, right") << Kind::Faster << 0.0 << 2.0 << 10.0 << QStringLiteral("why")
                                   << QStringLiteral("You guessed faster than sync, and so it was: 5× faster "
                                                     "than sync (2.000 s against 10.00 s): why");
    QTest::newRow("faster, but the same")
        << Kind::Faster << 0.0 << 8.3 << 7.59 << lock
        << QStringLiteral(
               "You guessed faster than sync; it was about as fast as sync (8.300 s against 7.590 s): ") +
            lock;
    QTest::newRow("same, right") << Kind::Same << 0.0 << 8.3 << 7.59 << lock
                                 << QStringLiteral("You guessed about the same as sync, and so it was: about "
                                                   "as fast as sync (8.300 s against 7.590 s): ") +
            lock;
    QTest::newRow("same, but faster") << Kind::Same << 0.0 << 0.25 << 10.0 << QStringLiteral("why")
                                      << QStringLiteral("You guessed about the same as sync; it was 40× "
                                                        "faster than sync (250.0 ms against 10.00 s): why");
    QTest::newRow("slower, right") << Kind::Slower << 0.0 << 10.0 << 7.0 << QStringLiteral("why")
                                   << QStringLiteral("You guessed slower than sync, and so it was: 1.43× "
                                                     "slower than sync (10.00 s against 7.000 s): why");
    QTest::newRow("slower, but faster")
        << Kind::Slower << 0.0 << 3.13 << 7.59 << QStringLiteral("why")
        << QStringLiteral(
               "You guessed slower than sync; it was 2.42× faster than sync (3.130 s against 7.590 s): why");
    QTest::newRow("no sync run to compare")
        << Kind::Faster << 0.0 << 2.0 << 0.0 << QStringLiteral("why")
        << QStringLiteral("You guessed faster than sync; it took 2.000 s, with no sync run of the same work "
                          "to compare: why");
    QTest::newRow("no why") << Kind::WallTime << 1.0 << 1.0 << 0.0 << QString()
                            << QStringLiteral("You guessed 1 s; it took 1.000 s, close");
    QTest::newRow("no guess") << Kind::None << 0.0 << 1.0 << 1.0 << QStringLiteral("why") << QString();
    QTest::newRow("no time guessed") << Kind::WallTime << 0.0 << 1.0 << 1.0 << QStringLiteral("why")
                                     << QString();
}

void TestPrediction::reveal()
{
    QFETCH(Kind, kind);
    QFETCH(double, seconds);
    QFETCH(double, wall);
    QFETCH(double, sync);
    QFETCH(QString, why);
    QFETCH(QString, expected);
    const Prediction guess{.kind = kind, .seconds = seconds};
    QCOMPARE(revealText(guess, Measured{.wallSeconds = wall, .syncSeconds = sync}, why), expected);
}

void TestPrediction::guessText_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << Kind::None << 0.0 << QString();
    QTest::newRow("wall time") << Kind::WallTime << 1.25 << QStringLiteral("1.25 s");
    QTest::newRow("faster") << Kind::Faster << 0.0 << QStringLiteral("faster than sync");
    QTest::newRow("same") << Kind::Same << 0.0 << QStringLiteral("about the same as sync");
    QTest::newRow("slower") << Kind::Slower << 0.0 << QStringLiteral("slower than sync");
}

void TestPrediction::guessText()
{
    QFETCH(Kind, kind);
    QFETCH(double, seconds);
    QFETCH(QString, expected);
    QCOMPARE(mtlab::guessText(Prediction{.kind = kind, .seconds = seconds}), expected);
}

void TestPrediction::revealOfARunListRow()
{
    const auto made = [](StrategyKind strategy, std::int64_t wallMs, bool gil = false) {
        RunResult r = syntheticRun(strategy, strategy == StrategyKind::Sync ? 1 : 5, 20, wallMs * 1'000'000);
        r.experiment.gil = gil;
        r.wallNs = wallMs * 1'000'000;
        return std::make_shared<const RunResult>(std::move(r));
    };
    RunList runs;
    runs.beginBatch(false, false);
    runs.addRun(made(StrategyKind::Threads, 8000, true), 0);
    runs.setPrediction(0, {.kind = Kind::Faster, .step = QStringLiteral("cpu-threads-gil")});
    const QString why = findLessonStep(QStringLiteral("cpu-threads-gil"))->shownWhy();
    // No sync run yet: nothing to compare with.
    QCOMPARE(revealText(runs, 0),
             QStringLiteral("You guessed faster than sync; it took 8.000 s, with no sync run of the same "
                            "work to compare: ") +
                 why);
    // An earlier sync run of the same work is the yardstick, even in another batch.
    runs.beginBatch(false, false);
    runs.addRun(made(StrategyKind::Sync, 7600), 0);
    runs.beginBatch(false, false);
    runs.addRun(made(StrategyKind::Threads, 8000, true), 0);
    runs.setPrediction(2, {.kind = Kind::Faster, .step = QStringLiteral("cpu-threads-gil")});
    QCOMPARE(revealText(runs, 2),
             QStringLiteral("You guessed faster than sync; it was about as fast as sync (8.000 s against "
                            "7.600 s): ") +
                 why);
    // A sync run's wall time, with the sync step's why.
    runs.setPrediction(1, {.kind = Kind::WallTime, .seconds = 2.0, .step = QStringLiteral("cpu-sync")});
    QVERIFY(revealText(runs, 1).startsWith(QStringLiteral("You guessed 2 s; it took 7.600 s, 3.8× slower")));
    QVERIFY(revealText(runs, 1).endsWith(findLessonStep(QStringLiteral("cpu-sync"))->shownWhy()));
}

QTEST_MAIN(TestPrediction)
#include "tst_prediction.moc"
