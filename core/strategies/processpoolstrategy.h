#pragma once

#include "strategy.h"

namespace mtlab {

// A pool of worker processes (multitask-lab-worker, one per CPU by default) fed one task at a
// time each, like multiprocessing.Pool.imap with chunksize 1. Each worker rebuilds the workload
// from the experiment and runs tasks with the same code as the other strategies, in its own
// address space with its own interpreter lock, so CPU work runs in parallel even with --gil.
// A worker that dies fails its task and is replaced; the run always ends with every child reaped.
class ProcessPoolStrategy final : public Strategy
{
public:
    void run(Workload &workload, const Experiment &experiment, TraceCollector &collector,
             std::stop_token stop) override;
};

} // namespace mtlab
