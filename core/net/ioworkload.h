#pragma once

#include "experiment.h"
#include "workload.h"

namespace mtlab {

// The article's I/O-bound workload: download one page N times. Each task is one GET through the
// worker's session, drawn as its libcurl phases, then a little CPU to handle the body.
class IoWorkload final : public Workload
{
public:
    IoWorkload(int tasks, IoOptions options);

    int taskCount() const override { return m_tasks; }
    TaskOutcome run(int task, WorkerContext &context) override;
    // One download awaiting its transfer on the loop's shared multi handle, as aiohttp does.
    AsyncTask<TaskOutcome> runAsync(std::int32_t task, AsyncContext &context) override;
    std::unique_ptr<WorkerSession> openSession() const override;

    const IoOptions &options() const noexcept { return m_options; }

private:
    int m_tasks;
    IoOptions m_options;
};

struct Download;
class Recorder;
class InterpreterLock;

// The part every strategy shares once a download has finished: draw its waiting on ioLane, handle
// the body on the CPU (on the recorder's own lane, under the interpreter lock if emulated) and
// say how the task ended. The event loop waits on a task's sub-lane but computes on its own lane.
// handled: when the task got back to the download (the loop resumed it), where its handling starts.
TaskOutcome completeDownload(const Download &download, std::int32_t task, std::int32_t ioLane,
                             Recorder &recorder, InterpreterLock *gil, std::int64_t handled);

} // namespace mtlab
