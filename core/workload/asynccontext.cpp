#include "asynccontext.h"

#include "asynctask.h"
#include "workload.h"

namespace mtlab {

// Workload's coroutine entry point lives here rather than in workload.h, so that the plain
// workers (and the worker process) do not pull in the coroutine machinery. By default the task
// runs to completion on the loop thread without yielding, as a CPU-bound coroutine does in asyncio.
AsyncTask<TaskOutcome> Workload::runAsync(std::int32_t task, AsyncContext &context)
{
    // The loop's own moments between two tasks are not the next task's: it starts now.
    context.worker.laneEnd = 0;
    co_return run(task, context.worker);
}

} // namespace mtlab
