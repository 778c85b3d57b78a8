#pragma once

#include "trace.h"

#include <atomic>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace mtlab {

// Where the workers' recorders hand their spans, in batches: one lock per batch, never per span.
// A live view polls it (spansSince) while the run goes on; finish() turns it into the Trace.
class TraceCollector
{
public:
    explicit TraceCollector(std::int64_t origin);

    std::int32_t addLane(Lane lane);
    void setLaneName(std::int32_t lane, std::string name);
    void setLaneIds(std::int32_t lane, std::int64_t pid, std::int64_t tid);
    std::int32_t addDetail(std::string text);
    void append(std::vector<Span> &batch); // moves the spans out and clears batch
    void taskFinished(TaskRecord record);
    // Tasks firstTask .. firstTask + count - 1 wait on `lane` in `state` since `begin`. Their spans
    // are recorded only when the wait ends (a queued task is picked up); until then a live view
    // sees the waits through openSpans(). Each closes when its span (same lane, task, state) arrives.
    void openWaits(std::int32_t lane, State state, std::int64_t begin, std::int32_t firstTask,
                   std::int32_t count = 1);

    // The run's start; set before any worker exists, so it needs no lock.
    void setOrigin(std::int64_t origin) noexcept { m_origin = origin; }
    std::int64_t origin() const noexcept { return m_origin; }
    int tasksDone() const noexcept { return m_done.load(std::memory_order_relaxed); }
    int tasksFailed() const noexcept { return m_failed.load(std::memory_order_relaxed); }

    // For a live view: the lanes so far, and the spans appended since *cursor (which advances).
    std::vector<Lane> lanes() const;
    std::vector<Span> spansSince(std::size_t *cursor) const;
    // The failure reasons added since *cursor, in order: Span::detail indexes them all.
    std::vector<std::string> detailsSince(std::size_t *cursor) const;
    // The waits still open, as spans ending at `now`.
    std::vector<Span> openSpans(std::int64_t now) const;

    Trace finish();
    // Empties the collector for another run, keeping its memory: no reallocation, no fresh pages.
    void reset(std::int64_t origin);

private:
    mutable std::mutex m_mutex;
    std::int64_t m_origin;
    std::vector<Lane> m_lanes;
    std::vector<Span> m_spans;
    std::vector<std::string> m_details;
    std::vector<TaskRecord> m_tasks;
    std::unordered_map<std::uint64_t, Span> m_open; // by openKey(lane, task)
    std::atomic<int> m_done{0};
    std::atomic<int> m_failed{0};
};

} // namespace mtlab
