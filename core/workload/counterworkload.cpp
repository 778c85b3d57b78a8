#include "counterworkload.h"

#include "asynccontext.h"
#include "asyncsemaphore.h"
#include "asynctask.h"
#include "clock.h"
#include "eventloop.h"
#include "recorder.h"

#include <algorithm>
#include <map>
#include <thread>
#include <utility>

namespace mtlab {

namespace {

// The bytecodes between LOAD and STORE: a little work the optimiser cannot remove.
void computeInWindow() noexcept
{
    for (int i = 0; i < CounterWorkload::WindowSpins; ++i) {
        int step = i;
        asm volatile("" : "+r"(step));
    }
}

TaskOutcome cancelled(Recorder &recorder, std::int32_t lane, std::int32_t task, std::int64_t now)
{
    recorder.recordOn(lane, State::Failed, task, now, now, IoPhase::None, recorder.detail("cancelled"));
    return TaskOutcome::failure("cancelled");
}

// The most sections in progress at one instant, over all lanes (an end before a begin at a tie).
int mostAtOnce(const Trace &trace)
{
    std::vector<std::pair<std::int64_t, int>> edges;
    for (const Span &s : trace.spans()) {
        if ((s.state == State::Cpu || s.state == State::Race) && s.task >= 0 && s.end > s.begin) {
            edges.emplace_back(s.begin, 1);
            edges.emplace_back(s.end, -1);
        }
    }
    std::sort(edges.begin(), edges.end());
    int now = 0, most = 0;
    for (const auto &[time, step] : edges) {
        now += step;
        most = std::max(most, now);
    }
    return most;
}

} // namespace

CounterWorkload::CounterWorkload(int tasks, std::uint64_t n, CounterOptions options)
    : m_tasks(tasks)
    , m_n(n)
    , m_options(options)
    , m_permits(std::max(1, options.permits))
{
}

CounterWorkload::~CounterWorkload() = default;

std::uint64_t CounterWorkload::sectionSize() const noexcept
{
    return std::max<std::uint64_t>(1, (m_n + SectionsPerTask - 1) / SectionsPerTask);
}

// Waits for the lock or a permit, if the run uses one; returns when the section starts. A guarded
// section is timed from inside the guard (its end too, in run()), so the timeline never shows more
// tasks inside at once than the guard lets in: the instant between two sections of one thread,
// when it lets go and takes the guard again, belongs to no span.
std::int64_t CounterWorkload::enter(Recorder &recorder, std::int32_t task, std::int64_t since)
{
    switch (m_options.sync) {
    case SyncKind::None:
        return since;
    case SyncKind::Lock:
        if (m_lock.try_lock())
            return nowNs();
        m_lock.lock();
        break;
    case SyncKind::Semaphore:
        if (m_permits.try_acquire())
            return nowNs();
        m_permits.acquire();
        break;
    }
    const std::int64_t now = nowNs();
    recorder.record(State::LockWait, task, since, now);
    return now;
}

void CounterWorkload::leave()
{
    if (m_options.sync == SyncKind::Lock)
        m_lock.unlock();
    else if (m_options.sync == SyncKind::Semaphore)
        m_permits.release();
}

// `counter += 1`, count times. Returns how many of them saw another task's write in their window:
// each of those writes back a stale value and loses that task's updates.
std::int64_t CounterWorkload::addRacily(std::uint64_t count)
{
    std::int64_t overlaps = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::int64_t read = m_counter.load(std::memory_order_relaxed);
        computeInWindow();
        std::this_thread::yield(); // where the interpreter may switch threads
        if (m_counter.load(std::memory_order_relaxed) != read)
            ++overlaps;
        m_counter.store(read + 1, std::memory_order_relaxed);
    }
    m_overlaps.fetch_add(overlaps, std::memory_order_relaxed);
    return overlaps;
}

TaskOutcome CounterWorkload::run(int task, WorkerContext &context)
{
    Recorder &recorder = context.recorder;
    std::int64_t since = context.laneEnd > 0 ? context.laneEnd : nowNs();
    for (std::uint64_t done = 0; done < m_n;) {
        if (context.stop.stop_requested()) {
            context.laneEnd = since;
            return cancelled(recorder, recorder.lane(), task, since);
        }
        const std::uint64_t count = std::min(sectionSize(), m_n - done);
        const std::int64_t begin = enter(recorder, task, since);
        const std::int64_t overlaps = addRacily(count);
        const std::int64_t end = nowNs();
        leave();
        recorder.record(overlaps > 0 ? State::Race : State::Cpu, task, begin, end);
        recorder.flush(); // a live view sees the sections as they end
        since = end;
        done += count;
    }
    context.laneEnd = since;
    TaskOutcome outcome;
    outcome.value = static_cast<u128>(value());
    return outcome;
}

AsyncTask<TaskOutcome> CounterWorkload::runAsync(std::int32_t task, AsyncContext &context)
{
    if (m_options.yieldInside)
        return runYieldingInside(task, context);
    return Workload::runAsync(task, context);
}

// asyncio's `value = counter; await asyncio.sleep(0); counter = value + 1`: the await hands the
// loop to the other tasks in the middle of the update. The sections go on the task's sub-lane,
// since the task holds its place in one while it sits in the loop's ready list.
AsyncTask<TaskOutcome> CounterWorkload::runYieldingInside(std::int32_t task, AsyncContext &context)
{
    Recorder &recorder = context.worker.recorder;
    if (m_options.sync != SyncKind::None && !m_asyncGate)
        m_asyncGate = std::make_unique<AsyncSemaphore>(
            context.loop, m_options.sync == SyncKind::Lock ? 1 : std::max(1, m_options.permits));
    std::int64_t since = nowNs();
    for (std::uint64_t done = 0; done < m_n;) {
        if (context.worker.stop.stop_requested())
            co_return cancelled(recorder, context.lane, task, since);
        const std::uint64_t count = std::min(sectionSize(), m_n - done);
        if (m_asyncGate && !m_asyncGate->tryAcquire()) {
            co_await m_asyncGate->acquire();
            const std::int64_t now = nowNs();
            recorder.recordOn(context.lane, State::LockWait, task, since, now);
            since = now;
        }
        std::int64_t overlaps = 0;
        for (std::uint64_t i = 0; i < count; ++i) {
            const std::int64_t read = m_counter.load(std::memory_order_relaxed);
            co_await context.loop.yield();
            if (m_counter.load(std::memory_order_relaxed) != read)
                ++overlaps;
            m_counter.store(read + 1, std::memory_order_relaxed);
        }
        m_overlaps.fetch_add(overlaps, std::memory_order_relaxed);
        const std::int64_t end = nowNs();
        if (m_asyncGate)
            m_asyncGate->release();
        recorder.recordOn(context.lane, overlaps > 0 ? State::Race : State::Cpu, task, since, end);
        since = end;
        done += count;
    }
    TaskOutcome outcome;
    outcome.value = static_cast<u128>(value());
    co_return outcome;
}

CounterReport CounterWorkload::report(const Trace &trace) const
{
    CounterReport report;
    report.expected = static_cast<std::int64_t>(m_n) * m_tasks;
    report.result = value();
    report.overlaps = m_overlaps.load(std::memory_order_relaxed);
    report.maxInside = mostAtOnce(trace);

    // A worker process reports its own copy after each task; the last (largest) is where it ended.
    std::map<std::int32_t, std::int64_t> copies;
    for (const Lane &lane : trace.lanes())
        if (lane.kind == LaneKind::Process)
            copies[lane.id] = 0;
    for (const TaskRecord &task : trace.tasks())
        if (const auto copy = copies.find(task.lane); copy != copies.end() && task.ok)
            copy->second = std::max(copy->second, static_cast<std::int64_t>(task.value));
    std::int64_t counted = report.result;
    if (!copies.empty()) {
        counted = 0;
        for (const auto &[lane, copy] : copies) {
            report.perProcess.push_back(copy);
            counted += copy;
        }
        report.note = "each worker process added to its own copy of the counter; the parent's copy is "
                      "unchanged (" +
            std::to_string(report.result) + ") unless the results are sent back to it";
    }
    report.lost = report.expected - counted;
    if (report.lost > 0 && copies.empty())
        report.note = "updates were lost: tasks read the same value and each wrote it back plus one";

    for (int s = 0; s < StateCount; ++s) {
        const auto state = static_cast<State>(s);
        if (std::any_of(trace.spans().begin(), trace.spans().end(),
                        [state](const Span &span) { return span.state == state; }))
            report.states.emplace_back(stateName(state));
    }
    return report;
}

} // namespace mtlab
