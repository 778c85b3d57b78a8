#include "experimentpanel.h"
#include "lessonpanel.h"
#include "lessonsteps.h"
#include "mainwindow.h"
#include "presets.h"
#include "programrun.h"
#include "runlist.h"
#include "syntheticrun.h"

#include <QComboBox>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <set>

using namespace mtlab;

// The lesson panel: the article's steps in order, each naming a preset that exists, Next and
// Previous within bounds, Load setting up the step's preset, and the class's guess going with
// the next run into the run list.
class TestLessonPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void stepsFollowTheArticle();
    void everyStepIsComplete_data();
    void everyStepIsComplete();
    void nextAndPreviousStayWithinTheSteps();
    void loadSetsUpTheStepsPreset_data();
    void loadSetsUpTheStepsPreset();
    void loadAndRunAsksForARun();
    void syncStepsTakeOnlyAWallTime();
    void aGuessGoesWithTheNextRun();
    void aNewStepStartsWithoutAGuess();
    void theWindowHasTheLesson();
    void badLessonArgumentsExitWithTwo_data();
    void badLessonArgumentsExitWithTwo();
    void scriptedLessonScreenshot();
};

namespace {

std::shared_ptr<const RunResult> run(StrategyKind strategy, int workers, std::int64_t wallMs)
{
    RunResult r = syntheticRun(strategy, workers, 4, wallMs * 1'000'000);
    r.wallNs = wallMs * 1'000'000;
    return std::make_shared<const RunResult>(std::move(r));
}

int stepIndex(const char *id)
{
    const auto steps = lessonSteps();
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (QLatin1String(steps[i].id) == QLatin1String(id))
            return static_cast<int>(i);
    return -1;
}

} // namespace

void TestLessonPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initResources();
}

void TestLessonPanel::stepsFollowTheArticle()
{
    // I/O: sync, threads, asyncio, processes; CPU: sync, threads under the lock, processes; then
    // the mechanisms: the loop replayed, a task that never yields, races and locks, more workers
    // than cores.
    const QStringList expected{QStringLiteral("io-sync"),         QStringLiteral("io-threads"),
                               QStringLiteral("io-async"),        QStringLiteral("io-processes"),
                               QStringLiteral("cpu-sync"),        QStringLiteral("cpu-threads-gil"),
                               QStringLiteral("cpu-processes"),   QStringLiteral("io-async"),
                               QStringLiteral("io-async-hog"),    QStringLiteral("io-async-hog-sliced"),
                               QStringLiteral("counter-threads"), QStringLiteral("counter-threads-lock"),
                               QStringLiteral("cpu-threads")};
    QStringList presets;
    for (const LessonStep &step : lessonSteps())
        presets << QLatin1String(step.preset);
    QCOMPARE(presets, expected);
}

void TestLessonPanel::everyStepIsComplete_data()
{
    QTest::addColumn<int>("index");
    const auto steps = lessonSteps();
    for (std::size_t i = 0; i < steps.size(); ++i)
        QTest::newRow(steps[i].id) << static_cast<int>(i);
}

void TestLessonPanel::everyStepIsComplete()
{
    QFETCH(int, index);
    const LessonStep &step = lessonSteps()[static_cast<std::size_t>(index)];
    // Named by its exact id, so that renaming or dropping a preset breaks this test, not a lesson.
    const Preset *preset = findPreset(QLatin1String(step.preset));
    QVERIFY2(preset, step.preset);
    QCOMPARE(preset->id, QLatin1String(step.preset));
    QCOMPARE(findLessonStep(QLatin1String(step.id)), &step);
    QVERIFY(!step.shownTitle().isEmpty());
    QVERIFY(!step.shownPart().isEmpty());
    QVERIFY(!step.shownWhy().isEmpty());
    // 2–4 sentences.
    const qsizetype sentences = step.shownText().count(QStringLiteral(". ")) + 1;
    QVERIFY2(sentences >= 2 && sentences <= 4, step.text);
    // Short enough to read from the back of a room.
    const QStringList code = QString::fromUtf8(step.code).split(QLatin1Char('\n'));
    QVERIFY(code.size() >= 3);
    QVERIFY2(code.size() <= 16, step.id);
    for (const QString &line : code)
        QVERIFY2(line.size() <= 76, qPrintable(line));
    std::set<std::string> ids;
    for (const LessonStep &s : lessonSteps())
        QVERIFY2(ids.insert(s.id).second, s.id);
}

void TestLessonPanel::nextAndPreviousStayWithinTheSteps()
{
    RunList runs;
    LessonPanel panel(&runs);
    QSignalSpy changed(&panel, &LessonPanel::stepChanged);
    auto *previous = panel.findChild<QPushButton *>(QStringLiteral("lessonPrevious"));
    auto *next = panel.findChild<QPushButton *>(QStringLiteral("lessonNext"));
    QVERIFY(previous && next);
    QCOMPARE(panel.step(), 0);
    QVERIFY(!previous->isEnabled());
    panel.previous();
    QCOMPARE(panel.step(), 0);
    QCOMPARE(changed.count(), 0);
    for (int i = 1; i < panel.stepCount(); ++i)
        next->click();
    QCOMPARE(panel.step(), panel.stepCount() - 1);
    QCOMPARE(changed.count(), panel.stepCount() - 1);
    QVERIFY(!next->isEnabled());
    panel.next();
    QCOMPARE(panel.step(), panel.stepCount() - 1);
    QCOMPARE(changed.count(), panel.stepCount() - 1);
    previous->click();
    QCOMPARE(panel.step(), panel.stepCount() - 2);
    panel.setStep(-5);
    QCOMPARE(panel.step(), 0);
    panel.setStep(1000);
    QCOMPARE(panel.step(), panel.stepCount() - 1);
    const QLabel *position = panel.findChild<QLabel *>(QStringLiteral("lessonPosition"));
    QCOMPARE(position->text(), QStringLiteral("Step %1 of %1").arg(panel.stepCount()));
    QCOMPARE(panel.findChild<QPlainTextEdit *>(QStringLiteral("lessonCode"))->toPlainText(),
             QString::fromUtf8(panel.currentStep().code));
}

void TestLessonPanel::loadSetsUpTheStepsPreset_data()
{
    everyStepIsComplete_data();
}

void TestLessonPanel::loadSetsUpTheStepsPreset()
{
    QFETCH(int, index);
    MainWindow window;
    // Another preset first, so that Load visibly changes the panel.
    QVERIFY(window.loadPreset(QStringLiteral("counter-async")));
    window.lessonPanel()->setStep(index);
    window.lessonPanel()->findChild<QPushButton *>(QStringLiteral("lessonLoad"))->click();
    QCOMPARE(window.panel()->presetId(), QLatin1String(window.lessonPanel()->currentStep().preset));
}

void TestLessonPanel::loadAndRunAsksForARun()
{
    RunList runs;
    LessonPanel panel(&runs);
    panel.setStep(stepIndex("cpu-sync"));
    QSignalSpy load(&panel, &LessonPanel::loadRequested);
    QSignalSpy run(&panel, &LessonPanel::runRequested);
    panel.findChild<QPushButton *>(QStringLiteral("lessonLoadAndRun"))->click();
    QCOMPARE(load.count(), 1);
    QCOMPARE(load.front().front().toString(), QStringLiteral("cpu-sync"));
    QCOMPARE(run.count(), 1);
}

void TestLessonPanel::syncStepsTakeOnlyAWallTime()
{
    RunList runs;
    LessonPanel panel(&runs);
    auto *kinds = panel.findChild<QComboBox *>(QStringLiteral("lessonGuessKind"));
    panel.setStep(stepIndex("cpu-sync"));
    QCOMPARE(kinds->findData(static_cast<int>(Prediction::Kind::Faster)), -1);
    QVERIFY(kinds->findData(static_cast<int>(Prediction::Kind::WallTime)) >= 0);
    panel.setStep(stepIndex("cpu-threads-gil"));
    QVERIFY(kinds->findData(static_cast<int>(Prediction::Kind::Faster)) >= 0);
    QVERIFY(kinds->findData(static_cast<int>(Prediction::Kind::Slower)) >= 0);
}

void TestLessonPanel::aGuessGoesWithTheNextRun()
{
    RunList runs;
    LessonPanel panel(&runs);
    runs.beginBatch(false, false);
    runs.addRun(run(StrategyKind::Sync, 1, 2000), 0); // a run before the guess keeps none
    panel.setStep(stepIndex("cpu-threads-gil"));
    panel.setGuess({.kind = Prediction::Kind::Faster});
    QVERIFY(panel.revealShown().isEmpty());
    runs.beginBatch(false, false);
    runs.addRun(run(StrategyKind::Threads, 5, 2100), 0);
    QVERIFY(!runs.entry(0).prediction.isSet());
    const Prediction &kept = runs.entry(1).prediction;
    QCOMPARE(kept.kind, Prediction::Kind::Faster);
    QCOMPARE(kept.step, QStringLiteral("cpu-threads-gil"));
    // Beside the result: the guess, what happened, and the step's why.
    QCOMPARE(panel.revealShown(), revealText(runs, 1));
    QVERIFY(panel.revealShown().contains(lessonSteps()[static_cast<std::size_t>(panel.step())].shownWhy()));
    QVERIFY(runs.data(runs.index(1, RunList::NameColumn), Qt::ToolTipRole)
                .toString()
                .contains(panel.revealShown()));
    // Given once: the next run has no guess of its own.
    runs.beginBatch(false, false);
    runs.addRun(run(StrategyKind::Threads, 5, 2000), 0);
    QVERIFY(!runs.entry(2).prediction.isSet());
    QCOMPARE(panel.revealShown(), revealText(runs, 1));
    // A wall time.
    panel.setGuess({.kind = Prediction::Kind::WallTime, .seconds = 0.5});
    runs.beginBatch(false, false);
    runs.addRun(run(StrategyKind::Threads, 5, 2000), 0);
    QCOMPARE(runs.entry(3).prediction.kind, Prediction::Kind::WallTime);
    QCOMPARE(runs.entry(3).prediction.seconds, 0.5);
}

void TestLessonPanel::aNewStepStartsWithoutAGuess()
{
    RunList runs;
    LessonPanel panel(&runs);
    panel.setStep(stepIndex("io-threads"));
    panel.setGuess({.kind = Prediction::Kind::Slower});
    QCOMPARE(panel.guess().kind, Prediction::Kind::Slower);
    panel.next();
    QVERIFY(!panel.guess().isSet());
    runs.beginBatch(false, false);
    runs.addRun(run(StrategyKind::Async, 1, 200), 0);
    QVERIFY(!runs.entry(0).prediction.isSet());
}

void TestLessonPanel::theWindowHasTheLesson()
{
    MainWindow window;
    QDockWidget *dock = window.lessonDock();
    QVERIFY(dock);
    QVERIFY(dock->isHidden()); // until View > Lesson
    QCOMPARE(dock->toggleViewAction()->shortcut(), QKeySequence(Qt::Key_F7));
    QVERIFY(window.panel()->findChildren<QAbstractButton *>().size() > 0);
    bool inPanel = false;
    for (auto *button : window.panel()->findChildren<QToolButton *>())
        inPanel = inPanel || button->defaultAction() == dock->toggleViewAction();
    QVERIFY(inPanel);
}

void TestLessonPanel::badLessonArgumentsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("says");
    const auto args = [](std::initializer_list<const char *> list) {
        QStringList all;
        for (const char *arg : list)
            all << QString::fromLatin1(arg);
        return all;
    };
    QTest::newRow("step 0") << args({"--lesson", "0"}) << QByteArray("lesson step");
    QTest::newRow("past the last") << args({"--lesson", "99"}) << QByteArray("lesson step");
    QTest::newRow("no such id") << args({"--lesson", "io-nothing"}) << QByteArray("lesson step");
    QTest::newRow("guess without lesson") << args({"--guess", "1"}) << QByteArray("--lesson");
    QTest::newRow("faster than itself")
        << args({"--lesson", "io-sync", "--guess", "faster"}) << QByteArray("--guess");
    QTest::newRow("not a guess") << args({"--lesson", "2", "--guess", "soon"}) << QByteArray("--guess");
    QTest::newRow("no time") << args({"--lesson", "2", "--guess", "0"}) << QByteArray("--guess");
}

void TestLessonPanel::badLessonArgumentsExitWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, says);
    QByteArray errors;
    QCOMPARE(runProgram(args, &errors), 2);
    QVERIFY2(errors.contains(says), errors.constData());
}

void TestLessonPanel::scriptedLessonScreenshot()
{
    // A projector's slide with the lesson beside the timeline.
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("lesson.png"));
    QByteArray errors;
    QCOMPARE(
        runProgram({QStringLiteral("--lesson"), QStringLiteral("cpu-threads-gil"), QStringLiteral("--guess"),
                    QStringLiteral("slower"), QStringLiteral("--presentation"), QStringLiteral("--size"),
                    QStringLiteral("1280x720"), QStringLiteral("--screenshot"), path},
                   &errors),
        0);
    QCOMPARE(QImage(path).size(), QSize(1280, 720));
}

QTEST_MAIN(TestLessonPanel)
#include "tst_lessonpanel.moc"
