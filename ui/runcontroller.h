#pragma once

#include "experiment.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <thread>
#include <vector>

namespace mtlab {

class Runner;
class TimelineModel;
struct RunResult;

// Runs experiments off the GUI thread, one after another (never at once), and feeds the live
// timeline. The Runner works on a std::jthread; the GUI polls its collector on a ~30 fps timer and
// hands each batch of spans to the model at once (never a signal per span, so a 10,000-task run
// cannot flood the event loop). The finished RunResult, immutable from then on, crosses back to
// the GUI thread in one queued call.
class RunController : public QObject
{
    Q_OBJECT

public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    // Where the live run is drawn: cleared when each run starts, so it shows the current one.
    void setModel(TimelineModel *model);

    // Starts the experiments in order. Ignored (returns false) while a batch is running.
    bool start(std::vector<Experiment> experiments);
    bool isRunning() const noexcept { return m_thread.joinable(); }

    // The batch being run (or the last one): its size, the current index and the results so far.
    int runCount() const noexcept { return static_cast<int>(m_queue.size()); }
    int runIndex() const noexcept { return m_index; }
    const Experiment &currentExperiment() const { return m_queue.at(static_cast<std::size_t>(m_index)); }
    const std::vector<std::shared_ptr<const RunResult>> &results() const noexcept { return m_results; }

    int tasksDone() const noexcept { return m_done; }
    qint64 elapsedMs() const;

    // "threads, 5 workers" (the label the timeline, traces and pictures use).
    static QString runTitle(const Experiment &experiment);
    // "2.031 s, all 100 tasks ok", "0.412 s, 37 of 100 tasks ok, 2 failed".
    static QString runSummary(const RunResult &run);

public slots:
    // Asks the current run to stop (the engine ends it within half a second) and drops the rest.
    void cancel();

signals:
    void started();             // a batch began
    void runStarted(int index); // one of its experiments began
    void progress(int done, int total, qint64 elapsedMs);
    void runFinished(int index);   // results()[index] is ready
    void finished(bool cancelled); // the batch ended, after its last runFinished

private:
    void startNext();
    void poll();
    void runEnded(std::shared_ptr<const RunResult> result);

    TimelineModel *m_model = nullptr;
    std::vector<Experiment> m_queue;
    std::vector<std::shared_ptr<const RunResult>> m_results;
    int m_index = 0;
    bool m_cancelled = false;

    QTimer m_poll;
    QElapsedTimer m_clock;
    // None for the article's Python program, which the live view cannot watch.
    std::unique_ptr<Runner> m_runner;
    std::size_t m_cursor = 0;       // spans of the collector already handed to the model
    std::size_t m_detailCursor = 0; // and failure reasons
    std::size_t m_lanes = 0;        // lanes the model already has
    int m_liveGroup = -1;           // the model's group for the run, once its first lane exists
    int m_done = 0;
    // Declared last so it is joined before the runner it works on is destroyed.
    std::jthread m_thread;
};

} // namespace mtlab
