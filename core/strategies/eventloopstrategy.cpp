#include "eventloopstrategy.h"

#include "asynccontext.h"
#include "asyncsemaphore.h"
#include "asynctask.h"
#include "clock.h"
#include "eventloop.h"
#include "gather.h"
#include "hogtask.h"
#include "lane.h"
#include "recorder.h"
#include "tracecollector.h"
#include "workload.h"

#include <deque>
#include <exception>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace mtlab {

namespace {

// A task in flight: the slot (sub-lane) it holds, and since when it is ready to run.
struct Admission {
    int slot = -1;
    std::int64_t since = 0;
};

// One run on the loop thread: the task coroutines and the bookkeeping they share. It lives on
// the loop thread and only that thread touches it, so none of it needs a lock.
class LoopRun
{
public:
    LoopRun(Workload &workload, const Experiment &experiment, EventLoop &loop, WorkerContext &worker,
            std::int32_t loopLane)
        : m_workload(workload)
        , m_loop(loop)
        , m_worker(worker)
        , m_recorder(worker.recorder)
        , m_loopLane(loopLane)
        , m_pid(currentProcessId())
        , m_tid(currentThreadId())
    {
        if (experiment.io.hogMs > 0)
            m_hog.emplace(loop, experiment.io, m_recorder, loopLane, worker.stop);
        const int limit = experiment.io.maxInFlight;
        if (limit > 0 && limit < workload.taskCount()) {
            m_semaphore.emplace(loop, limit);
            // Tasks waiting for a permit, as the thread pool's queue lane shows tasks waiting
            // for a thread; the waiters are coroutines of the loop thread.
            m_queueLane = addQueueLane(m_recorder.collector());
            m_recorder.collector().setLaneIds(m_queueLane, m_pid, m_tid);
        }
    }

    AsyncTask<void> all()
    {
        m_created = nowNs();
        std::vector<AsyncTask<void>> tasks;
        for (int task = 0; task < m_workload.taskCount(); ++task)
            tasks.push_back(runTask(task));
        if (m_hog)
            tasks.push_back(m_hog->run());
        // Eager, so that each task takes its slot, or its place in the semaphore's queue, now and
        // in order; the first steps then wait their turn in the ready list.
        co_await gather(m_loop, std::move(tasks), GatherStart::Eager);
    }

private:
    AsyncTask<void> runTask(std::int32_t task)
    {
        Admission admission;
        if (!m_semaphore || m_semaphore->tryAcquire()) {
            admission = Admission{takeSlot(), m_created};
            co_await m_loop.yield(); // as create_task() does: the first step waits its turn
        } else {
            m_recorder.collector().openWaits(m_queueLane, State::Queued, m_created, task);
            co_await m_semaphore->acquire(); // woken in order, by a finishing task's release()
            admission = m_handoffs.front();
            m_handoffs.pop_front();
            m_recorder.recordOn(m_queueLane, State::Queued, task, m_created, admission.since);
        }
        if (m_worker.stop.stop_requested())
            co_return; // cancelled before it ran: dropped, like the pool's queued tasks
        const std::int32_t lane = laneOf(admission.slot);
        // Runnable from here on, but the loop runs one step at a time: in its ready list until then.
        m_recorder.recordOn(lane, State::Ready, task, admission.since, nowNs());

        CancelGuard cancelled{*this, task, lane};
        AsyncContext context{m_loop, m_worker, lane};
        TaskOutcome outcome;
        try {
            outcome = co_await m_workload.runAsync(task, context);
        } catch (const std::exception &error) {
            outcome = failure(task, lane, error.what());
        } catch (...) {
            outcome = failure(task, lane, "unknown exception");
        }
        cancelled.armed = false;
        report(task, std::move(outcome));
        release(admission.slot);
    }

    // A started task that a cancel tears down while it awaits (its frame is destroyed with the
    // loop's tasks) ends "cancelled", as a running task does under the other strategies.
    struct CancelGuard {
        LoopRun &run;
        std::int32_t task;
        std::int32_t lane;
        bool armed = true;
        ~CancelGuard()
        {
            if (armed)
                run.report(task, run.failure(task, lane, "cancelled"));
        }
    };

    // The lowest free slot; a new one (and its sub-lane) when all are taken.
    int takeSlot()
    {
        if (!m_freeSlots.empty())
            return m_freeSlots.extract(m_freeSlots.begin()).value();
        const int slot = static_cast<int>(m_slotLanes.size());
        Lane lane;
        lane.kind = LaneKind::AsyncTask;
        lane.name = "task slot " + std::to_string(slot + 1);
        lane.pid = m_pid;
        lane.tid = m_tid;
        lane.parent = m_loopLane;
        lane.sortIndex = slot + 1;
        m_slotLanes.push_back(m_recorder.collector().addLane(std::move(lane)));
        return slot;
    }

    std::int32_t laneOf(int slot) const { return m_slotLanes.at(static_cast<std::size_t>(slot)); }

    void release(int slot)
    {
        if (!m_semaphore) {
            m_freeSlots.insert(slot);
            return;
        }
        // The permit goes straight to the longest waiter, and the slot with it: it is the only
        // free one then, and handing it over keeps the waiter's ready time on a free sub-lane.
        if (m_semaphore->waiting() > 0)
            m_handoffs.push_back(Admission{slot, nowNs()});
        else
            m_freeSlots.insert(slot);
        m_semaphore->release();
    }

    TaskOutcome failure(std::int32_t task, std::int32_t lane, const char *why)
    {
        const std::int64_t now = nowNs();
        m_recorder.recordOn(lane, State::Failed, task, now, now, IoPhase::None, m_recorder.detail(why));
        return TaskOutcome::failure(why);
    }

    // As runTask() in strategy.cpp reports a task, with the loop as the worker that ran it.
    void report(std::int32_t task, TaskOutcome outcome)
    {
        m_recorder.flush();
        reportTask(m_recorder.collector(), task, m_loopLane, std::move(outcome));
    }

    Workload &m_workload;
    EventLoop &m_loop;
    WorkerContext &m_worker;
    Recorder &m_recorder;
    std::int32_t m_loopLane;
    // Asked once: ten thousand sub-lanes would otherwise cost two system calls each.
    std::int64_t m_pid, m_tid;
    std::int32_t m_queueLane = -1;
    std::optional<AsyncSemaphore> m_semaphore;
    std::optional<HogTask> m_hog; // the task that starves the loop, when asked for
    std::vector<std::int32_t> m_slotLanes;
    std::set<int> m_freeSlots;
    // Slots passed on by finishing tasks, in the order the waiters they woke will resume.
    std::deque<Admission> m_handoffs;
    std::int64_t m_created = 0;
};

} // namespace

void EventLoopStrategy::run(Workload &workload, const Experiment &experiment, TraceCollector &collector,
                            std::stop_token stop)
{
    Lane lane;
    lane.kind = LaneKind::EventLoop;
    lane.name = "event loop";
    lane.pid = currentProcessId();
    const std::int32_t loopLane = collector.addLane(std::move(lane));

    EventLoop loop;
    std::exception_ptr error;
    {
        // Cancelling wakes the loop at once, even out of epoll_wait; the running CPU task notices
        // the stop token by itself, and the tasks that have not started are dropped.
        std::stop_callback onCancel(stop, [&loop] { loop.stop(); });
        std::jthread thread([&] {
            try {
                collector.setLaneIds(loopLane, currentProcessId(), currentThreadId());
                Recorder recorder(collector, loopLane);
                const std::unique_ptr<WorkerSession> session = workload.openSession();
                WorkerContext worker{recorder, stop, nullptr, session.get()};
                LoopRun run(workload, experiment, loop, worker, loopLane);
                loop.runUntilComplete(run.all());
            } catch (...) {
                error = std::current_exception();
            }
        });
    }
    if (error)
        std::rethrow_exception(error);
}

} // namespace mtlab
