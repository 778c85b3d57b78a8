#pragma once

#include "strategy.h"

namespace mtlab {

// A pool of worker threads fed from one thread-safe queue, like ThreadPoolExecutor.map. With the
// interpreter lock emulated, their CPU work takes turns on one lock as under CPython.
class ThreadPoolStrategy final : public Strategy
{
public:
    void run(Workload &workload, const Experiment &experiment, TraceCollector &collector,
             std::stop_token stop) override;
};

} // namespace mtlab
