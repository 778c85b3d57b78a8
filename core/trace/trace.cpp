#include "trace.h"

#include <algorithm>
#include <stdexcept>

namespace mtlab {

Trace::Trace(std::vector<Lane> lanes, std::vector<Span> spans, std::vector<std::string> details,
             std::vector<TaskRecord> tasks, std::int64_t origin, std::vector<std::string> labels)
    : m_lanes(std::move(lanes))
    , m_spans(std::move(spans))
    , m_details(std::move(details))
    , m_labels(std::move(labels))
    , m_tasks(std::move(tasks))
    , m_origin(origin)
    , m_end(origin)
{
    for (const Span &s : m_spans)
        if (s.lane < 0 || static_cast<std::size_t>(s.lane) >= m_lanes.size())
            throw std::invalid_argument("span on an unknown lane");
    std::stable_sort(m_spans.begin(), m_spans.end(), [](const Span &a, const Span &b) {
        if (a.lane != b.lane)
            return a.lane < b.lane;
        if (a.begin != b.begin)
            return a.begin < b.begin;
        return a.end < b.end;
    });
    std::sort(m_tasks.begin(), m_tasks.end(),
              [](const TaskRecord &a, const TaskRecord &b) { return a.task < b.task; });
    m_laneOffsets.assign(m_lanes.size() + 1, 0);
    std::size_t i = 0;
    for (std::size_t lane = 0; lane < m_lanes.size(); ++lane) {
        m_laneOffsets[lane] = i;
        while (i < m_spans.size() && static_cast<std::size_t>(m_spans[i].lane) == lane)
            ++i;
    }
    m_laneOffsets.back() = m_spans.size();
    for (const Span &s : m_spans)
        m_end = std::max(m_end, s.end);
}

std::span<const Span> Trace::spansOfLane(std::int32_t lane) const noexcept
{
    if (lane < 0 || static_cast<std::size_t>(lane) >= m_lanes.size())
        return {};
    return {m_spans.data() + m_laneOffsets[lane], m_spans.data() + m_laneOffsets[lane + 1]};
}

const std::string &Trace::detail(std::int32_t index) const
{
    static const std::string none;
    if (index < 0 || static_cast<std::size_t>(index) >= m_details.size())
        return none;
    return m_details[index];
}

int Trace::workerLaneCount() const noexcept
{
    return static_cast<int>(
        std::count_if(m_lanes.begin(), m_lanes.end(), [](const Lane &l) { return l.isWorker(); }));
}

namespace {

std::int64_t sumOf(const std::vector<Span> &spans, State state, bool tasksOnly) noexcept
{
    std::int64_t total = 0;
    for (const Span &s : spans)
        if (s.state == state && (!tasksOnly || s.task >= 0))
            total += s.duration();
    return total;
}

} // namespace

std::int64_t Trace::totalNs(State state) const noexcept
{
    return sumOf(m_spans, state, false);
}

std::int64_t Trace::taskTotalNs(State state) const noexcept
{
    return sumOf(m_spans, state, true);
}

} // namespace mtlab
