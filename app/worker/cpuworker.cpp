// multitask-lab-cpu-worker: the process pool's worker for CPU work. It runs the same task code as
// multitask-lab-worker but does not link libcurl, whose dozens of libraries would take most of a
// worker's start-up time to load and a CPU task never uses.
#include "counterworkload.h"
#include "cpuworkload.h"
#include "experiment.h"
#include "workerloop.h"

namespace {

std::unique_ptr<mtlab::Workload> makeCpuWorkload(const mtlab::Experiment &experiment)
{
    switch (experiment.workload) {
    case mtlab::WorkloadKind::Cpu:
        return std::make_unique<mtlab::CpuWorkload>(experiment.tasks, experiment.n);
    case mtlab::WorkloadKind::Counter:
        return std::make_unique<mtlab::CounterWorkload>(experiment.tasks, experiment.n, experiment.counter);
    case mtlab::WorkloadKind::Io:
        break;
    }
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    return mtlab::workerMain(argc, argv, makeCpuWorkload);
}
