#include "tracecollector.h"

#include <algorithm>

namespace mtlab {

TraceCollector::TraceCollector(std::int64_t origin)
    : m_origin(origin)
{
}

std::int32_t TraceCollector::addLane(Lane lane)
{
    std::lock_guard lock(m_mutex);
    lane.id = static_cast<std::int32_t>(m_lanes.size());
    m_lanes.push_back(std::move(lane));
    return m_lanes.back().id;
}

void TraceCollector::setLaneName(std::int32_t lane, std::string name)
{
    std::lock_guard lock(m_mutex);
    m_lanes.at(lane).name = std::move(name);
}

void TraceCollector::setLaneIds(std::int32_t lane, std::int64_t pid, std::int64_t tid)
{
    std::lock_guard lock(m_mutex);
    m_lanes.at(lane).pid = pid;
    m_lanes.at(lane).tid = tid;
}

std::int32_t TraceCollector::addDetail(std::string text)
{
    std::lock_guard lock(m_mutex);
    const auto it = std::find(m_details.begin(), m_details.end(), text);
    if (it != m_details.end())
        return static_cast<std::int32_t>(it - m_details.begin());
    m_details.push_back(std::move(text));
    return static_cast<std::int32_t>(m_details.size() - 1);
}

namespace {

std::uint64_t openKey(std::int32_t lane, std::int32_t task) noexcept
{
    return std::uint64_t{static_cast<std::uint32_t>(lane)} << 32 | static_cast<std::uint32_t>(task);
}

} // namespace

void TraceCollector::append(std::vector<Span> &batch)
{
    if (batch.empty())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_spans.insert(m_spans.end(), batch.begin(), batch.end());
        // Only runs with a queue have open waits, so the common batch pays one test.
        if (!m_open.empty()) {
            for (const Span &s : batch) {
                const auto open = m_open.find(openKey(s.lane, s.task));
                if (open != m_open.end() && open->second.state == s.state)
                    m_open.erase(open);
            }
        }
    }
    batch.clear();
}

void TraceCollector::openWaits(std::int32_t lane, State state, std::int64_t begin, std::int32_t firstTask,
                               std::int32_t count)
{
    std::lock_guard lock(m_mutex);
    m_open.reserve(m_open.size() + static_cast<std::size_t>(count));
    for (std::int32_t task = firstTask; task < firstTask + count; ++task)
        m_open[openKey(lane, task)] = Span{.begin = begin, .lane = lane, .task = task, .state = state};
}

std::vector<Span> TraceCollector::openSpans(std::int64_t now) const
{
    std::lock_guard lock(m_mutex);
    std::vector<Span> spans;
    spans.reserve(m_open.size());
    for (const auto &[key, span] : m_open) {
        spans.push_back(span);
        spans.back().end = std::max(now, span.begin);
    }
    return spans;
}

void TraceCollector::taskFinished(TaskRecord record)
{
    const bool ok = record.ok;
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(record));
    }
    if (!ok)
        m_failed.fetch_add(1, std::memory_order_relaxed);
    m_done.fetch_add(1, std::memory_order_relaxed);
}

std::vector<Lane> TraceCollector::lanes() const
{
    std::lock_guard lock(m_mutex);
    return m_lanes;
}

namespace {

// The items appended since *cursor, which moves to the end. The caller holds the lock.
template <typename T>
std::vector<T> since(const std::vector<T> &items, std::size_t *cursor)
{
    const std::size_t from = std::min(*cursor, items.size());
    *cursor = items.size();
    return std::vector<T>(items.begin() + static_cast<std::ptrdiff_t>(from), items.end());
}

} // namespace

std::vector<Span> TraceCollector::spansSince(std::size_t *cursor) const
{
    std::lock_guard lock(m_mutex);
    return since(m_spans, cursor);
}

std::vector<std::string> TraceCollector::detailsSince(std::size_t *cursor) const
{
    std::lock_guard lock(m_mutex);
    return since(m_details, cursor);
}

void TraceCollector::reset(std::int64_t origin)
{
    std::lock_guard lock(m_mutex);
    m_origin = origin;
    m_lanes.clear();
    m_spans.clear();
    m_details.clear();
    m_tasks.clear();
    m_open.clear();
    m_done.store(0, std::memory_order_relaxed);
    m_failed.store(0, std::memory_order_relaxed);
}

Trace TraceCollector::finish()
{
    std::lock_guard lock(m_mutex);
    return Trace(m_lanes, m_spans, m_details, m_tasks, m_origin);
}

} // namespace mtlab
