#pragma once

#include <string>
#include <vector>

namespace mtlab {

struct RunResult;

// Chrome Trace Event Format (object form), as Perfetto and chrome://tracing open it: one pid per
// run, one tid per lane, an X event per span named by its state, times in µs from the run's start.
std::string chromeTraceJson(const std::vector<const RunResult *> &runs);

} // namespace mtlab
