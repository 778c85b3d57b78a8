#pragma once

#include "trace.h"

#include <memory>
#include <stop_token>
#include <string>

namespace mtlab {

class InterpreterLock;
class Recorder;
struct AsyncContext;
struct Experiment;
template <typename T>
class AsyncTask;

// What a worker keeps from one task to the next, like a thread-local `requests.Session` or one
// made by a process pool's initializer. The strategy opens one per worker (Workload::openSession).
class WorkerSession
{
public:
    virtual ~WorkerSession() = default;
};

// Everything a task needs from the worker that runs it.
struct WorkerContext {
    Recorder &recorder;               // the worker's lane
    std::stop_token stop;             // the run was cancelled
    InterpreterLock *gil = nullptr;   // the process's interpreter lock, when emulated
    WorkerSession *session = nullptr; // this worker's own session, if the workload keeps one
    // Where the worker's lane was last accounted for, 0 if unknown. A task that keeps it begins
    // its first span here and leaves it where its last span ends, so that the worker's moments
    // between tasks belong to a state too rather than to an unlabelled gap.
    std::int64_t laneEnd = 0;
};

struct TaskOutcome {
    bool ok = true;
    bool newConnection = false;
    u128 value = 0;
    std::int64_t bytes = 0;
    std::int64_t cpuNs = 0; // CPU: the thread CPU time the task used (0: not measured)
    std::string error;

    static TaskOutcome failure(std::string why)
    {
        TaskOutcome o;
        o.ok = false;
        o.error = std::move(why);
        return o;
    }
};

// One kind of work, split into tasks. run() executes one task to completion on the calling
// worker and records its spans on the worker's lane; the strategies only decide who runs what
// and when, so every strategy runs exactly the same task code (in a worker process too).
class Workload
{
public:
    virtual ~Workload() = default;
    virtual int taskCount() const = 0;
    virtual TaskOutcome run(int task, WorkerContext &context) = 0;
    // The event loop's entry point (defined in asynccontext.cpp): by default run() on the loop
    // thread, which holds the loop until done, as CPU work does under asyncio. I/O overrides it.
    virtual AsyncTask<TaskOutcome> runAsync(std::int32_t task, AsyncContext &context);
    // A worker's session, opened once when the worker starts; none by default.
    virtual std::unique_ptr<WorkerSession> openSession() const { return nullptr; }
};

} // namespace mtlab
