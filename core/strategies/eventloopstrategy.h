#pragma once

#include "strategy.h"

namespace mtlab {

// asyncio.gather(*tasks) on one event-loop thread: every task is created up front and the loop
// runs them one step at a time; experiment.io.maxInFlight > 0 bounds how many are in flight with a
// semaphore. The loop's lane shows its CPU work; each in-flight task has a sub-lane (a slot, reused
// by the next task) showing its waiting: queued in the ready list, then its I/O.
// With experiment.io.hogMs one more task, the hog (HogTask), computes without awaiting.
class EventLoopStrategy final : public Strategy
{
public:
    void run(Workload &workload, const Experiment &experiment, TraceCollector &collector,
             std::stop_token stop) override;
};

} // namespace mtlab
