#include "comparisonview.h"
#include "curlversion.h"
#include "experimentpanel.h"
#include "machineload.h"
#include "mainwindow.h"
#include "presets.h"
#include "replaypane.h"
#include "runcontroller.h"
#include "runlist.h"
#include "runlistview.h"
#include "runner.h"
#include "signalchecks.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace mtlab;

// The window as a user drives it: a preset picked from the list, Run and Cancel clicked, the
// timeline and status bar afterwards, settings kept across restarts, and the scripted screenshot.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void presetRunsFromTheButtons();
    void escapeCancelsALongRun();
    void badUrlIsRefusedBeforeRunning();
    void allStrategiesFillTheComparison();
    void pinnedRunStaysBesideARepeat();
    void settingsSurviveARestart();
    void tlsCheckFollowsPresets();
    void counterBoxFollowsPresets();
    void screenshotOfARun();
    void badScreenshotArgumentsExitWithTwo_data();
    void badScreenshotArgumentsExitWithTwo();
    void interruptClosesTheWindowWith130_data();
    void interruptClosesTheWindowWith130();
    void versionNamesTheProgram();
    void aboutNamesTheVersions();
    void languageMenuKeepsTheChoice();
    void panelButtonsAreNotCutAt1366();

private:
    template <typename T>
    static T *child(const QWidget &window, const char *name)
    {
        T *widget = window.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s", name);
        return widget;
    }
    // Picks a preset the way a user does: the list, then a key press (which emits activated()).
    static void choosePreset(const MainWindow &window, const QString &id);
    static void setTasks(const MainWindow &window, int tasks);
    static QProcess *runProgram(const QStringList &args);
};

constexpr int Timeout = 120'000;

void TestMainWindow::initTestCase()
{
    // Never the user's own settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Multitask Lab"));
    QCoreApplication::setApplicationName(QStringLiteral("Multitask Lab"));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::choosePreset(const MainWindow &window, const QString &id)
{
    auto *combo = child<QComboBox>(window, "presetCombo");
    const int index = combo->findData(id);
    QVERIFY(index > 0);
    combo->setFocus();
    combo->setCurrentIndex(index - 1);
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentData().toString(), id);
}

void TestMainWindow::setTasks(const MainWindow &window, int tasks)
{
    auto *spin = child<QSpinBox>(window, "tasksSpin");
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(tasks));
    QTest::keyClick(spin, Qt::Key_Enter);
    QCOMPARE(spin->value(), tasks);
}

void TestMainWindow::presetRunsFromTheButtons()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    choosePreset(window, QStringLiteral("io-threads"));
    QCOMPARE(window.panel()->experiment().workers, 5);
    setTasks(window, 10);                            // two rounds of five downloads: quick
    QCOMPARE(window.panel()->presetId(), QString()); // no longer the preset as it was

    auto *run = child<QPushButton>(window, "runButton");
    auto *cancel = child<QPushButton>(window, "cancelButton");
    auto *progress = child<QProgressBar>(window, "progressBar");
    QVERIFY(run->isEnabled());
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!progress->isTextVisible()); // no "0 / 100 tasks" before a run says how many

    QSignalSpy finished(&window, &MainWindow::runsFinished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(window.controller()->isRunning());
    QVERIFY(!run->isEnabled());
    QVERIFY(cancel->isEnabled());
    QVERIFY(window.statusText().startsWith(QLatin1String("Running")));
    QVERIFY(finished.wait(Timeout));

    QVERIFY(run->isEnabled());
    QVERIFY(!cancel->isEnabled());
    QVERIFY(progress->isTextVisible());
    QCOMPARE(progress->maximum(), 10);
    QCOMPARE(progress->value(), 10);
    QVERIFY2(window.statusText().startsWith(QLatin1String("Done")), qPrintable(window.statusText()));
    QVERIFY(window.statusText().contains(QLatin1String("threads, 5 workers")));
    const auto &groups = window.timelineModel()->groups();
    QCOMPARE(groups.size(), std::size_t(1));
    QVERIFY(!groups.front().live);
    int threads = 0;
    for (const TimelineModel::Row &row : groups.front().rows)
        threads += row.lane.kind == LaneKind::PoolThread;
    QCOMPARE(threads, 5);
    QCOMPARE(window.controller()->results().front()->ok, 10);
    // The finished run also joins the comparison.
    QCOMPARE(window.comparisonView()->model()->groups().size(), std::size_t(1));
}

void TestMainWindow::escapeCancelsALongRun()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Experiment e;
    e.workload = WorkloadKind::Cpu;
    e.strategy = StrategyKind::Threads;
    e.workers = 2;
    e.tasks = 4;
    e.n = 4'000'000'000ULL;
    window.panel()->setExperiment(e, {e.strategy});
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window)); // Esc is a shortcut of the active window
    QSignalSpy finished(&window, &MainWindow::runsFinished);
    QTest::mouseClick(child<QPushButton>(window, "runButton"), Qt::LeftButton);
    QVERIFY(window.controller()->isRunning());
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(finished.wait(Timeout));
    QVERIFY(window.controller()->results().front()->cancelled);
    QVERIFY2(window.statusText().startsWith(QLatin1String("Cancelled")), qPrintable(window.statusText()));
    QVERIFY(!child<QPushButton>(window, "cancelButton")->isEnabled());
}

// As `run --url` does, the window refuses a URL that can never be downloaded instead of failing
// every task of a run.
void TestMainWindow::badUrlIsRefusedBeforeRunning()
{
    MainWindow window;
    window.show();
    choosePreset(window, QStringLiteral("io-threads"));
    child<QLineEdit>(window, "urlEdit")->setText(QStringLiteral("ftp://127.0.0.1/"));
    window.run();
    QVERIFY(!window.controller()->isRunning());
    QVERIFY(window.controller()->results().empty());
    QVERIFY2(window.statusText().contains(QLatin1String("not ftp")), qPrintable(window.statusText()));
}

void TestMainWindow::allStrategiesFillTheComparison()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    choosePreset(window, QStringLiteral("cpu-all"));
    child<QDoubleSpinBox>(window, "nSpin")->setValue(200'000);
    QSignalSpy runFinished(window.controller(), &RunController::runFinished);
    QSignalSpy finished(&window, &MainWindow::runsFinished);
    QTest::mouseClick(child<QPushButton>(window, "runButton"), Qt::LeftButton);
    QVERIFY(finished.wait(Timeout));
    // CPU: sync, threads with and without the interpreter lock, async, processes.
    QCOMPARE(runFinished.size(), 5);
    const auto &groups = window.comparisonView()->model()->groups();
    QCOMPARE(groups.size(), std::size_t(5));
    QVERIFY(groups[1].title.contains(QLatin1String("interpreter lock")));
    QVERIFY(!groups[2].title.contains(QLatin1String("interpreter lock")));
    // Once all are in, the comparison is what to look at.
    QCOMPARE(child<QTabWidget>(window, "viewTabs")->currentWidget(), window.comparisonView());
    QVERIFY2(window.statusText().contains(QLatin1String("all strategies")), qPrintable(window.statusText()));
}

// Sync, then threads (which joins it), the sync run pinned, then Repeat ×3 with the interpreter
// lock: every run is kept, the comparison holds the pinned sync run and the repeats' median.
void TestMainWindow::pinnedRunStaysBesideARepeat()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Experiment e;
    e.workload = WorkloadKind::Cpu;
    e.tasks = 4;
    e.n = 200'000;
    QSignalSpy finished(&window, &MainWindow::runsFinished);
    for (const StrategyKind strategy : {StrategyKind::Sync, StrategyKind::Threads}) {
        e.strategy = strategy;
        e.workers = 2;
        window.panel()->setExperiment(e, {strategy});
        QTest::mouseClick(child<QPushButton>(window, "runButton"), Qt::LeftButton);
        QVERIFY(finished.wait(Timeout));
    }
    RunList *list = window.runList();
    QCOMPARE(list->rowCount(), 2);
    QCOMPARE(window.comparisonView()->model()->groups().size(), std::size_t(2));
    window.runListView()->selectRow(0);
    window.runListView()->pinAction()->trigger();
    QVERIFY(list->entry(0).pinned);

    e.gil = true;
    window.panel()->setExperiment(e, {StrategyKind::Threads});
    child<QSpinBox>(window, "repeatSpin")->setValue(3);
    QTest::mouseClick(child<QPushButton>(window, "repeatButton"), Qt::LeftButton);
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(window.controller()->results().size(), std::size_t(3));
    QCOMPARE(list->rowCount(), 3);
    QCOMPARE(list->entry(2).runs.size(), std::size_t(3));
    QVERIFY(!list->entry(1).shown);
    const auto &groups = window.comparisonView()->model()->groups();
    QCOMPARE(groups.size(), std::size_t(2));
    QVERIFY(groups[0].title.startsWith(QLatin1String("sync")));
    QVERIFY2(groups[1].subtitle.contains(QLatin1String("3 runs")), qPrintable(groups[1].subtitle));
    QCOMPARE(child<QTabWidget>(window, "viewTabs")->currentWidget(), window.comparisonView());
    QVERIFY2(window.statusText().contains(QLatin1String("3 times")), qPrintable(window.statusText()));
    // Whether the machine was busy is the machine's business; the warning says so exactly then.
    bool busy = false;
    for (const auto &result : window.controller()->results())
        busy = busy || machineLoadVerdict(*result).busy();
    QCOMPARE(child<QLabel>(window, "busyWarning")->isVisibleTo(&window), busy);
}

void TestMainWindow::settingsSurviveARestart()
{
    {
        MainWindow window;
        window.restoreSettings();
        choosePreset(window, QStringLiteral("cpu-threads-gil"));
        setTasks(window, 37);
        child<QSpinBox>(window, "switchSpin")->setValue(9);
        child<QTabWidget>(window, "viewTabs")->setCurrentIndex(1);
        window.findChild<QAction *>(QStringLiteral("panelAction"))->trigger(); // hides the panel
    }
    MainWindow window;
    window.restoreSettings();
    const Experiment e = window.panel()->experiment();
    QCOMPARE(e.workload, WorkloadKind::Cpu);
    QCOMPARE(e.strategy, StrategyKind::Threads);
    QCOMPARE(e.tasks, 37);
    QCOMPARE(e.workers, 5);
    QVERIFY(e.gil);
    QCOMPARE(e.switchMs, 9);
    QCOMPARE(child<QTabWidget>(window, "viewTabs")->currentIndex(), 1);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("panelAction"))->isChecked());
    QVERIFY(!window.panel()->isVisibleTo(&window));

    // A window that does not restore settings does not save them either (scripted screenshots).
    {
        MainWindow scripted;
        setTasks(scripted, 11);
    }
    MainWindow again;
    again.restoreSettings();
    QCOMPARE(again.panel()->experiment().tasks, 37);
}

void TestMainWindow::tlsCheckFollowsPresets()
{
    MainWindow window;
    auto *tls = child<QCheckBox>(window, "tlsCheck");
    auto *setup = child<QSpinBox>(window, "setupSpin");
    choosePreset(window, QStringLiteral("io-reuse"));
    QVERIFY(tls->isChecked());
    QVERIFY(setup->isEnabled());
    QCOMPARE(window.panel()->experiment().io.setupMs, 50);
    // Plain HTTP has no handshake to delay: the set-up is greyed out and not part of the experiment.
    tls->click();
    QVERIFY(!window.panel()->experiment().io.tls);
    QVERIFY(!setup->isEnabled());
    QCOMPARE(window.panel()->experiment().io.setupMs, 0);
    QCOMPARE(window.panel()->presetId(), QString());
    tls->click();
    QCOMPARE(window.panel()->presetId(), QStringLiteral("io-reuse"));
    choosePreset(window, QStringLiteral("io-threads"));
    QVERIFY(!tls->isChecked());
    QVERIFY(!setup->isEnabled());
}

// The counter's box shows for the counter only; the permits go with a semaphore, the await with async.
void TestMainWindow::counterBoxFollowsPresets()
{
    MainWindow window;
    auto *permits = child<QSpinBox>(window, "permitsSpin");
    auto *yieldInside = child<QCheckBox>(window, "yieldInsideCheck");
    choosePreset(window, QStringLiteral("counter-threads-semaphore"));
    QVERIFY(permits->isVisibleTo(&window));
    QVERIFY(!child<QSpinBox>(window, "switchSpin")->isVisibleTo(&window));
    QVERIFY(permits->isEnabled());
    QVERIFY(!yieldInside->isEnabled());
    QCOMPARE(window.panel()->experiment().counter.sync, SyncKind::Semaphore);
    QCOMPARE(window.panel()->experiment().counter.permits, 2);
    choosePreset(window, QStringLiteral("counter-async-await"));
    QVERIFY(yieldInside->isChecked());
    QVERIFY(yieldInside->isEnabled());
    QVERIFY(!permits->isEnabled());
    QVERIFY(window.panel()->experiment().counter.yieldInside);
    // An await inside a thread's update means nothing: greyed out, and not part of the experiment.
    auto *strategy = child<QComboBox>(window, "strategyCombo");
    strategy->setCurrentIndex(strategy->findData(static_cast<int>(StrategyKind::Threads)));
    QVERIFY(!yieldInside->isEnabled());
    QVERIFY(!window.panel()->experiment().counter.yieldInside);
    QCOMPARE(window.panel()->presetId(), QStringLiteral("counter-threads"));
    choosePreset(window, QStringLiteral("io-threads"));
    QVERIFY(!permits->isVisibleTo(&window));
}

QProcess *TestMainWindow::runProgram(const QStringList &args)
{
    auto *process = new QProcess;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process->setProcessEnvironment(environment);
    process->start(QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab"), args);
    process->waitForFinished(Timeout);
    return process;
}

void TestMainWindow::screenshotOfARun()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("window.png"));
    std::unique_ptr<QProcess> process(
        runProgram({QStringLiteral("--preset"), QStringLiteral("I/O: 100 downloads, async, all at once"),
                    QStringLiteral("--run"), QStringLiteral("--screenshot"), path}));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    const QImage picture(path);
    QCOMPARE(picture.size(), QSize(1600, 900));
}

void TestMainWindow::badScreenshotArgumentsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown preset") << QStringList{QStringLiteral("--preset"),
                                                   QStringLiteral("no-such-preset"), QStringLiteral("--run")}
                                    << QStringLiteral("no-such-preset");
    QTest::newRow("unwritable path") << QStringList{QStringLiteral("--preset"), QStringLiteral("io-async"),
                                                    QStringLiteral("--run"), QStringLiteral("--screenshot"),
                                                    QStringLiteral("/nonexistent-folder/w.png")}
                                     << QStringLiteral("/nonexistent-folder/w.png");
    // Refused by the file system, so also for root, who passes every permission check.
    QTest::newRow("screenshot into /proc")
        << QStringList{QStringLiteral("--screenshot"), QStringLiteral("/proc/w.png")}
        << QStringLiteral("/proc/w.png");
    QTest::newRow("not a picture") << QStringList{QStringLiteral("--screenshot"),
                                                  QDir::tempPath() + QStringLiteral("/w.txt")}
                                   << QStringLiteral("w.txt");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringLiteral("--frobnicate");
    QTest::newRow("repeat once") << QStringList{QStringLiteral("--repeat"), QStringLiteral("1")}
                                 << QStringLiteral("--repeat");
    QTest::newRow("repeat what") << QStringList{QStringLiteral("--repeat=many")} << QStringLiteral("many");
}

void TestMainWindow::badScreenshotArgumentsExitWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    std::unique_ptr<QProcess> process(runProgram(args));
    QCOMPARE(process->exitCode(), 2);
    const QByteArray error = process->readAllStandardError();
    QCOMPARE(error.count('\n'), 1);
    QVERIFY2(QString::fromUtf8(error).contains(mentions), error.constData());
}

void TestMainWindow::interruptClosesTheWindowWith130_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

// Ctrl-C or SIGTERM close the window as `run` ends: exit 130, the run cancelled on the way out.
void TestMainWindow::interruptClosesTheWindowWith130()
{
    QFETCH(int, signal);
    QTemporaryDir settings; // a window that is not scripted keeps its settings: not the user's
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), settings.path());
    process.setProcessEnvironment(environment);
    // A long run: the signal comes while it is under way (and after it, the window stays open).
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab"),
                  {QStringLiteral("--preset"), QStringLiteral("cpu-sync"), QStringLiteral("--run")});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(checks::blocksInterrupts(process.processId()), Timeout);
    QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
}

void TestMainWindow::versionNamesTheProgram()
{
    std::unique_ptr<QProcess> process(runProgram({QStringLiteral("--version")}));
    QCOMPARE(process->exitCode(), 0);
    QCOMPARE(process->readAllStandardOutput(), QByteArray("multitask-lab " MTLAB_VERSION "\n"));
}

void TestMainWindow::aboutNamesTheVersions()
{
    QCoreApplication::setApplicationVersion(QStringLiteral(MTLAB_VERSION));
    const QString text = MainWindow::aboutText();
    QVERIFY2(text.contains(QStringLiteral("Multitask Lab " MTLAB_VERSION)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))), qPrintable(text));
    const QString curl = QString::fromStdString(libcurlVersion());
    QVERIFY2(curl.contains(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+"))), qPrintable(curl));
    QVERIFY2(text.contains(QStringLiteral("libcurl %1").arg(curl)), qPrintable(text));
}

void TestMainWindow::languageMenuKeepsTheChoice()
{
    MainWindow window;
    QAction *korean = nullptr;
    QAction *system = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("한국어"))
            korean = action;
        else if (action->isCheckable() && action->data() == QVariant(QString()))
            system = action;
    }
    QVERIFY(korean && system);
    QVERIFY(system->isChecked());
    korean->trigger();
    QVERIFY(korean->isChecked() && !system->isChecked());
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("ko"));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("starts again")));

    MainWindow reopened;
    const auto actions = reopened.findChildren<QAction *>();
    QVERIFY(std::any_of(actions.begin(), actions.end(), [](const QAction *a) {
        return a->text() == QStringLiteral("한국어") && a->isChecked();
    }));
}

// A projector's 1366x768 with the replay pane and the Runs dock: whatever preset is loaded, the
// panel's buttons lie wholly inside its scroll area's width (it scrolls only up and down), and
// the timeline stays the widest part.
void TestMainWindow::panelButtonsAreNotCutAt1366()
{
    MainWindow window;
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *area = window.panel()->parentWidget(); // the scroll area's viewport
    for (const Preset &preset : builtinPresets()) {
        QVERIFY(window.loadPreset(preset.id));
        QApplication::processEvents();
        for (const char *name : {"runButton", "cancelButton", "repeatButton", "sweepButton"}) {
            auto *button = child<QPushButton>(window, name);
            const QRect box(button->mapTo(area, QPoint(0, 0)), button->size());
            QVERIFY2(box.left() >= 0 && box.right() < area->width(),
                     qPrintable(QStringLiteral("%1 cut with %2").arg(QLatin1String(name), preset.id)));
        }
    }
    const int timeline = window.timelineView()->width();
    QVERIFY(timeline > window.panel()->width() && timeline > window.replayPane()->width());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
