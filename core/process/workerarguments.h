#pragma once

#include <string>
#include <vector>

namespace mtlab {

struct Experiment;

// The options that rebuild this experiment's workload in a worker process: the worker is started
// as `multitask-lab-worker <workerArguments(experiment)>` and reads them with parseWorkerArguments.
std::vector<std::string> workerArguments(const Experiment &experiment);

} // namespace mtlab
