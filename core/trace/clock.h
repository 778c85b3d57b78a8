#pragma once

#include <chrono>
#include <cstdint>

namespace mtlab {

// CLOCK_MONOTONIC in nanoseconds: one clock for the whole machine, so timestamps taken in the
// worker processes line up with the ones taken here.
inline std::int64_t nowNs() noexcept
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace mtlab
