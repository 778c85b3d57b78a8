#pragma once

#include "asynctask.h"

#include <chrono>
#include <cstdint>
#include <stop_token>

namespace mtlab {

class EventLoop;
class Recorder;
struct IoOptions;

// One extra task among the downloads that computes io.hogMs without an await: a coroutine that
// never gives the loop back, like a CPU-heavy function called inside `async def`. While it runs
// the loop can neither read the answers that arrive nor resume their tasks, so they sit in the
// ready list. With io.hogSliceMs it computes in slices of that length and yields between them
// (`await asyncio.sleep(0)`), which lets the waiting tasks through. Its computing is recorded as
// cpu on a lane of its own, below the loop's, named after what it does; it is no task of the
// workload, so its spans carry no task id and it counts in no task's figures. Loop thread only.
class HogTask
{
public:
    HogTask(EventLoop &loop, const IoOptions &io, Recorder &recorder, std::int32_t loopLane,
            std::stop_token stop);

    AsyncTask<void> run();

    // When it starts computing: half the server's delay into the run, once the downloads'
    // requests are out and before their answers are due, so that they arrive while it computes.
    static std::chrono::milliseconds startsAfter(const IoOptions &io);

private:
    EventLoop &m_loop;
    Recorder &m_recorder;
    std::stop_token m_stop;
    std::chrono::milliseconds m_start, m_total, m_slice;
    std::int32_t m_lane = -1;
};

} // namespace mtlab
