#include "recorder.h"

#include "tracecollector.h"

namespace mtlab {

Recorder::Recorder(TraceCollector &collector, std::int32_t lane)
    : m_collector(collector)
    , m_lane(lane)
{
    m_buffer.reserve(1024);
}

Recorder::~Recorder()
{
    flush();
}

std::int32_t Recorder::detail(std::string text)
{
    return m_collector.addDetail(std::move(text));
}

void Recorder::flush()
{
    m_collector.append(m_buffer);
}

} // namespace mtlab
