#include "hogtask.h"

#include "clock.h"
#include "cpuworkload.h"
#include "eventloop.h"
#include "experiment.h"
#include "lane.h"
#include "recorder.h"
#include "strategy.h"
#include "tracecollector.h"

#include <algorithm>
#include <string>

namespace mtlab {

namespace {

// Short, for the timeline's lane column; the run's label says how long it computes. The window
// translates these two forms (laneTitle in ui/lanetitle.cpp): change them together.
std::string laneName(const IoOptions &io)
{
    if (io.hogSliceMs > 0 && io.hogSliceMs < io.hogMs)
        return "hog, " + std::to_string(io.hogSliceMs) + " ms slices";
    return "hog, no await";
}

// Computes (sums of squares) until `until`, or until the run is cancelled.
void computeUntil(std::int64_t until, const std::stop_token &stop)
{
    std::uint64_t from = 0;
    while (nowNs() < until && !stop.stop_requested()) {
        sumOfSquares(from, from + CpuWorkload::ChunkTerms);
        from += CpuWorkload::ChunkTerms;
    }
}

} // namespace

HogTask::HogTask(EventLoop &loop, const IoOptions &io, Recorder &recorder, std::int32_t loopLane,
                 std::stop_token stop)
    : m_loop(loop)
    , m_recorder(recorder)
    , m_stop(std::move(stop))
    , m_start(startsAfter(io))
    , m_total(io.hogMs)
    , m_slice(io.hogSliceMs > 0 ? std::min(io.hogSliceMs, io.hogMs) : io.hogMs)
{
    Lane lane;
    lane.kind = LaneKind::AsyncTask;
    lane.name = laneName(io);
    lane.pid = currentProcessId();
    lane.tid = currentThreadId();
    lane.parent = loopLane;
    lane.sortIndex = 0; // right below the loop, above the task slots
    m_lane = recorder.collector().addLane(std::move(lane));
}

std::chrono::milliseconds HogTask::startsAfter(const IoOptions &io)
{
    return std::chrono::milliseconds(io.delayMs / 2);
}

AsyncTask<void> HogTask::run()
{
    co_await m_loop.sleepFor(m_start);
    const std::int64_t sliceNs = std::chrono::nanoseconds(m_slice).count();
    std::int64_t left = std::chrono::nanoseconds(m_total).count();
    while (left > 0 && !m_stop.stop_requested()) {
        const std::int64_t begin = nowNs();
        computeUntil(begin + std::min(left, sliceNs), m_stop);
        const std::int64_t end = nowNs();
        m_recorder.recordOn(m_lane, State::Cpu, -1, begin, end);
        left -= end - begin;
        if (left <= 0)
            break;
        // Back of the ready list: every task whose answer came meanwhile runs before the next slice.
        co_await m_loop.yield();
        m_recorder.recordOn(m_lane, State::Ready, -1, end, nowNs());
    }
    m_recorder.flush();
}

} // namespace mtlab
