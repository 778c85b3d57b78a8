#pragma once

#include "tracefile.h"

#include <exception>
#include <functional>
#include <stop_token>
#include <string_view>

namespace mtlab {

// Reading stopped because its stop token asked it to.
class ImportCancelled : public std::exception
{
public:
    const char *what() const noexcept override { return "cancelled"; }
};

// Reads the Chrome Trace Event Format as Chrome, Perfetto, Node.js (--trace-events-enabled),
// VizTracer and this program's own export write it: the object form {"traceEvents": [...]} or
// the bare array (whose closing ']' may be missing, as a trace cut short by its writer's exit
// is); X complete events, B/E pairs (nested), b/e/n async events, i/I instants, C counters and
// M metadata (process and thread names, sort indices); ts and dur in µs, with fractions.
// Flow, sample and object events are counted and left out.
// Anything malformed throws a std::runtime_error whose what() is one line saying where and what
// (JsonError for the JSON itself); ImportCancelled when stop is requested.
class ChromeImporter
{
public:
    // fraction of the text read so far, now and then
    using Progress = std::function<void(double fraction)>;

    static TraceFile read(std::string_view text, const Progress &progress = {}, std::stop_token stop = {});
};

} // namespace mtlab
