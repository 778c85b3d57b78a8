#pragma once

#include <memory>

namespace mtlab {

struct Experiment;
class Workload;

using WorkloadMaker = std::unique_ptr<Workload> (*)(const Experiment &experiment);

// The life of one process of the process pool: it rebuilds the experiment's workload from its
// arguments with `makeWorkload`, then runs the tasks the parent sends on stdin and reports each
// one's spans and outcome on stdout (the protocol is in core/process/workerprotocol.h). Qt-free on
// purpose. Returns the exit code.
int workerMain(int argc, char *argv[], WorkloadMaker makeWorkload);

} // namespace mtlab
