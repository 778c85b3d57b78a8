#include "runcontroller.h"

#include "chrometrace.h"
#include "clock.h"
#include "pythonrunner.h"
#include "runner.h"
#include "runtitle.h"
#include "timelinemodel.h"
#include "tracecollector.h"

#include <QLocale>

namespace mtlab {

namespace {
// About 30 polls a second: smooth to the eye, and each poll moves one batch of spans.
constexpr int PollIntervalMs = 33;
} // namespace

RunController::RunController(QObject *parent)
    : QObject(parent)
{
    m_poll.setInterval(PollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &RunController::poll);
}

RunController::~RunController()
{
    // The run must end before the runner it uses goes away; the engine stops within 0.5 s.
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
}

void RunController::setModel(TimelineModel *model)
{
    m_model = model;
}

bool RunController::start(std::vector<Experiment> experiments)
{
    if (isRunning() || experiments.empty())
        return false;
    m_queue = std::move(experiments);
    m_results.clear();
    m_index = 0;
    m_cancelled = false;
    emit started();
    startNext();
    return true;
}

void RunController::startNext()
{
    const Experiment &experiment = m_queue.at(static_cast<std::size_t>(m_index));
    if (!experiment.python)
        m_runner = std::make_unique<Runner>(experiment);
    m_cursor = 0;
    m_detailCursor = 0;
    m_lanes = 0;
    m_liveGroup = -1;
    m_done = 0;
    if (m_model)
        m_model->clear();
    m_clock.start();
    // The article's own Python program has no live view: its trace is read once it has ended.
    m_thread = std::jthread([this, runner = m_runner.get(), experiment](std::stop_token stop) {
        auto result = std::make_shared<const RunResult>(runner ? runner->run(stop)
                                                               : runArticleProgram(experiment, stop));
        QMetaObject::invokeMethod(
            this, [this, result] { runEnded(result); }, Qt::QueuedConnection);
    });
    m_poll.start();
    emit runStarted(m_index);
    emit progress(0, experiment.tasks, 0);
}

void RunController::poll()
{
    if (!m_runner) {
        if (isRunning())
            emit progress(0, currentExperiment().tasks, elapsedMs());
        return;
    }
    TraceCollector &collector = m_runner->collector();
    m_done = collector.tasksDone();
    if (m_model) {
        std::vector<Lane> lanes = collector.lanes();
        // The collector's origin is set before the first lane is added, and lanes() takes the
        // collector's lock, so once a lane is seen the origin can be read safely.
        if (m_liveGroup < 0 && !lanes.empty())
            m_liveGroup = m_model->beginLive(runTitle(currentExperiment()), collector.origin(),
                                             currentExperiment());
        if (m_liveGroup >= 0) {
            std::vector<Span> spans = collector.spansSince(&m_cursor);
            // After the spans: a reason is added before any span that points to it.
            std::vector<std::string> details = collector.detailsSince(&m_detailCursor);
            std::vector<Span> open = collector.openSpans(nowNs());
            if (!spans.empty() || !details.empty() || !open.empty() || lanes.size() != m_lanes) {
                m_lanes = lanes.size();
                m_model->updateLive(m_liveGroup, lanes, std::move(spans), details, open);
            }
        }
    }
    emit progress(m_done, currentExperiment().tasks, elapsedMs());
}

void RunController::runEnded(std::shared_ptr<const RunResult> result)
{
    m_poll.stop();
    m_thread.join(); // it has handed over its result and is about to return
    m_runner.reset();
    m_done = result->ok + result->failed;
    if (m_model) {
        if (m_liveGroup >= 0)
            m_model->finishLive(m_liveGroup, *result);
        else
            m_model->addRun(*result);
    }
    m_results.push_back(result);
    emit progress(m_done, currentExperiment().tasks, elapsedMs());
    emit runFinished(m_index);
    const bool more = m_index + 1 < runCount();
    if (!m_cancelled && !result->cancelled && result->problem.empty() && more) {
        ++m_index;
        startNext();
        return;
    }
    emit finished(m_cancelled || result->cancelled);
}

void RunController::cancel()
{
    if (!isRunning())
        return;
    m_cancelled = true;
    m_thread.request_stop();
}

qint64 RunController::elapsedMs() const
{
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

QString RunController::runTitle(const Experiment &experiment)
{
    return mtlab::runTitle(experiment);
}

QString RunController::runSummary(const RunResult &run)
{
    const QString seconds = QLocale::c().toString(static_cast<double>(run.wallNs) / 1e9, 'f', 3);
    QString text = run.ok == run.experiment.tasks
        ? tr("%1 s, all %2 tasks ok").arg(seconds).arg(run.ok)
        : tr("%1 s, %2 of %3 tasks ok").arg(seconds).arg(run.ok).arg(run.experiment.tasks);
    if (run.failed > 0)
        text += tr(", %1 failed").arg(run.failed);
    if (run.counter)
        text += QStringLiteral("; ") + TimelineModel::counterOutcome(*run.counter);
    return text;
}

} // namespace mtlab
