#include "runner.h"

#include "clock.h"
#include "strategy.h"
#include "tracecollector.h"
#include "workload.h"

namespace mtlab {

Runner::Runner(Experiment experiment)
    : m_experiment(std::move(experiment))
    , m_collector(std::make_unique<TraceCollector>(nowNs()))
{
}

Runner::~Runner() = default;

RunResult Runner::run(std::stop_token stop)
{
    RunResult result;
    result.experiment = m_experiment;
    const std::unique_ptr<Workload> workload = makeWorkload(m_experiment);
    const std::unique_ptr<Strategy> strategy = makeStrategy(m_experiment.strategy);
    const std::int64_t begin = nowNs();
    m_collector->setOrigin(begin);
    if (workload && strategy)
        strategy->run(*workload, m_experiment, *m_collector, stop);
    else
        result.problem = "this workload is not available";
    result.wallNs = nowNs() - begin;
    result.cancelled = stop.stop_requested();
    result.trace = m_collector->finish();
    for (const TaskRecord &task : result.trace.tasks()) {
        if (task.ok) {
            ++result.ok;
            result.result += task.value;
            result.bytes += task.bytes;
        } else {
            ++result.failed;
            ++result.errors[task.error];
        }
    }
    return result;
}

} // namespace mtlab
