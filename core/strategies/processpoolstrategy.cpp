#include "processpoolstrategy.h"

#include "childprocess.h"
#include "clock.h"
#include "tracecollector.h"
#include "workerarguments.h"
#include "workerprotocol.h"
#include "workload.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace mtlab {

namespace {

using std::chrono::milliseconds;

// A worker told to stop (end of input) gets this long to end on its own before SIGKILL.
constexpr milliseconds ExitGrace{200};
// At the normal end of a run a worker may still be starting up (slowly, under a sanitizer).
constexpr milliseconds FinishGrace{2000};
// A program that never says it is ready (not our worker at all) must not hang the run.
constexpr std::int64_t StartTimeoutNs = 10'000'000'000;

struct Worker {
    ChildProcess process;
    int number = 0; // K in "process K", counting replacements too
    std::int32_t lane = -1;
    std::int64_t spawnedNs = 0;
    std::int64_t idleSince = 0;
    bool ready = false;
    std::optional<TaskMessage> task; // the task it runs, and when it was sent
    std::string inbox;               // output not yet split into lines
    std::vector<Span> spans;         // the running task's spans, handed over with its outcome
};

// Wakes poll() from whichever thread cancels the run.
class WakeUp
{
public:
    WakeUp()
        : m_fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
    {
    }
    ~WakeUp()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    WakeUp(const WakeUp &) = delete;
    WakeUp &operator=(const WakeUp &) = delete;

    int fd() const noexcept { return m_fd; }
    void signal() noexcept
    {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_fd, &one, sizeof one);
    }
    void clear() noexcept
    {
        std::uint64_t count = 0;
        [[maybe_unused]] const ssize_t n = ::read(m_fd, &count, sizeof count);
    }

private:
    int m_fd;
};

// One run of the pool, driven from the calling thread with poll() over the workers' stdout.
class ProcessPool
{
public:
    ProcessPool(const Experiment &experiment, TraceCollector &collector, std::stop_token stop)
        : m_experiment(experiment)
        , m_collector(collector)
        , m_stop(std::move(stop))
        , m_program(workerProgram(experiment))
        , m_args(workerArguments(experiment))
    {
    }

    void run(int taskCount);

private:
    bool spawn();
    void dispatch();
    void waitForOutput(int timeoutMs);
    int untilStartTimeout(int timeoutMs);
    void readOutput(Worker &worker);
    std::string handleLine(Worker &worker, const std::string &line);
    void finishTask(Worker &worker, const DoneMessage &done);
    void retire(Worker &worker, const std::string &problem, milliseconds grace);
    void failTask(Worker &worker, const std::string &reason, std::int64_t now);
    void failPending(const std::string &reason);
    void endWorkers();
    void addSpan(Span span);
    int liveWorkers() const;
    bool unfinished() const noexcept { return m_finished < m_taskCount; }

    const Experiment &m_experiment;
    TraceCollector &m_collector;
    std::stop_token m_stop;
    std::string m_program;
    std::vector<std::string> m_args;
    std::vector<std::unique_ptr<Worker>> m_workers; // pointers stay valid as replacements join
    std::deque<std::int32_t> m_pending;
    std::int32_t m_queueLane = -1;
    std::int64_t m_submitted = 0;
    int m_taskCount = 0;
    int m_finished = 0;
    int m_spawned = 0;
    int m_spawnBudget = 0;
    bool m_ending = false;     // inputs closed: exits from now on are expected
    std::string m_lastProblem; // why the last worker could not start, for the tasks left over
    WakeUp m_wakeUp;
};

void ProcessPool::run(int taskCount)
{
    m_taskCount = taskCount;
    if (taskCount <= 0)
        return;
    // Bounded, so workers that keep dying cannot keep the run going forever.
    m_spawnBudget = m_experiment.workerCount() + taskCount;
    for (int w = 0; w < m_experiment.workerCount(); ++w)
        if (!spawn())
            break; // the next one would fail the same way
    m_queueLane = addQueueLane(m_collector);
    m_submitted = nowNs();
    for (int task = 0; task < taskCount; ++task)
        m_pending.push_back(task);
    m_collector.openWaits(m_queueLane, State::Queued, m_submitted, 0, taskCount);

    std::stop_callback onCancel(m_stop, [this] { m_wakeUp.signal(); });
    while (unfinished() && !m_stop.stop_requested()) {
        if (liveWorkers() == 0) {
            failPending(m_lastProblem);
            break;
        }
        dispatch();
        waitForOutput(-1);
    }
    endWorkers();
}

bool ProcessPool::spawn()
{
    --m_spawnBudget;
    auto worker = std::make_unique<Worker>();
    worker->spawnedNs = nowNs();
    if (const std::string error = worker->process.start(m_program, m_args); !error.empty()) {
        m_lastProblem = "cannot start worker " + m_program + ": " + error;
        return false;
    }
    worker->number = ++m_spawned;
    Lane lane;
    lane.kind = LaneKind::Process;
    lane.pid = worker->process.pid();
    lane.tid = lane.pid; // the worker computes on its main thread
    lane.name = "process " + std::to_string(worker->number) + " (pid " + std::to_string(lane.pid) + ')';
    lane.sortIndex = worker->number - 1;
    worker->lane = m_collector.addLane(std::move(lane));
    m_workers.push_back(std::move(worker));
    return true;
}

void ProcessPool::dispatch()
{
    for (const auto &worker : m_workers) {
        if (m_pending.empty())
            return;
        if (worker->process.reaped() || !worker->ready || worker->task)
            continue;
        const std::int32_t task = m_pending.front();
        m_pending.pop_front();
        const std::int64_t now = nowNs();
        addSpan(Span{
            .begin = m_submitted, .end = now, .lane = m_queueLane, .task = task, .state = State::Queued});
        worker->task = TaskMessage{task, now};
        // A worker that cannot take it has died: the end of its output follows and fails the task.
        worker->process.send(formatTask(*worker->task));
    }
}

void ProcessPool::waitForOutput(int timeoutMs)
{
    timeoutMs = untilStartTimeout(timeoutMs);
    if (m_wakeUp.fd() < 0 && (timeoutMs < 0 || timeoutMs > 10))
        timeoutMs = 10; // no eventfd: notice cancellation by looking often
    std::vector<pollfd> fds{{m_wakeUp.fd(), POLLIN, 0}};
    std::vector<Worker *> owners;
    for (const auto &worker : m_workers) {
        if (worker->process.reaped())
            continue;
        fds.push_back({worker->process.outputFd(), POLLIN, 0});
        owners.push_back(worker.get());
    }
    if (::poll(fds.data(), fds.size(), timeoutMs) <= 0)
        return;
    if (fds[0].revents != 0)
        m_wakeUp.clear();
    for (std::size_t i = 0; i < owners.size(); ++i)
        if (fds[i + 1].revents != 0 && !owners[i]->process.reaped())
            readOutput(*owners[i]);
}

// Retires the workers that took too long to start; the poll timeout that wakes up for the next.
int ProcessPool::untilStartTimeout(int timeoutMs)
{
    const std::int64_t now = nowNs();
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        Worker &worker = *m_workers[i];
        if (worker.ready || worker.process.reaped())
            continue;
        const std::int64_t left = worker.spawnedNs + StartTimeoutNs - now;
        if (left <= 0) {
            retire(worker, "did not say it was ready within 10 s", milliseconds(0));
            continue;
        }
        const int leftMs = static_cast<int>(left / 1'000'000) + 1;
        timeoutMs = timeoutMs < 0 ? leftMs : std::min(timeoutMs, leftMs);
    }
    return timeoutMs;
}

void ProcessPool::readOutput(Worker &worker)
{
    for (;;) {
        const ChildProcess::ReadResult result = worker.process.read(worker.inbox);
        while (const auto line = takeLine(worker.inbox)) {
            if (const std::string problem = handleLine(worker, *line); !problem.empty()) {
                retire(worker, problem, milliseconds(0));
                return;
            }
        }
        if (worker.inbox.size() > MaxLineBytes) {
            retire(worker, "sent a line longer than the protocol allows", milliseconds(0));
            return;
        }
        if (result == ChildProcess::ReadResult::Again)
            return;
        if (result == ChildProcess::ReadResult::End) {
            retire(worker, {}, ExitGrace);
            return;
        }
    }
}

std::string ProcessPool::handleLine(Worker &worker, const std::string &line)
{
    const auto message = parseWorkerMessage(line);
    if (!message)
        return "sent a malformed line: " + line.substr(0, 100);
    if (const auto *ready = std::get_if<ReadyMessage>(&*message)) {
        if (worker.ready)
            return "said it was ready twice";
        worker.ready = true;
        worker.idleSince = std::max(worker.spawnedNs, ready->ns);
        addSpan(Span{
            .begin = worker.spawnedNs, .end = worker.idleSince, .lane = worker.lane, .state = State::Spawn});
        return {};
    }
    if (const auto *span = std::get_if<SpanMessage>(&*message)) {
        if (!worker.task || span->span.task != worker.task->task)
            return "sent a span of task " + std::to_string(span->span.task) + ", which it does not run";
        Span s = span->span;
        s.lane = worker.lane;
        s.detail = span->detail.empty() ? -1 : m_collector.addDetail(span->detail);
        worker.spans.push_back(s);
        return {};
    }
    const auto &done = std::get<DoneMessage>(*message);
    if (!worker.task || done.task != worker.task->task)
        return "finished task " + std::to_string(done.task) + ", which it does not run";
    finishTask(worker, done);
    return {};
}

void ProcessPool::finishTask(Worker &worker, const DoneMessage &done)
{
    const std::int64_t now = nowNs();
    worker.spans.push_back(Span{.begin = std::min(done.sentNs, now),
                                .end = now,
                                .lane = worker.lane,
                                .task = done.task,
                                .state = State::Ipc});
    m_collector.append(worker.spans);
    reportTask(m_collector, done.task, worker.lane, done.outcome);
    ++m_finished;
    worker.task.reset();
    worker.idleSince = now;
}

// The worker's output has ended, or we give up on it: reap it and close its lane.
void ProcessPool::retire(Worker &worker, const std::string &problem, milliseconds grace)
{
    const int status = worker.process.end(grace);
    const std::int64_t now = nowNs();
    const std::string reason = "worker process " + std::to_string(worker.process.pid()) + ' ' +
        (problem.empty() ? ChildProcess::describe(status) : problem);
    const bool unexpected = !m_ending && !m_stop.stop_requested();
    if (worker.task) {
        failTask(worker, unexpected ? reason : "cancelled", now);
    } else if (!worker.ready) {
        addSpan(Span{.begin = worker.spawnedNs, .end = now, .lane = worker.lane, .state = State::Spawn});
        if (unexpected) {
            // Most likely every worker fails like this one, so it is not replaced.
            m_lastProblem = problem.empty() ? reason + " before it was ready" : reason;
            addSpan(Span{.begin = now,
                         .end = now,
                         .lane = worker.lane,
                         .detail = m_collector.addDetail(m_lastProblem),
                         .state = State::Failed});
            return;
        }
    } else {
        addSpan(Span{.begin = worker.idleSince, .end = now, .lane = worker.lane, .state = State::Idle});
        if (unexpected)
            addSpan(Span{.begin = now,
                         .end = now,
                         .lane = worker.lane,
                         .detail = m_collector.addDetail(reason),
                         .state = State::Failed});
    }
    if (unexpected && unfinished() && m_spawnBudget > 0)
        spawn();
}

void ProcessPool::failTask(Worker &worker, const std::string &reason, std::int64_t now)
{
    worker.spans.push_back(Span{.begin = now,
                                .end = now,
                                .lane = worker.lane,
                                .task = worker.task->task,
                                .detail = m_collector.addDetail(reason),
                                .state = State::Failed});
    m_collector.append(worker.spans);
    reportTask(m_collector, worker.task->task, worker.lane, TaskOutcome::failure(reason));
    ++m_finished;
    worker.task.reset();
}

// No worker is left to run them: each waiting task fails where it waited.
void ProcessPool::failPending(const std::string &reason)
{
    const std::int64_t now = nowNs();
    const std::int32_t detail = m_collector.addDetail(reason);
    std::vector<Span> spans;
    for (const std::int32_t task : m_pending) {
        spans.push_back(Span{
            .begin = m_submitted, .end = now, .lane = m_queueLane, .task = task, .state = State::Queued});
        spans.push_back(Span{.begin = now,
                             .end = now,
                             .lane = m_queueLane,
                             .task = task,
                             .detail = detail,
                             .state = State::Failed});
        reportTask(m_collector, task, m_queueLane, TaskOutcome::failure(reason));
        ++m_finished;
    }
    m_pending.clear();
    m_collector.append(spans);
}

// End of input for every worker: idle ones exit, running ones cancel their task and report it.
// Whoever has not ended when the grace runs out (shorter once the run is cancelled) is killed.
void ProcessPool::endWorkers()
{
    m_ending = true;
    for (const auto &worker : m_workers)
        worker->process.closeInput();
    const auto started = std::chrono::steady_clock::now();
    while (liveWorkers() > 0) {
        const milliseconds grace = m_stop.stop_requested() ? ExitGrace : FinishGrace;
        const auto left = std::chrono::duration_cast<milliseconds>(started + grace -
                                                                   std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        waitForOutput(static_cast<int>(left.count()) + 1);
    }
    for (std::size_t i = 0; i < m_workers.size(); ++i)
        if (!m_workers[i]->process.reaped())
            retire(*m_workers[i], "did not end in time", milliseconds(0));
}

void ProcessPool::addSpan(Span span)
{
    std::vector<Span> batch{span};
    m_collector.append(batch);
}

int ProcessPool::liveWorkers() const
{
    return static_cast<int>(std::count_if(m_workers.begin(), m_workers.end(),
                                          [](const auto &w) { return !w->process.reaped(); }));
}

} // namespace

void ProcessPoolStrategy::run(Workload &workload, const Experiment &experiment, TraceCollector &collector,
                              std::stop_token stop)
{
    ProcessPool(experiment, collector, std::move(stop)).run(workload.taskCount());
}

} // namespace mtlab
