#pragma once

#include <cstdint>
#include <string>

namespace mtlab {

struct RunResult;

// The time the theory predicts for a run: N x d for sync, ceil(N/W) x d for a pool of W, one d
// for the event loop (ceil(N/K) x d with K in flight), plus the process pool's start-up. For I/O
// against the embedded server d is its think time; against another server, the mean time a task
// took. For CPU d is the mean computing time of a task, and a pool computes in parallel on at most
// one core per worker (not at all under the interpreter lock). 0 when it cannot be told.
std::int64_t idealNs(const RunResult &run);
// How idealNs was reached, in words and numbers, for the marker's tooltip:
// "20 tasks × 0.17 s ÷ 2 cores = 1.7 s". Empty when there is no ideal.
std::string idealFormula(const RunResult &run);

} // namespace mtlab
