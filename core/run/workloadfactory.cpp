#include "workloadfactory.h"

#include "counterworkload.h"
#include "cpuworkload.h"
#include "experiment.h"
#include "ioworkload.h"
#include "workload.h"

namespace mtlab {

std::unique_ptr<Workload> makeWorkload(const Experiment &experiment)
{
    switch (experiment.workload) {
    case WorkloadKind::Cpu:
        return std::make_unique<CpuWorkload>(experiment.tasks, experiment.n);
    case WorkloadKind::Io:
        return std::make_unique<IoWorkload>(experiment.tasks, experiment.io);
    case WorkloadKind::Counter:
        return std::make_unique<CounterWorkload>(experiment.tasks, experiment.n, experiment.counter);
    }
    return nullptr;
}

} // namespace mtlab
