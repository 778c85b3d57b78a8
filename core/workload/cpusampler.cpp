#include "cpusampler.h"

#include "recorder.h"

#include <algorithm>

namespace mtlab {

CpuSampler::CpuSampler(Recorder &recorder, std::int32_t task, std::int64_t intervalNs,
                       std::int64_t minReadyNs)
    : m_recorder(recorder)
    , m_task(task)
    , m_intervalNs(intervalNs)
    , m_minReadyNs(minReadyNs)
{
}

void CpuSampler::begin(std::int64_t wall, std::int64_t cpu) noexcept
{
    m_wall = wall;
    m_cpu = cpu;
    m_chunkEnd = wall;
}

void CpuSampler::sample(std::int64_t wall, std::int64_t cpu)
{
    const std::int64_t elapsed = std::max<std::int64_t>(0, wall - m_wall);
    const std::int64_t used = std::max<std::int64_t>(0, cpu - m_cpu);
    m_cpuTotal += used;
    // The two clocks are read one after the other, so `used` may exceed `elapsed` by a little.
    const std::int64_t ran = std::min(used, elapsed);
    if (elapsed - ran >= m_minReadyNs) {
        add(State::Cpu, m_wall, m_wall + ran);
        add(State::Ready, m_wall + ran, m_wall + elapsed);
    } else {
        add(State::Cpu, m_wall, m_wall + elapsed);
    }
    m_wall += elapsed;
    m_cpu = std::max(m_cpu, cpu);
}

void CpuSampler::end(std::int64_t wall, std::int64_t cpu)
{
    sample(wall, cpu);
    flush();
}

void CpuSampler::add(State state, std::int64_t begin, std::int64_t end)
{
    if (end <= begin)
        return;
    if (m_pending && state == m_state && begin == m_end) {
        m_end = end;
        return;
    }
    flush();
    m_state = state;
    m_begin = begin;
    m_end = end;
    m_pending = true;
}

void CpuSampler::flush()
{
    if (m_pending)
        m_recorder.record(m_state, m_task, m_begin, m_end);
    m_pending = false;
}

} // namespace mtlab
