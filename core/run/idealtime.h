#pragma once

#include <cstdint>
#include <string>

namespace mtlab {

struct RunResult;

// The time the theory predicts for a run, plus the process pool's start-up. 0 when it cannot
// be told.
// - I/O: N x d for sync, ceil(N/W) x d for a pool of W, one d for the event loop (ceil(N/K) x d
//   with K in flight). Against the embedded server d is its think time; against another server,
//   the mean time a task took.
// - CPU: d is a task's CPU work, as the thread's CPU clock measured it (so not the time it spent
//   waiting for a core). Tasks run one at a time under sync, the event loop and the interpreter
//   lock; a pool of W <= cores runs ceil(N/W) rounds; more workers than cores share the cores,
//   so the work is spread over them: N x d / cores.
std::int64_t idealNs(const RunResult &run);
// How idealNs was reached, in words and numbers, for the marker's tooltip:
// "20 tasks × 0.17 s ÷ 2 cores = 1.7 s". Empty when there is no ideal.
std::string idealFormula(const RunResult &run);

} // namespace mtlab
