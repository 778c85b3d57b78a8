// multitask-lab-cpu-worker: the process pool's worker for CPU work. It runs the same task code as
// multitask-lab-worker but does not link libcurl, whose dozens of libraries would take most of a
// worker's start-up time to load and a CPU task never uses.
#include "cpuworkload.h"
#include "experiment.h"
#include "workerloop.h"

namespace {

std::unique_ptr<mtlab::Workload> makeCpuWorkload(const mtlab::Experiment &experiment)
{
    if (experiment.workload != mtlab::WorkloadKind::Cpu)
        return nullptr;
    return std::make_unique<mtlab::CpuWorkload>(experiment.tasks, experiment.n);
}

} // namespace

int main(int argc, char *argv[])
{
    return mtlab::workerMain(argc, argv, makeCpuWorkload);
}
