#include "csvexport.h"

#include "chrometrace.h"
#include "runner.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>

namespace mtlab {

namespace {

void field(std::string &out, std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

// Integer arithmetic, so 1 ns is never rounded away as it could be through a double.
void milliseconds(std::string &out, std::int64_t ns)
{
    char buffer[40];
    const std::uint64_t magnitude = static_cast<std::uint64_t>(ns < 0 ? -ns : ns);
    std::snprintf(buffer, sizeof buffer, "%s%" PRIu64 ".%06" PRIu64, ns < 0 ? "-" : "", magnitude / 1'000'000,
                  magnitude % 1'000'000);
    out += buffer;
}

void writeRun(std::string &out, const RunResult &run)
{
    const Trace &trace = run.trace;
    const std::string label = runLabel(run.experiment);
    const std::string_view strategy = strategyName(run.experiment.strategy);
    for (const Span &span : trace.spans()) {
        const Lane &lane = trace.lanes()[static_cast<std::size_t>(span.lane)];
        field(out, label);
        out += ',';
        out += strategy;
        out += ',' + std::to_string(lane.id) + ',';
        field(out, lane.name);
        out += ',' + std::to_string(lane.pid) + ',' + std::to_string(span.task) + ',';
        out += stateName(span.state);
        out += ',';
        out += ioPhaseName(span.phase);
        out += ',';
        milliseconds(out, span.begin - trace.origin());
        out += ',';
        milliseconds(out, span.end - trace.origin());
        out += ',';
        milliseconds(out, span.duration());
        out += ',';
        field(out, trace.detail(span.detail));
        out += "\r\n";
    }
}

} // namespace

std::string spansCsv(const std::vector<const RunResult *> &runs)
{
    std::size_t spans = 0;
    for (const RunResult *run : runs)
        spans += run->trace.spans().size();
    std::string out;
    out.reserve(128 + 96 * spans); // a typical row's length: one allocation for a million spans
    out += "run,strategy,lane,lane_name,pid,task,state,phase,begin_ms,end_ms,duration_ms,detail\r\n";
    for (const RunResult *run : runs)
        writeRun(out, *run);
    return out;
}

} // namespace mtlab
