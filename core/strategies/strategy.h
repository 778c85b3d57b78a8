#pragma once

#include "experiment.h"

#include <memory>
#include <stop_token>

namespace mtlab {

class TraceCollector;
class Workload;
struct TaskOutcome;
struct WorkerContext;

// How tasks are spread over workers. run() returns when every task has ended or the run was
// cancelled, with every thread joined and every child process reaped.
class Strategy
{
public:
    virtual ~Strategy() = default;
    virtual void run(Workload &workload, const Experiment &experiment, TraceCollector &collector,
                     std::stop_token stop) = 0;
};

std::unique_ptr<Strategy> makeStrategy(StrategyKind kind);

// Runs one task on the calling worker and reports how it ended to the collector.
void runTask(Workload &workload, std::int32_t task, WorkerContext &context);
// Tells the collector how a task ended on a lane.
void reportTask(TraceCollector &collector, std::int32_t task, std::int32_t lane, TaskOutcome outcome);

// The lane where tasks wait between submission and pick-up (spans overlap there: one per task).
std::int32_t addQueueLane(TraceCollector &collector);

// Lanes name their OS thread so the timeline can tell which thread did what.
std::int64_t currentThreadId() noexcept;
std::int64_t currentProcessId() noexcept;

} // namespace mtlab
