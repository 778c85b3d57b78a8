#pragma once

#include "span.h"

#include <algorithm>
#include <cstdint>

namespace mtlab {

class Recorder;

// Splits a thread's computing into `cpu` and `ready` spans from readings of two clocks taken
// between chunks of work: the wall clock (nowNs) and the thread's CPU clock (threadCpuNs). Wall
// time that passed while the CPU clock stood still is time the thread could have computed but had
// no core: the OS kept it in its run queue. The caller reads the clocks (so a test can feed made-up
// readings); this class places the slices, merges runs of one state and records them.
//
// Between two readings it cannot tell when the thread lost its core, so it puts the computing
// first and the wait last. That is right to within one chunk of work: a chunk that took markedly
// longer than the fastest one had the thread off its core, so the reading is taken right then.
class CpuSampler
{
public:
    // The longest wall time between readings of the CPU clock, a system call (a microsecond on a
    // VM): losses too short to be noticed one by one are placed within this. Rare enough to cost
    // well under 1 % of the work.
    static constexpr std::int64_t DefaultIntervalNs = 1'000'000;
    // Shorter losses are noise (an interrupt, a page fault), not a turn given to another thread;
    // they stay cpu, so that a busy machine does not cut the lane into thousands of slivers.
    static constexpr std::int64_t DefaultMinReadyNs = 50'000;

    CpuSampler(Recorder &recorder, std::int32_t task, std::int64_t intervalNs = DefaultIntervalNs,
               std::int64_t minReadyNs = DefaultMinReadyNs);
    CpuSampler(const CpuSampler &) = delete;
    CpuSampler &operator=(const CpuSampler &) = delete;

    // The thread starts computing at wall time `wall`, its CPU clock reading `cpu`.
    void begin(std::int64_t wall, std::int64_t cpu) noexcept;
    // Called after every chunk of work (cheap): whether to read the CPU clock and sample() now,
    // because the interval has passed or this chunk took long enough to have lost the core. The
    // first chunk has nothing to be compared with, so it is read too.
    bool chunkDone(std::int64_t wall) noexcept
    {
        const std::int64_t chunk = wall - m_chunkEnd;
        m_chunkEnd = wall;
        const bool first = m_fastestChunk == NoChunkYet;
        m_fastestChunk = std::min(m_fastestChunk, chunk);
        return first || wall - m_wall >= m_intervalNs || chunk - m_fastestChunk >= m_minReadyNs;
    }
    void sample(std::int64_t wall, std::int64_t cpu);
    // The thread stops computing (its task ends, or it hands the interpreter lock over): the
    // last slice ends exactly at `wall`, and everything is recorded.
    void end(std::int64_t wall, std::int64_t cpu);

    // The CPU time used in all stretches between begin() and end().
    std::int64_t cpuNs() const noexcept { return m_cpuTotal; }

private:
    void add(State state, std::int64_t begin, std::int64_t end);
    void flush();

    Recorder &m_recorder;
    std::int32_t m_task;
    std::int64_t m_intervalNs;
    std::int64_t m_minReadyNs;
    std::int64_t m_wall = 0; // the last reading
    std::int64_t m_cpu = 0;
    std::int64_t m_cpuTotal = 0;
    std::int64_t m_chunkEnd = 0;
    static constexpr std::int64_t NoChunkYet = INT64_MAX;
    std::int64_t m_fastestChunk = NoChunkYet;
    // The slice not recorded yet: the next one may extend it.
    State m_state = State::Cpu;
    std::int64_t m_begin = 0;
    std::int64_t m_end = 0;
    bool m_pending = false;
};

} // namespace mtlab
