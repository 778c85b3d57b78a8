#include "mainwindow.h"

#include "annotationeditor.h"
#include "articlepython.h"
#include "comparison.h"
#include "comparisonview.h"
#include "curlversion.h"
#include "experimentpanel.h"
#include "exportactions.h"
#include "fileactions.h"
#include "language.h"
#include "lessondialog.h"
#include "lessonpanel.h"
#include "presentationmode.h"
#include "machineload.h"
#include "presets.h"
#include "replaypane.h"
#include "runbox.h"
#include "runcontroller.h"
#include "runlist.h"
#include "runlistview.h"
#include "runner.h"
#include "sweepchart.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "urlcheck.h"
#include "viewcontrols.h"
#include "walltimechart.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

#include <algorithm>

namespace mtlab {

namespace {

// "I/O: 100 downloads" / "CPU: 20 sums of squares": what every run of a comparison shares.
QString workloadTitle(const Experiment &e)
{
    if (e.workload == WorkloadKind::Counter)
        return e.tasks == 1 ? MainWindow::tr("Shared counter: 1 task")
                            : MainWindow::tr("Shared counter: %1 tasks").arg(e.tasks);
    if (e.workload == WorkloadKind::Io)
        return e.tasks == 1 ? MainWindow::tr("I/O: 1 download")
                            : MainWindow::tr("I/O: %1 downloads").arg(e.tasks);
    return e.tasks == 1 ? MainWindow::tr("CPU: 1 sum of squares")
                        : MainWindow::tr("CPU: %1 sums of squares").arg(e.tasks);
}

// "I/O: 100 downloads, threads, 5 workers": one run, in the status bar and a picture's heading.
QString experimentTitle(const Experiment &e)
{
    return workloadTitle(e) + QStringLiteral(", ") + RunController::runTitle(e);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    initResources();
    setWindowTitle(tr("Multitask Lab"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/multitask-lab.svg")));

    m_model = new TimelineModel(this);
    m_view = new TimelineView;
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_model);
    m_comparison = new ComparisonView;
    m_comparison->setObjectName(QStringLiteral("comparisonView"));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->addTab(m_view, tr("Timeline"));
    m_tabs->addTab(m_comparison, tr("Comparison"));
    // Zoom and Keep scale beside the tabs, right above the timeline they act on.
    m_viewControls = new ViewControls(
        [this] { return m_tabs->currentWidget() == m_comparison ? m_comparison->timeline() : m_view; });
    m_keepScaleAction = m_viewControls->keepScaleAction();
    m_tabs->setCornerWidget(m_viewControls, Qt::TopRightCorner);

    m_panel = new ExperimentPanel;
    // Scrolls rather than squeezes when the window is short (a projector's 768 lines).
    m_panelArea = new QScrollArea;
    m_panelArea->setWidget(m_panel);
    m_panelArea->setWidgetResizable(true);
    m_panelArea->setFrameShape(QFrame::NoFrame);
    m_panelArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    fitPanelWidth();

    m_splitter = new QSplitter;
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_panelArea);
    m_splitter->addWidget(m_tabs);
    // Beside the timeline: the replay of a finished run and what every task does at its playhead.
    m_replay = new ReplayPane;
    m_replay->setObjectName(QStringLiteral("replayPane"));
    m_splitter->addWidget(m_replay);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setCollapsible(1, false);
    // The timeline takes what the panel and the replay leave: at 1366 px it is what the class reads.
    m_splitter->setSizes({m_panelArea->minimumWidth(), 1000, 300});
    setCentralWidget(m_splitter);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(m_status, 1);
    // Apart from the status text, so that a long one never hides it.
    m_busy = new QLabel(QStringLiteral("⚠ ") +
                        tr("The machine was busy during this run: other programs used "
                           "the cores; timings may be off."));
    m_busy->setObjectName(QStringLiteral("busyWarning"));
    m_busy->setVisible(false);
    statusBar()->addPermanentWidget(m_busy);

    m_controller = new RunController(this);
    m_controller->setModel(m_model);
    connect(m_controller, &RunController::runStarted, this, &MainWindow::runStarted);
    connect(m_controller, &RunController::progress, this, &MainWindow::showProgress);
    connect(m_controller, &RunController::runFinished, this, &MainWindow::runFinished);
    connect(m_controller, &RunController::finished, this, &MainWindow::batchFinished);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateReplay);
    connect(m_panel, &ExperimentPanel::runRequested, this, &MainWindow::run);
    connect(m_panel, &ExperimentPanel::cancelRequested, this, &MainWindow::cancel);
    connect(m_panel, &ExperimentPanel::sweepRequested, this, &MainWindow::sweep);
    connect(m_panel, &ExperimentPanel::experimentChanged, this, &MainWindow::updateActions);
    connect(m_panel, &ExperimentPanel::experimentChanged, this, &MainWindow::fitPanelWidth);

    m_exports = new ExportActions(this, [this] {
        ExportActions::Source source;
        if (!m_lastRun)
            return source;
        const Experiment &last = m_lastRun->experiment;
        // A comparison with no run ticked would export an empty picture: the last run instead.
        if (m_tabs->currentWidget() == m_comparison && !m_runList->shown().empty()) {
            source.model = m_comparison->model();
            for (const RunList::Shown &shown : m_runList->shown())
                source.runs.push_back(shown.run.get());
            source.title = workloadTitle(last);
            source.fileStem = ExportActions::fileStem(last, ExportActions::View::Comparison);
            // A sweep's timeline alone does not say what it measured: the speedup chart goes too.
            if (m_comparison->comparison().mode() == Comparison::Mode::Sweep) {
                source.chart = m_comparison->sweepChart();
                source.fileStem = ExportActions::fileStem(last, ExportActions::View::Sweep);
            }
        } else {
            source.model = m_model;
            source.runs.push_back(m_lastRun.get());
            source.title = experimentTitle(last);
            source.fileStem = ExportActions::fileStem(last, ExportActions::View::Timeline);
        }
        return source;
    });
    createRunList();
    m_files = new FileActions(this, m_runList);
    connect(m_files, &FileActions::status, this, &MainWindow::setStatus);
    connect(m_files, &FileActions::opened, this,
            [this](const QString &, std::shared_ptr<const RunResult> last) {
                m_lastRun = last ? last : m_lastRun;
                showComparison();
                updateActions();
            });
    // Notes are kept with the runs: the timeline tab's finished run, and each run compared.
    m_notes = new AnnotationEditor(
        m_view, m_runList,
        [this](int) {
            return m_controller->isRunning() ? -1 : AnnotationEditor::rowOfRun(*m_runList, m_lastRun.get());
        },
        this);
    new AnnotationEditor(
        m_comparison->timeline(), m_runList,
        [this](int group) { return AnnotationEditor::shownRow(*m_runList, group); }, this);
    createActions();
    createMenus();
    resize(1600, 900);
    setStatus(tr("Ready: pick a preset on the left, then press Run (F5)."));
    updateActions();
}

MainWindow::~MainWindow()
{
    m_presentation->setOn(false); // the window's geometry is kept as it is outside the mode
    if (m_persistent)
        saveSettings();
}

void MainWindow::createActions()
{
    m_runAction = new QAction(tr("&Run"), this);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_runAction->setStatusTip(tr("Run the experiment set up on the left"));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::run);
    m_cancelAction = new QAction(tr("&Cancel"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setStatusTip(tr("Stop the run; what was recorded so far stays on the timeline"));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancel);
    m_sweepAction = new QAction(tr("&Sweep workers"), this);
    m_sweepAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_sweepAction->setStatusTip(tr("Run the pool with 1, 2, … workers and chart the speedup"));
    connect(m_sweepAction, &QAction::triggered, this, &MainWindow::sweep);
    m_panelAction = new QAction(tr("Experiment &panel"), this);
    m_panelAction->setObjectName(QStringLiteral("panelAction"));
    m_panelAction->setCheckable(true);
    m_panelAction->setChecked(true);
    m_panelAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_panelAction->setStatusTip(
        tr("Hide the panel to give the whole width to the timeline; F5 and Esc still run and cancel"));
    connect(m_panelAction, &QAction::toggled, m_panelArea, &QWidget::setVisible);
    m_repeatAction = new QAction(tr("R&epeat ×N"), this);
    m_repeatAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    m_repeatAction->setStatusTip(tr("Run the experiment as many times as the Repeat box says; the "
                                    "comparison shows the median with the spread"));
    connect(m_repeatAction, &QAction::triggered, this, [this] { repeat(m_panel->runBox()->repeatCount()); });
}

// A dock: every run of the session, its ticked runs make the comparison.
void MainWindow::createRunList()
{
    m_runList = new RunList(this);
    m_runListView = new RunListView(m_runList);
    m_runDock = new QDockWidget(tr("Runs"), this);
    m_runDock->setObjectName(QStringLiteral("runDock"));
    m_runDock->setWidget(m_runListView);
    // Below: the width stays with the timeline and the replay beside it; a few rows are enough.
    addDockWidget(Qt::BottomDockWidgetArea, m_runDock);
    resizeDocks({m_runDock}, {140}, Qt::Vertical);
    connect(m_runList, &RunList::shownChanged, this, [this] {
        m_comparison->showRuns(m_runList->shown());
        updateActions();
        updateReplay();
    });
    connect(m_panel->runBox(), &RunBox::repeatRequested, m_panel,
            [this] { repeat(m_panel->runBox()->repeatCount()); });
    connect(m_panel->runBox(), &RunBox::pythonRequested, this, &MainWindow::runArticlePython);
    // The lesson: its guesses go with the runs of this list.
    m_lessonPanel = new LessonPanel(m_runList);
    m_lessonDock = m_lessonPanel->addDock(this);
    connect(m_lessonPanel, &LessonPanel::loadRequested, this, &MainWindow::loadPreset);
    connect(m_lessonPanel, &LessonPanel::runRequested, this, &MainWindow::run);
    m_panel->addPresetAction(m_lessonDock->toggleViewAction());
}

void MainWindow::setLessonShown(bool shown)
{
    m_lessonDock->setVisible(shown);
    // The lesson takes the panel's room: its Load sets the panel up, and F9 brings it back.
    if (!m_presentation->isOn())
        m_panelAction->setChecked(!shown);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_files->openAction());
    file->addMenu(m_files->recentMenu());
    file->addAction(m_files->saveAction());
    file->addAction(m_files->saveAsAction());
    file->addSeparator();
    file->addAction(m_exports->pictureAction());
    file->addAction(m_exports->copyAction());
    file->addSeparator();
    file->addAction(m_exports->chromeTraceAction());
    file->addAction(m_exports->csvAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_repeatAction);
    run->addAction(m_cancelAction);
    run->addAction(m_sweepAction);
    run->addSeparator();
    QMenu *presets = run->addMenu(tr("&Presets"));
    for (const Preset &preset : builtinPresets()) {
        QAction *load = presets->addAction(preset.shownName(), this,
                                           [this, id = preset.id] { loadPreset(id); });
        load->setStatusTip(preset.shownDescription());
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(
        {m_viewControls->zoomInAction(), m_viewControls->zoomOutAction(), m_viewControls->fitAction()});
    view->addSeparator();
    view->addAction(tr("&Timeline"), QKeySequence(Qt::CTRL | Qt::Key_1), this, &MainWindow::showTimeline);
    view->addAction(tr("&Comparison"), QKeySequence(Qt::CTRL | Qt::Key_2), this, &MainWindow::showComparison);
    view->addSeparator();
    view->addAction(m_panelAction);
    view->addAction(m_runDock->toggleViewAction());
    m_runDock->toggleViewAction()->setShortcut(QKeySequence(Qt::Key_F8));
    view->addAction(m_lessonDock->toggleViewAction());
    connect(m_lessonDock->toggleViewAction(), &QAction::triggered, this, &MainWindow::setLessonShown);
    view->addAction(m_keepScaleAction);
    view->addSeparator();
    PresentationMode::Parts parts;
    parts.window = this;
    parts.panel = m_panel;
    parts.run = m_runAction;
    parts.cancel = m_cancelAction;
    parts.panelAction = m_panelAction;
    parts.zoomIn = m_viewControls->zoomInAction();
    parts.zoomOut = m_viewControls->zoomOutAction();
    parts.timelines = {m_view, m_comparison->timeline()};
    parts.charts = {m_comparison->wallTimeChart(), m_comparison->sweepChart()};
    parts.comparison = m_comparison->splitter();
    parts.aside = {m_replay, m_runDock}; // F8 brings the run list back
    m_presentation = new PresentationMode(parts);
    m_presentation->addToMenu(view);
    m_presentation->toolBar()->insertAction(m_presentation->smallerAction(),
                                            m_lessonDock->toggleViewAction());
    view->addSeparator();
    createLanguageMenu(view->addMenu(tr("&Language")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&What am I looking at?"), QKeySequence::HelpContents, this, &MainWindow::showLesson);
    help->addSeparator();
    help->addAction(tr("&About Multitask Lab"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

// The texts are made when the widgets are built, so a new language applies from the next start.
void MainWindow::createLanguageMenu(QMenu *menu)
{
    auto *choices = new QActionGroup(menu);
    const QString kept = QSettings().value(QLatin1String(Language::SettingKey)).toString();
    const auto add = [&](const QString &code, const QString &text) {
        QAction *choice = menu->addAction(text);
        choice->setCheckable(true);
        choice->setChecked(code == kept);
        choice->setData(code);
        choices->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code] {
            QSettings().setValue(QLatin1String(Language::SettingKey), code);
            statusBar()->showMessage(tr("The new language applies when Multitask Lab starts again."));
        });
    };
    add(QString(), tr("As the &system"));
    for (const Language::Choice &choice : Language::available())
        add(choice.code, choice.nativeName);
}

bool MainWindow::loadPreset(const QString &idOrName)
{
    return m_panel->loadPreset(idOrName);
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

std::vector<Experiment> MainWindow::panelRuns() const
{
    if (m_panel->strategies().size() > 1)
        return comparisonRuns(m_panel->experiment());
    return {m_panel->experiment()};
}

void MainWindow::run()
{
    const bool all = m_panel->strategies().size() > 1;
    start(panelRuns(), all ? Batch::AllStrategies : Batch::Single);
}

void MainWindow::runArticlePython()
{
    const std::vector<Experiment> runs = articlePythonRuns(m_panel->experiment(), m_panel->strategies());
    start(runs, runs.size() > 1 ? Batch::AllStrategies : Batch::Single);
}

void MainWindow::repeat(int times)
{
    // Each experiment's repeats one after another: the run list gathers them in one row.
    times = std::max(1, times);
    m_panel->runBox()->setRepeatCount(times);
    std::vector<Experiment> experiments;
    for (const Experiment &e : panelRuns())
        experiments.insert(experiments.end(), static_cast<std::size_t>(times), e);
    const bool all = m_panel->strategies().size() > 1;
    start(std::move(experiments), all ? Batch::AllStrategies : Batch::Single, times);
}

void MainWindow::sweep()
{
    if (!m_panel->canSweep())
        return;
    std::vector<Experiment> experiments;
    for (int workers = 1; workers <= m_panel->sweepMax(); ++workers) {
        experiments.push_back(m_panel->experiment());
        experiments.back().workers = workers;
    }
    start(std::move(experiments), Batch::Sweep);
}

void MainWindow::cancel()
{
    m_controller->cancel();
}

void MainWindow::start(std::vector<Experiment> experiments, Batch batch, int repeats)
{
    if (m_controller->isRunning() || experiments.empty())
        return;
    // A URL that can never be downloaded would only fail every task: refused, as `run --url` is.
    if (const Experiment &e = experiments.front(); e.workload == WorkloadKind::Io && !e.io.url.empty()) {
        if (const std::string problem = checkDownloadUrl(e.io.url); !problem.empty()) {
            showRunProblem(experimentTitle(e), QString::fromStdString(problem));
            return;
        }
    }
    // One more strategy on the same work joins the comparison; the same run again starts afresh
    // (but for the pinned runs).
    const QString title = RunController::runTitle(experiments.front());
    const std::vector<RunList::Shown> shown = m_runList->shown();
    // The article's Python joins the lab's run of the same experiment, to stand beside it.
    const Experiment &first = experiments.front();
    const bool joins = (batch == Batch::Single || first.python) && repeats == 1 && m_batch != Batch::Sweep &&
        m_lastRun &&
        (RunList::sameWork(m_lastRun->experiment, first) || comparesWith(first, m_lastRun->experiment)) &&
        std::none_of(shown.begin(), shown.end(),
                     [&](const auto &s) { return RunController::runTitle(s.run->experiment) == title; });
    m_runList->beginBatch(joins, batch == Batch::Sweep);
    m_busy->setVisible(false);
    m_batch = batch;
    m_repeats = repeats;
    showTimeline(); // the live run is drawn there
    if (m_keepScaleAction->isChecked())
        m_view->setTimeScale(m_view->timeScale()); // stops following the live run
    else
        m_view->setFollowLive(true);
    m_controller->start(std::move(experiments));
    updateActions();
}

QString MainWindow::runDescription() const
{
    const Experiment &e = m_controller->currentExperiment();
    QString text = experimentTitle(e);
    if (m_controller->runCount() > 1)
        text += tr(" (run %1 of %2)").arg(m_controller->runIndex() + 1).arg(m_controller->runCount());
    return text;
}

void MainWindow::runStarted()
{
    m_replay->clear(); // a live run is not replayed until it has finished
    setStatus(tr("Running %1…").arg(runDescription()));
}

void MainWindow::showProgress(int done, int total, qint64 elapsedMs)
{
    m_panel->runBox()->setProgress(done, total, elapsedMs, runDescription());
}

void MainWindow::runFinished(int index)
{
    const std::shared_ptr<const RunResult> &result = m_controller->results().at(
        static_cast<std::size_t>(index));
    if (!result->problem.empty())
        return; // nothing ran; batchFinished says why
    m_lastRun = result;
    m_runList->addRun(result, index / m_repeats);
}

void MainWindow::batchFinished(bool cancelled)
{
    const std::shared_ptr<const RunResult> &last = m_controller->results().back();
    const QString what = experimentTitle(last->experiment);
    if (!last->problem.empty()) {
        showRunProblem(what, QString::fromStdString(last->problem));
    } else if (cancelled) {
        setStatus(tr("Cancelled %1: %2.").arg(what, RunController::runSummary(*last)));
    } else if (m_batch == Batch::Single && m_repeats > 1) {
        setStatus(tr("Done: %1, %2 times; the comparison shows the median.").arg(what).arg(m_repeats));
        showComparison();
    } else if (m_batch == Batch::Single) {
        setStatus(tr("Done: %1 in %2.").arg(what, RunController::runSummary(*last)));
        if (last->experiment.python && m_runList->shown().size() > 1)
            showComparison(); // the article's Python beside the lab's run
    } else {
        setStatus(m_batch == Batch::AllStrategies
                      ? tr("Done: %1, all strategies. The Comparison tab shows them on one time axis.")
                            .arg(workloadTitle(last->experiment))
                      : tr("Done: %1, %2 with 1 to %3 workers. The Comparison tab charts the speedup.")
                            .arg(workloadTitle(last->experiment),
                                 QString::fromLatin1(strategyName(last->experiment.strategy)))
                            .arg(m_controller->runCount()));
        showComparison();
    }
    const auto &results = m_controller->results();
    m_busy->setVisible(std::any_of(results.begin(), results.end(),
                                   [](const auto &r) { return machineLoadVerdict(*r).busy(); }));
    updateActions();
    updateReplay();
    emit runsFinished();
}

void MainWindow::showRunProblem(const QString &what, const QString &problem)
{
    setStatus(tr("Could not run %1: %2").arg(what, problem));
    m_panel->runBox()->setMessage(tr("Could not run: %1").arg(problem));
    // Not modal: a scripted run must not wait for someone to click OK.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Could not run"), problem, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateActions()
{
    const bool running = m_controller->isRunning();
    m_panel->setRunning(running);
    m_runAction->setEnabled(!running);
    m_repeatAction->setEnabled(!running);
    m_cancelAction->setEnabled(running);
    m_sweepAction->setEnabled(!running && m_panel->canSweep());
    m_exports->setAvailable(!running && m_lastRun);
}

// A preset shows other boxes, which may need more width: the panel's buttons are never cut at the
// right (its scroll area scrolls only up and down), with room for the vertical scroll bar.
void MainWindow::fitPanelWidth()
{
    m_panelArea->setMinimumWidth(m_panel->minimumSizeHint().width() +
                                 m_panelArea->verticalScrollBar()->sizeHint().width() + 2);
}

void MainWindow::setStatus(const QString &text)
{
    m_status->setText(text);
}

void MainWindow::showTimeline()
{
    m_tabs->setCurrentWidget(m_view);
}

void MainWindow::updateReplay()
{
    if (m_controller->isRunning() || !m_lastRun) {
        m_replay->clear();
        return;
    }
    std::vector<std::shared_ptr<const RunResult>> shown;
    for (const RunList::Shown &run : m_runList->shown())
        shown.push_back(run.run);
    if (m_tabs->currentWidget() == m_comparison && !shown.empty())
        m_replay->setRuns(shown, static_cast<int>(shown.size()) - 1, m_comparison->timeline());
    else
        m_replay->setRuns({m_lastRun}, 0, m_view);
}

void MainWindow::showComparison()
{
    m_tabs->setCurrentWidget(m_comparison);
}

void MainWindow::showLesson()
{
    if (!m_lesson)
        m_lesson = new LessonDialog(this);
    m_lesson->show();
    m_lesson->raise();
    m_lesson->activateWindow();
}

QString MainWindow::aboutText()
{
    return tr("<h3>Multitask Lab %1</h3><p>Runs one workload, downloads or computing, under four "
              "strategies (sync, threads, async, processes) and draws what every worker did, "
              "to see concurrency and parallelism instead of imagining them.</p>"
              "<p>After the blog post <i>Multitasking in Python</i>.</p>"
              "<p>Qt %2, libcurl %3</p>")
        .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
             QString::fromStdString(libcurlVersion()));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Multitask Lab"), aboutText());
}

void MainWindow::restoreSettings()
{
    m_persistent = true;
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("view/tab"), 0).toInt());
    m_panelAction->setChecked(settings.value(QStringLiteral("view/panel"), true).toBool());
    m_keepScaleAction->setChecked(settings.value(QStringLiteral("view/keepScale"), false).toBool());
    m_panel->restoreSettings(settings);
    m_presentation->restoreSettings();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("view/tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("view/panel"), m_panelAction->isChecked());
    settings.setValue(QStringLiteral("view/keepScale"), m_keepScaleAction->isChecked());
    m_panel->saveSettings(settings);
    m_presentation->saveSettings();
}

} // namespace mtlab
