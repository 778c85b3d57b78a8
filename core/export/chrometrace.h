#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mtlab {

struct RunResult;

// Chrome Trace Event Format (object form), as Perfetto and chrome://tracing open it: one pid per
// run, one tid per lane, an X event per span named by its state, times in µs from the run's start.
// An imported span keeps its own name (Span::label). extraMembers: more members of the top-level
// object, written after traceEvents ("\"key\":value,..."), which viewers ignore.
std::string chromeTraceJson(const std::vector<const RunResult *> &runs, std::string_view extraMembers = {});

} // namespace mtlab
