#pragma once

#include "span.h"

#include <string>
#include <vector>

namespace mtlab {

class TraceCollector;

// One worker's span buffer. Only its own worker touches it, so recording a span is a plain
// append; flush() hands the buffer to the collector in one locked batch (after each task).
class Recorder
{
public:
    Recorder(TraceCollector &collector, std::int32_t lane);
    ~Recorder();
    Recorder(const Recorder &) = delete;
    Recorder &operator=(const Recorder &) = delete;

    std::int32_t lane() const noexcept { return m_lane; }
    TraceCollector &collector() noexcept { return m_collector; }

    void record(State state, std::int32_t task, std::int64_t begin, std::int64_t end,
                IoPhase phase = IoPhase::None, std::int32_t detail = -1)
    {
        m_buffer.push_back(Span{.begin = begin,
                                .end = end,
                                .lane = m_lane,
                                .task = task,
                                .detail = detail,
                                .state = state,
                                .phase = phase});
    }
    // Records on another lane (an async task's sub-lane) through this worker's buffer.
    void recordOn(std::int32_t lane, State state, std::int32_t task, std::int64_t begin, std::int64_t end,
                  IoPhase phase = IoPhase::None, std::int32_t detail = -1)
    {
        m_buffer.push_back(Span{.begin = begin,
                                .end = end,
                                .lane = lane,
                                .task = task,
                                .detail = detail,
                                .state = state,
                                .phase = phase});
    }
    std::int32_t detail(std::string text);
    void flush();

private:
    TraceCollector &m_collector;
    std::vector<Span> m_buffer;
    std::int32_t m_lane;
};

} // namespace mtlab
