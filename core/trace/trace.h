#pragma once

#include "decimal.h"
#include "lane.h"
#include "span.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mtlab {

// How one task ended.
struct TaskRecord {
    std::int32_t task = -1;
    std::int32_t lane = -1; // the worker lane that ran it (last one, if it was retried)
    bool ok = false;
    bool newConnection = false; // I/O: this request opened a connection rather than reusing one
    u128 value = 0;             // CPU: the sum of squares
    std::int64_t bytes = 0;     // I/O: body length received
    std::string error;          // why it failed, empty when ok
    std::int64_t cpuNs = 0;     // CPU: the thread CPU time it used, without waits (0: not measured)
};

// The timeline of one run: immutable once the run has ended.
class Trace
{
public:
    Trace() = default;
    Trace(std::vector<Lane> lanes, std::vector<Span> spans, std::vector<std::string> details,
          std::vector<TaskRecord> tasks, std::int64_t origin, std::vector<std::string> labels = {});

    const std::vector<Lane> &lanes() const noexcept { return m_lanes; }
    // All spans, sorted by lane, then begin, then end.
    const std::vector<Span> &spans() const noexcept { return m_spans; }
    std::span<const Span> spansOfLane(std::int32_t lane) const noexcept;
    const std::vector<TaskRecord> &tasks() const noexcept { return m_tasks; }
    const std::string &detail(std::int32_t index) const;
    const std::vector<std::string> &details() const noexcept { return m_details; }
    // The names of imported spans that are none of our states (Span::label).
    const std::vector<std::string> &labels() const noexcept { return m_labels; }

    std::int64_t origin() const noexcept { return m_origin; } // run start, steady_clock ns
    std::int64_t end() const noexcept { return m_end; }       // last span end (or origin)
    int workerLaneCount() const noexcept;
    // Total time spent in one state, summed over all lanes.
    std::int64_t totalNs(State state) const noexcept;
    // The same for spans of a task only, leaving out a worker's own work (the event loop's).
    std::int64_t taskTotalNs(State state) const noexcept;

private:
    std::vector<Lane> m_lanes;
    std::vector<Span> m_spans;
    std::vector<std::size_t> m_laneOffsets; // m_spans index where each lane starts, plus the end
    std::vector<std::string> m_details;
    std::vector<std::string> m_labels;
    std::vector<TaskRecord> m_tasks;
    std::int64_t m_origin = 0;
    std::int64_t m_end = 0;
};

} // namespace mtlab
