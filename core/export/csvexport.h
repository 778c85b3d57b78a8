#pragma once

#include <string>
#include <vector>

namespace mtlab {

struct RunResult;

// Every span of the runs as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or line
// breaks quoted), for spreadsheets and scripts: one header row, then one row per span with
// run, strategy, lane, lane_name, pid, task, state, phase, begin_ms, end_ms, duration_ms, detail.
// Times are milliseconds from the run's start, exact to the nanosecond.
std::string spansCsv(const std::vector<const RunResult *> &runs);

} // namespace mtlab
