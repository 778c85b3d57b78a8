#include "syncstrategy.h"

#include "lane.h"
#include "recorder.h"
#include "tracecollector.h"
#include "workload.h"

namespace mtlab {

void SyncStrategy::run(Workload &workload, const Experiment &, TraceCollector &collector,
                       std::stop_token stop)
{
    Lane lane;
    lane.kind = LaneKind::MainThread;
    lane.name = "main thread";
    lane.pid = currentProcessId();
    lane.tid = currentThreadId();
    Recorder recorder(collector, collector.addLane(std::move(lane)));
    const std::unique_ptr<WorkerSession> session = workload.openSession();
    WorkerContext context{recorder, stop, nullptr, session.get()};
    for (int task = 0; task < workload.taskCount() && !stop.stop_requested(); ++task)
        runTask(workload, task, context);
}

} // namespace mtlab
