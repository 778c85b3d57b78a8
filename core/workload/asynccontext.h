#pragma once

#include <cstdint>

namespace mtlab {

class EventLoop;
struct WorkerContext;

// What a task running under the event loop gets besides the WorkerContext every worker gives.
struct AsyncContext {
    EventLoop &loop;
    WorkerContext &worker;  // recorder on the loop's lane (CPU work goes there), stop token, no gil
    std::int32_t lane = -1; // the task's sub-lane, where its waiting is recorded (queued, I/O)
};

} // namespace mtlab
