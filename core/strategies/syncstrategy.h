#pragma once

#include "strategy.h"

namespace mtlab {

// Every task on the calling thread, one after another.
class SyncStrategy final : public Strategy
{
public:
    void run(Workload &workload, const Experiment &experiment, TraceCollector &collector,
             std::stop_token stop) override;
};

} // namespace mtlab
