#include "strategy.h"

#include "eventloopstrategy.h"
#include "processpoolstrategy.h"
#include "recorder.h"
#include "syncstrategy.h"
#include "threadpoolstrategy.h"
#include "tracecollector.h"
#include "workload.h"

#include <unistd.h>

namespace mtlab {

std::unique_ptr<Strategy> makeStrategy(StrategyKind kind)
{
    switch (kind) {
    case StrategyKind::Sync:
        return std::make_unique<SyncStrategy>();
    case StrategyKind::Threads:
        return std::make_unique<ThreadPoolStrategy>();
    case StrategyKind::Async:
        return std::make_unique<EventLoopStrategy>();
    case StrategyKind::Processes:
        return std::make_unique<ProcessPoolStrategy>();
    }
    return nullptr;
}

void runTask(Workload &workload, std::int32_t task, WorkerContext &context)
{
    TaskOutcome outcome = workload.run(task, context);
    context.recorder.flush();
    reportTask(context.recorder.collector(), task, context.recorder.lane(), std::move(outcome));
}

void reportTask(TraceCollector &collector, std::int32_t task, std::int32_t lane, TaskOutcome outcome)
{
    TaskRecord record;
    record.task = task;
    record.lane = lane;
    record.ok = outcome.ok;
    record.newConnection = outcome.newConnection;
    record.value = outcome.value;
    record.bytes = outcome.bytes;
    record.cpuNs = outcome.cpuNs;
    record.error = std::move(outcome.error);
    collector.taskFinished(std::move(record));
}

std::int32_t addQueueLane(TraceCollector &collector)
{
    Lane lane;
    lane.kind = LaneKind::Queue;
    lane.name = "queue";
    lane.pid = currentProcessId();
    return collector.addLane(std::move(lane));
}

std::int64_t currentThreadId() noexcept
{
    return static_cast<std::int64_t>(::gettid());
}

std::int64_t currentProcessId() noexcept
{
    return static_cast<std::int64_t>(::getpid());
}

} // namespace mtlab
