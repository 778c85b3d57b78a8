#pragma once

#include "counterreport.h"
#include "experiment.h"
#include "machineload.h"
#include "trace.h"

#include <map>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>

namespace mtlab {

class EmbeddedServer;
class TraceCollector;

// One strategy executing one experiment, after the fact.
struct RunResult {
    Experiment experiment;
    Trace trace;
    std::int64_t wallNs = 0;
    int ok = 0;
    int failed = 0;
    bool cancelled = false;
    u128 result = 0;                   // CPU: the sum of all task results
    std::int64_t bytes = 0;            // I/O: body bytes received in all
    std::map<std::string, int> errors; // failed tasks by reason
    std::string problem;               // why nothing could run, empty otherwise
    bool embeddedServer = false;       // I/O against our own server, whose think time is known
    int cores = 1;                     // CPU cores of the machine that ran it
    // The counter workload: what happened to the counter.
    std::optional<CounterReport> counter;
    MachineLoad
        load; // the load average around the run: did other programs share the cores? (machineLoadVerdict())

    std::int64_t cpuNs() const { return trace.totalNs(State::Cpu); }
    // The thread CPU time the tasks used, as their own clocks measured it (0: not measured).
    std::int64_t taskCpuNs() const;
};

// Counts the trace's tasks into the result: ok, failed (by reason), their sums and bytes.
void countTasks(RunResult &result);

// Runs one experiment. The collector can be polled from another thread while run() works,
// which is how a live view watches the timeline grow. An I/O experiment without a URL gets the
// embedded server, started before the clock starts and stopped with the runner.
class Runner
{
public:
    explicit Runner(Experiment experiment);
    ~Runner();

    TraceCollector &collector() noexcept { return *m_collector; }
    RunResult run(std::stop_token stop = {});

private:
    Experiment m_experiment;
    std::unique_ptr<TraceCollector> m_collector;
    std::unique_ptr<EmbeddedServer> m_server;
};

} // namespace mtlab
