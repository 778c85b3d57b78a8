#include "csvexport.h"

#include "chrometrace.h"
#include "runner.h"

#include <algorithm>
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

// The columns every row fills: which run it belongs to.
void runColumns(std::string &out, std::string_view kind, const RunResult &run)
{
    out += kind;
    out += ',';
    field(out, runLabel(run.experiment));
    out += ',';
    out += strategyName(run.experiment.strategy);
    out += ',' + std::to_string(run.experiment.workerCount()) + ',';
}

// The run rows' baseline: the sync run if there is one, else the first (a sweep's one worker).
const RunResult *baseline(const std::vector<const RunResult *> &runs)
{
    if (runs.size() < 2)
        return nullptr;
    const auto sync = std::find_if(runs.begin(), runs.end(), [](const RunResult *r) {
        return r->experiment.strategy == StrategyKind::Sync;
    });
    return sync != runs.end() ? *sync : runs.front();
}

void writeSummary(std::string &out, const RunResult &run, const RunResult *base)
{
    runColumns(out, "run", run);
    milliseconds(out, run.wallNs);
    out += ',';
    milliseconds(out, run.cpuNs());
    out += ',';
    if (base && base != &run && base->wallNs > 0 && run.wallNs > 0) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.3f",
                      static_cast<double>(base->wallNs) / static_cast<double>(run.wallNs));
        out += buffer;
    }
    out += ',' + std::to_string(run.ok) + ',' + std::to_string(run.failed);
    out += ",,,,,,,,,,\r\n"; // the span columns
}

void writeSpans(std::string &out, const RunResult &run)
{
    const Trace &trace = run.trace;
    for (const Span &span : trace.spans()) {
        const Lane &lane = trace.lanes()[static_cast<std::size_t>(span.lane)];
        runColumns(out, "span", run);
        out += ",,,,,"; // the summary columns
        out += std::to_string(lane.id) + ',';
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

std::string traceCsv(const std::vector<const RunResult *> &runs)
{
    std::size_t spans = 0;
    for (const RunResult *run : runs)
        spans += run->trace.spans().size();
    std::string out;
    out.reserve(256 + 128 * runs.size() + 112 * spans); // one allocation for a million spans
    out += "kind,run,strategy,workers,wall_ms,cpu_ms,speedup,ok,failed,"
           "lane,lane_name,pid,task,state,phase,begin_ms,end_ms,duration_ms,detail\r\n";
    const RunResult *base = baseline(runs);
    for (const RunResult *run : runs)
        writeSummary(out, *run, base);
    for (const RunResult *run : runs)
        writeSpans(out, *run);
    return out;
}

} // namespace mtlab
