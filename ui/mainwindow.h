#pragma once

#include "experiment.h"

#include <QMainWindow>

#include <memory>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QScrollArea;
class QSplitter;
class QTabWidget;

namespace mtlab {

class AnnotationEditor;
class ComparisonView;
class ExperimentPanel;
class ExportActions;
class LessonPanel;
class FileActions;
class ReplayPane;
class PresentationMode;
class RunController;
class RunList;
class RunListView;
class TimelineModel;
class TimelineView;
class ViewControls;
struct RunResult;

// The window: the experiment panel on the left, the live timeline and the comparison as tabs on
// the right (the timeline takes most of the room: it is what the class looks at), menus with the
// usual shortcuts, and the status bar saying what runs.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Brings back the last experiment, the window's geometry and the view options, and keeps
    // them up to date from then on. A window that never calls it (a scripted screenshot) leaves
    // the user's settings alone.
    void restoreSettings();
    // Loads a built-in preset into the panel; false if there is none by that id or name.
    bool loadPreset(const QString &idOrName);

    ExperimentPanel *panel() const noexcept { return m_panel; }
    RunController *controller() const noexcept { return m_controller; }
    TimelineModel *timelineModel() const noexcept { return m_model; }
    TimelineView *timelineView() const noexcept { return m_view; }
    ComparisonView *comparisonView() const noexcept { return m_comparison; }
    // Replays the finished run on the timeline tab, or a run of the comparison on its tab.
    ReplayPane *replayPane() const noexcept { return m_replay; }
    PresentationMode *presentation() const noexcept { return m_presentation; }
    RunList *runList() const noexcept { return m_runList; }
    RunListView *runListView() const noexcept { return m_runListView; }
    FileActions *files() const noexcept { return m_files; }
    ViewControls *viewControls() const noexcept { return m_viewControls; }
    // The notes on the timeline tab's run (the comparison's view has its own editor).
    AnnotationEditor *notes() const noexcept { return m_notes; }
    // The lesson that follows the article (View > Lesson), in a dock.
    LessonPanel *lessonPanel() const noexcept { return m_lessonPanel; }
    QDockWidget *lessonDock() const noexcept { return m_lessonDock; }
    QString statusText() const;
    // Help > About: the program's version, and the Qt and libcurl it runs with.
    static QString aboutText();

public slots:
    // The panel's experiment: one run, or all strategies one after another (comparisonRuns).
    void run();
    // The same, N times (the Repeat box's count): the run list shows the median and the spread.
    void repeat(int times);
    // The article's own Python programs of the experiment set up, beside the lab's run.
    void runArticlePython();
    // The panel's pool for workers = 1..K, charted as speedup against workers.
    void sweep();
    void cancel();
    void showTimeline();
    void showComparison();
    // View > Lesson (F7): the lesson beside the timeline, in the experiment panel's room.
    void setLessonShown(bool shown);

signals:
    // Everything run() or sweep() started has ended: done, cancelled or failed.
    void runsFinished();

private:
    enum class Batch { Single, AllStrategies, Sweep };

    void createActions();
    void createMenus();
    void createLanguageMenu(QMenu *menu);
    void createRunList();
    std::vector<Experiment> panelRuns() const;
    void start(std::vector<Experiment> experiments, Batch batch, int repeats = 1);
    void runStarted();
    void showProgress(int done, int total, qint64 elapsedMs);
    void runFinished(int index);
    void batchFinished(bool cancelled);
    // Why nothing ran, in the status bar, the run box and a message box.
    void showRunProblem(const QString &what, const QString &problem);
    void updateActions();
    void setStatus(const QString &text);
    void fitPanelWidth();
    void showLesson();
    void showAbout();
    QString runDescription() const;
    void updateReplay();
    void saveSettings() const;

    ExperimentPanel *m_panel = nullptr;
    RunController *m_controller = nullptr;
    TimelineModel *m_model = nullptr;
    TimelineView *m_view = nullptr;
    ComparisonView *m_comparison = nullptr;
    ReplayPane *m_replay = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
    QScrollArea *m_panelArea = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_busy = nullptr; // the warning that other programs shared the cores
    ExportActions *m_exports = nullptr;
    FileActions *m_files = nullptr;
    QWidget *m_lesson = nullptr;
    PresentationMode *m_presentation = nullptr;
    ViewControls *m_viewControls = nullptr;

    QAction *m_runAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_sweepAction = nullptr;
    QAction *m_panelAction = nullptr;
    QAction *m_keepScaleAction = nullptr;
    QAction *m_repeatAction = nullptr;

    // Every run of the session; its checked rows are the comparison.
    RunList *m_runList = nullptr;
    RunListView *m_runListView = nullptr;
    AnnotationEditor *m_notes = nullptr;
    QDockWidget *m_runDock = nullptr;
    LessonPanel *m_lessonPanel = nullptr;
    QDockWidget *m_lessonDock = nullptr;

    Batch m_batch = Batch::Single;
    int m_repeats = 1; // runs of each experiment in the batch
    // The run on the timeline, kept for its exports.
    std::shared_ptr<const RunResult> m_lastRun;
    bool m_persistent = false;
};

} // namespace mtlab
