#pragma once

#include <string>
#include <vector>

namespace mtlab {

struct Experiment;

// The options that rebuild this experiment's workload in a worker process: the worker is started
// as `multitask-lab-worker <workerArguments(experiment)>` and reads them with parseWorkerArguments.
std::vector<std::string> workerArguments(const Experiment &experiment);

// The worker executable for this experiment: the one it names, else for CPU work (and the shared
// counter) the CPU worker, which does not link libcurl and so starts in a few milliseconds instead
// of some 25 (loading and initialising libcurl's dozens of libraries), else the worker that runs
// every workload.
std::string workerProgram(const Experiment &experiment);

} // namespace mtlab
