#pragma once

#include <functional>
#include <string>
#include <vector>

namespace mtlab {

struct Experiment;
struct RunResult;

// The table's words, for people: English, unless a front end passes them in its language (the
// JSON never changes). What names a run or the workload is a function, so that a translation may
// put the numbers where its grammar wants them.
struct ReportText {
    std::string strategy = "strategy";
    std::string workers = "workers";
    std::string wallTime = "wall time";
    std::string speedup = "speedup";
    std::string okFailed = "ok/failed";
    std::string cancelled = "cancelled";
    std::string resultSum = "sum of all task results: "; // under a CPU table, before the number
    std::string scaledNote =
        "note: the article's n = 5,000,000 takes a few milliseconds per task in C++, so n is\n"
        "scaled up to make a task last about a tenth of a second; --n 5000000 runs the original.\n";
    std::function<std::string(const Experiment &)> label;    // a run's row; runLabel() when empty
    std::function<std::string(const Experiment &)> workload; // the line above; in English when empty
};

// What `multitask-lab run` prints: a table for people, or one JSON object for scripts.
std::string reportTable(const std::vector<RunResult> &runs, const ReportText &text = {});
// snapshotAtMs >= 0: each run also says what its tasks were doing then (--snapshot-at).
std::string reportJson(const std::vector<RunResult> &runs, double snapshotAtMs = -1);

// Speedup of a run over the sync run in the same list; 0 when there is no sync run to compare.
double speedupOverSync(const std::vector<RunResult> &runs, const RunResult &run);

} // namespace mtlab
