#include "ioworkload.h"

#include "asynccontext.h"
#include "asynctask.h"
#include "clock.h"
#include "curlloop.h"
#include "httpsession.h"
#include "interpreterlock.h"
#include "recorder.h"

#include <algorithm>

namespace mtlab {

namespace {

// Lays one download on the timeline: its phases as io-wait spans on `lane`, ending at d.end.
void recordDownload(Recorder &recorder, std::int32_t lane, std::int32_t task, const Download &d)
{
    const std::int64_t start = d.end - d.total;
    const struct {
        IoPhase phase;
        std::int64_t from, to;
    } phases[] = {{IoPhase::Dns, 0, d.dnsEnd},
                  {IoPhase::Connect, d.dnsEnd, d.connectEnd},
                  {IoPhase::Tls, d.connectEnd, d.tlsEnd},
                  {IoPhase::Wait, d.tlsEnd, d.waitEnd},
                  {IoPhase::Transfer, d.waitEnd, d.total}};
    int last = -1;
    for (int i = 0; i < 5; ++i)
        if (phases[i].to > phases[i].from)
            last = i;
    for (int i = 0; i < last; ++i)
        if (phases[i].to > phases[i].from)
            recorder.recordOn(lane, State::IoWait, task, start + phases[i].from, start + phases[i].to,
                              phases[i].phase);
    if (d.ok) {
        if (last >= 0)
            recorder.recordOn(lane, State::IoWait, task, start + phases[last].from, start + phases[last].to,
                              phases[last].phase);
        return;
    }
    // The phase the request died in is drawn as failed, carrying the reason. libcurl counts a
    // wait for a first byte that never came into its total, so without bytes it was a wait.
    const std::int32_t detail = recorder.detail(d.error + ": " + d.detail);
    if (last < 0) {
        recorder.recordOn(lane, State::Failed, task, d.end, d.end, IoPhase::None, detail);
        return;
    }
    IoPhase phase = phases[last].phase;
    if (phase == IoPhase::Transfer && d.bytes == 0)
        phase = IoPhase::Wait;
    recorder.recordOn(lane, State::Failed, task, start + phases[last].from, start + phases[last].to, phase,
                      detail);
}

} // namespace

IoWorkload::IoWorkload(int tasks, IoOptions options)
    : m_tasks(tasks)
    , m_options(std::move(options))
{
}

std::unique_ptr<WorkerSession> IoWorkload::openSession() const
{
    return std::make_unique<HttpSession>(m_options);
}

TaskOutcome IoWorkload::run(int task, WorkerContext &context)
{
    auto *session = dynamic_cast<HttpSession *>(context.session);
    // A worker without a session downloads like `requests.get`: a new one for every request.
    std::unique_ptr<HttpSession> ownSession;
    if (!session) {
        ownSession = std::make_unique<HttpSession>(m_options);
        session = ownSession.get();
    }
    const Download download = session->get(m_options.url, context.stop);
    return completeDownload(download, task, context.recorder.lane(), context.recorder, context.gil, nowNs());
}

AsyncTask<TaskOutcome> IoWorkload::runAsync(std::int32_t task, AsyncContext &context)
{
    auto *session = dynamic_cast<HttpSession *>(context.worker.session);
    // --blocking: the classic mistake of calling `requests.get` inside a coroutine. The download
    // blocks the loop's one thread, so its waiting is drawn on the loop's own lane, and every
    // other task stays in the ready list until it is over.
    if (!session || m_options.blocking)
        co_return run(task, context.worker);
    Recorder &recorder = context.worker.recorder;
    CurlLoop &curl = session->onLoop(context.loop, &recorder);
    // A cancel destroys this frame mid-transfer: the wait so far still goes on the timeline.
    struct Unfinished {
        Recorder &recorder;
        std::int32_t lane, task;
        std::int64_t since;
        bool armed = true;
        ~Unfinished()
        {
            if (armed)
                recorder.recordOn(lane, State::IoWait, task, since, nowNs(), IoPhase::Wait);
        }
    } unfinished{recorder, context.lane, task, nowNs()};
    const Download download = co_await curl.get(m_options.url);
    unfinished.armed = false;
    // The loop's work to hand the download to libcurl, then the wait until libcurl starts it: the
    // loop starts transfers one after another, and with thousands in flight that takes a while.
    recorder.record(State::Cpu, task, unfinished.since, download.added);
    if (const std::int64_t started = download.end - download.total; started > download.added)
        recorder.recordOn(context.lane, State::Ready, task, download.added, started);
    // Done, but the loop runs one job at a time: the task sits in its ready list until resumed.
    if (download.resumed > download.end)
        recorder.recordOn(context.lane, State::Ready, task, download.end, download.resumed);
    co_return completeDownload(download, task, context.lane, recorder, nullptr,
                               std::max(download.resumed, download.end));
}

TaskOutcome completeDownload(const Download &download, std::int32_t task, std::int32_t ioLane,
                             Recorder &recorder, InterpreterLock *gil, std::int64_t handled)
{
    recordDownload(recorder, ioLane, task, download);
    if (!download.ok) {
        TaskOutcome failed = TaskOutcome::failure(download.error);
        failed.newConnection = download.newConnection;
        return failed;
    }
    TaskOutcome outcome;
    outcome.newConnection = download.newConnection;
    outcome.bytes = download.bytes;
    // What is left to compute once the body is in: a C++ program has little; CPython would parse
    // headers and build the response object here, under its interpreter lock.
    InterpreterLockGuard guard(gil, recorder, task, handled);
    outcome.value = download.byteSum;
    recorder.record(State::Cpu, task, guard.acquired(), nowNs());
    return outcome;
}

} // namespace mtlab
