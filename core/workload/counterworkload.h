#pragma once

#include "counterreport.h"
#include "experiment.h"
#include "workload.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <semaphore>

namespace mtlab {

class AsyncSemaphore;

// The article's race: tasks each add 1 to one shared counter n times, with `counter += 1` taken
// apart as CPython runs it: read the value, compute, write the value plus one. Between the read
// and the write lies a window with a yield point (where CPython may switch threads), so a task
// that is preempted there writes back a stale value and the updates made meanwhile are lost.
// The counter is an atomic read and written with separate relaxed operations: the updates race
// as the lesson needs, without the undefined behaviour of a plain data race.
//
// The increments run in sections (SectionsPerTask per task); a lock or semaphore is held for a
// whole section, and each section is one span: `race` when another task wrote the counter inside
// one of its windows, else `cpu`; waiting to enter it is `lock-wait`. So a million increments make
// a few dozen spans per task, not a million.
class CounterWorkload final : public Workload
{
public:
    CounterWorkload(int tasks, std::uint64_t n, CounterOptions options);
    ~CounterWorkload() override;

    int taskCount() const override { return m_tasks; }
    TaskOutcome run(int task, WorkerContext &context) override;
    AsyncTask<TaskOutcome> runAsync(std::int32_t task, AsyncContext &context) override;

    // This process's counter (a worker process has its own copy, which never reaches the parent's).
    std::int64_t value() const noexcept { return m_counter.load(std::memory_order_relaxed); }
    // What the run did to the counter, with the facts the trace gives (sections, worker processes).
    CounterReport report(const Trace &trace) const;

    static constexpr std::uint64_t SectionsPerTask = 40;
    // Work between the read and the write (the bytecodes of `counter + 1`), before the yield point.
    static constexpr int WindowSpins = 50;

private:
    std::uint64_t sectionSize() const noexcept;
    std::int64_t enter(Recorder &recorder, std::int32_t task, std::int64_t since);
    void leave();
    std::int64_t addRacily(std::uint64_t count);
    AsyncTask<TaskOutcome> runYieldingInside(std::int32_t task, AsyncContext &context);

    int m_tasks;
    std::uint64_t m_n;
    CounterOptions m_options;
    std::atomic<std::int64_t> m_counter{0};
    std::atomic<std::int64_t> m_overlaps{0};
    std::mutex m_lock;
    std::counting_semaphore<> m_permits;
    std::unique_ptr<AsyncSemaphore> m_asyncGate; // the event loop's lock or semaphore, made on it
};

} // namespace mtlab
