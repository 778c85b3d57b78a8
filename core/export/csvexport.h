#pragma once

#include <string>
#include <vector>

namespace mtlab {

struct RunResult;

// The runs as one CSV table (RFC 4180: CRLF line ends, fields with commas, quotes or line breaks
// quoted) that a spreadsheet opens as it is: one header row, then one `run` row per run (its
// summary, at the top where it is seen first), then one `span` row per span. The first column,
// kind, tells them apart, so that a filter on it gives either table:
//   kind, run, strategy, workers          every row (run, strategy and workers say whose row it is)
//   wall_ms, cpu_ms, speedup, ok, failed  run rows: speedup over the sync run among the runs,
//                                         else over the first run (a sweep's one worker), empty
//                                         for that run itself and when there is only one run
//   lane, lane_name, pid, task, state, phase, begin_ms, end_ms, duration_ms, detail   span rows
// Times are milliseconds (spans' from the run's start), exact to the nanosecond. Column names and
// values are never translated.
std::string traceCsv(const std::vector<const RunResult *> &runs);

} // namespace mtlab
