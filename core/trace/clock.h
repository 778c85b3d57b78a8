#pragma once

#include <chrono>
#include <cstdint>

#include <time.h>

namespace mtlab {

// CLOCK_MONOTONIC in nanoseconds: one clock for the whole machine, so timestamps taken in the
// worker processes line up with the ones taken here.
inline std::int64_t nowNs() noexcept
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The CPU time the calling thread has used, in nanoseconds: it advances only while the thread
// is on a core. A system call (about a microsecond on a VM), so read it sparingly.
inline std::int64_t threadCpuNs() noexcept
{
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

} // namespace mtlab
