#include "threadpoolstrategy.h"

#include "clock.h"
#include "interpreterlock.h"
#include "lane.h"
#include "recorder.h"
#include "taskqueue.h"
#include "tracecollector.h"
#include "workload.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace mtlab {

void ThreadPoolStrategy::run(Workload &workload, const Experiment &experiment, TraceCollector &collector,
                             std::stop_token stop)
{
    const int workers = experiment.workerCount();
    std::unique_ptr<InterpreterLock> gil;
    if (experiment.gil)
        gil = std::make_unique<InterpreterLock>(std::int64_t{experiment.switchMs} * 1'000'000);

    std::vector<std::int32_t> lanes;
    for (int w = 0; w < workers; ++w) {
        Lane lane;
        lane.kind = LaneKind::PoolThread;
        lane.name = "thread " + std::to_string(w + 1);
        lane.pid = currentProcessId();
        lane.sortIndex = w;
        lanes.push_back(collector.addLane(std::move(lane)));
    }
    const std::int32_t queueLane = addQueueLane(collector);

    TaskQueue queue;
    const std::int64_t submitted = nowNs();
    for (int task = 0; task < workload.taskCount(); ++task)
        queue.push({task, submitted});
    queue.close();
    collector.openWaits(queueLane, State::Queued, submitted, 0, workload.taskCount());
    std::stop_callback onCancel(stop, [&queue] { queue.clear(); });

    std::vector<std::int64_t> lastBusy(workers, submitted);
    {
        std::vector<std::jthread> threads;
        for (int w = 0; w < workers; ++w) {
            threads.emplace_back([&, w] {
                collector.setLaneIds(lanes[w], currentProcessId(), currentThreadId());
                Recorder recorder(collector, lanes[w]);
                // Each thread its own session, like the article's threading.local().
                const std::unique_ptr<WorkerSession> session = workload.openSession();
                WorkerContext context{recorder, stop, gil.get(), session.get()};
                while (const auto next = queue.pop()) {
                    const std::int64_t picked = nowNs();
                    recorder.recordOn(queueLane, State::Queued, next->task, next->submitted, picked);
                    runTask(workload, next->task, context);
                }
                lastBusy[w] = context.laneEnd > 0 ? context.laneEnd : nowNs();
            });
        }
    }
    // A thread that ran out of work waits for the others, as the executor's threads do.
    const std::int64_t poolEnd = nowNs();
    Recorder recorder(collector, lanes.front());
    for (int w = 0; w < workers; ++w)
        recorder.recordOn(lanes[w], State::Idle, -1, lastBusy[w], poolEnd);
}

} // namespace mtlab
