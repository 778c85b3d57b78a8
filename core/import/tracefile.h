#pragma once

#include "runner.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mtlab {

// One counter track of an imported trace (a `C` event's series): values over time.
struct CounterSeries {
    std::string name = {}; // "memory" or "memory.heap" for a series inside a counter event's args
    std::int64_t pid = 0;
    std::vector<std::pair<std::int64_t, double>> points = {}; // (steady-like ns, value), in file order
};

// What a trace file holds, read back as runs. A file this program wrote (every span named by one
// of our states) gives one run per process, as the export wrote them; another tool's trace gives
// one run with a lane per thread and per nesting depth (sub-lanes one level deep under the
// thread), spans named by the tool keeping their names as Span::label.
struct TraceFile {
    std::vector<RunResult> runs;
    std::vector<std::string> names; // each run's name: its process name in the file
    std::vector<CounterSeries> counters;
    bool ours = false; // every span named by one of our states
    std::int64_t events = 0;
    std::int64_t skipped = 0; // events of kinds not drawn (flows, samples, object snapshots)
    // The raw JSON of the top-level "mtlabSession" member, if any: what a saved session adds.
    std::string session;
};

} // namespace mtlab
