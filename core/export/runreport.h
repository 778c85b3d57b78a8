#pragma once

#include <string>
#include <vector>

namespace mtlab {

struct RunResult;

// What `multitask-lab run` prints: a table for people, or one JSON object for scripts.
std::string reportTable(const std::vector<RunResult> &runs);
// snapshotAtMs >= 0: each run also says what its tasks were doing then (--snapshot-at).
std::string reportJson(const std::vector<RunResult> &runs, double snapshotAtMs = -1);

// Speedup of a run over the sync run in the same list; 0 when there is no sync run to compare.
double speedupOverSync(const std::vector<RunResult> &runs, const RunResult &run);

} // namespace mtlab
