#include "workerloop.h"

#include "clock.h"
#include "interpreterlock.h"
#include "printable.h"
#include "recorder.h"
#include "runarguments.h"
#include "taskqueue.h"
#include "tracecollector.h"
#include "workerprotocol.h"
#include "workload.h"

#include <algorithm>
#include <cerrno>
#include <errno.h> // program_invocation_short_name
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stop_token>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include <unistd.h>

namespace mtlab {

namespace {

// Whole messages straight to fd 1: no stdio buffer that could hold a result back.
void send(std::string_view text)
{
    while (!text.empty()) {
        const ssize_t written = ::write(STDOUT_FILENO, text.data(), text.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            std::_Exit(1); // the parent is gone; nobody is left to read the results
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

[[noreturn]] void malformed(const std::string &what)
{
    std::cerr << program_invocation_short_name << ": " << what << '\n';
    std::_Exit(2); // from the reader thread, so no exit handlers race the running task
}

// Reads tasks from stdin on its own thread, so the end of input is noticed during a task: it
// means the parent wants us gone (or is gone itself), so the running task is cancelled.
void readTasks(TaskQueue &queue, std::stop_source &stop, int taskCount)
{
    std::string buffer;
    char chunk[4096];
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        buffer.append(chunk, static_cast<std::size_t>(got));
        while (const auto line = takeLine(buffer)) {
            const auto task = parseTask(*line);
            if (!task || task->task >= taskCount)
                malformed("malformed line on stdin: '" + printable(*line) + "'");
            queue.push({task->task, task->sentNs});
        }
        if (buffer.size() > MaxLineBytes)
            malformed("line on stdin too long");
    }
    if (!buffer.empty())
        malformed("stdin ends inside a line");
    stop.request_stop();
    queue.clear();
}

// Runs one task with the same code as every strategy and returns the messages reporting it.
std::string runReceivedTask(Workload &workload, std::int32_t task, std::int64_t received,
                            std::stop_token stop, InterpreterLock *gil, WorkerSession *session)
{
    // A collector per task: its finished trace maps each span's detail index back to the text.
    TraceCollector collector(nowNs());
    Lane lane;
    lane.kind = LaneKind::Process;
    lane.pid = ::getpid();
    lane.tid = ::gettid();
    TaskOutcome outcome;
    {
        Recorder recorder(collector, collector.addLane(std::move(lane)));
        // The task starts where its ipc span ends, so the lane has no gap in between.
        WorkerContext context{recorder, std::move(stop), gil, session, received};
        outcome = workload.run(task, context);
    }
    const Trace trace = collector.finish();
    std::string messages;
    for (const Span &span : trace.spans())
        messages += formatSpan(span, trace.detail(span.detail));
    messages += formatDone({task, std::move(outcome), nowNs()});
    return messages;
}

int serve(const Experiment &experiment, WorkloadMaker makeWorkload)
{
    const std::unique_ptr<Workload> workload = makeWorkload(experiment);
    if (!workload) {
        std::cerr << program_invocation_short_name << ": this workload is not available\n";
        return 2;
    }
    // One interpreter lock per process, as in CPython: with one computing thread it is never
    // contended, which is the point of using processes.
    std::unique_ptr<InterpreterLock> gil;
    if (experiment.gil)
        gil = std::make_unique<InterpreterLock>(std::int64_t{experiment.switchMs} * 1'000'000);
    // Opened once for the process, like a session made by a pool's initializer: it lasts from
    // task to task, so connections are reused as in the other strategies.
    const std::unique_ptr<WorkerSession> session = workload->openSession();
    send(formatReady({::getpid(), nowNs()}));

    TaskQueue queue;
    std::stop_source stop;
    std::jthread reader([&] { readTasks(queue, stop, workload->taskCount()); });
    while (const auto next = queue.pop()) {
        const std::int64_t received = nowNs();
        const Span ipc{.begin = std::min(next->submitted, received),
                       .end = received,
                       .lane = 0,
                       .task = next->task,
                       .state = State::Ipc};
        send(formatSpan(ipc, {}));
        if (next->task == experiment.crashTask)
            ::raise(SIGKILL); // the fault drill: this worker dies in the middle of the run
        send(runReceivedTask(*workload, next->task, received, stop.get_token(), gil.get(), session.get()));
    }
    return 0;
}

} // namespace

int workerMain(int argc, char *argv[], WorkloadMaker makeWorkload)
{
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const auto parsed = parseWorkerArguments(args);
    if (const auto *error = std::get_if<ArgumentError>(&parsed)) {
        std::cerr << program_invocation_short_name << ": " << error->message << '\n';
        return 2;
    }
    return serve(std::get<RunArguments>(parsed).experiment, makeWorkload);
}

} // namespace mtlab
