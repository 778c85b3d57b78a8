#include "runner.h"

#include "clock.h"
#include "counterworkload.h"
#include "embeddedserver.h"
#include "strategy.h"
#include "tracecollector.h"
#include "workload.h"
#include "workloadfactory.h"

#include <algorithm>
#include <thread>

#include <sys/resource.h>

namespace mtlab {

Runner::Runner(Experiment experiment)
    : m_experiment(std::move(experiment))
    , m_collector(std::make_unique<TraceCollector>(nowNs()))
{
}

Runner::~Runner() = default;

namespace {

// Raises the open-files soft limit to the hard limit, once: thousands of downloads in flight
// need a socket each.
std::uint64_t openFileLimit()
{
    static const std::uint64_t limit = [] {
        rlimit fds{};
        if (::getrlimit(RLIMIT_NOFILE, &fds) != 0)
            return std::uint64_t{1024};
        fds.rlim_cur = fds.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &fds);
        ::getrlimit(RLIMIT_NOFILE, &fds);
        return static_cast<std::uint64_t>(fds.rlim_cur);
    }();
    return limit;
}

// Says so before starting when the downloads in flight at once cannot all have a socket,
// rather than failing half of them.
std::string checkOpenFiles(const Experiment &e)
{
    if (e.workload != WorkloadKind::Io)
        return {};
    std::uint64_t inFlight = 1;
    if (e.strategy == StrategyKind::Threads)
        inFlight = static_cast<std::uint64_t>(e.workerCount());
    else if (e.strategy == StrategyKind::Async)
        inFlight = static_cast<std::uint64_t>(e.io.maxInFlight > 0 ? std::min(e.io.maxInFlight, e.tasks)
                                                                   : e.tasks);
    constexpr std::uint64_t Reserve = 64; // the program's own files, pipes and the like
    const std::uint64_t limit = openFileLimit();
    if (inFlight + Reserve <= limit)
        return {};
    return std::to_string(inFlight) + " downloads at once need about " + std::to_string(inFlight + Reserve) +
        " open files, but this system allows " + std::to_string(limit) +
        "; lower --tasks or set --max-in-flight";
}

} // namespace

std::int64_t RunResult::taskCpuNs() const
{
    std::int64_t total = 0;
    for (const TaskRecord &task : trace.tasks())
        total += task.cpuNs;
    return total;
}

void countTasks(RunResult &result)
{
    for (const TaskRecord &task : result.trace.tasks()) {
        if (task.ok) {
            ++result.ok;
            result.result += task.value;
            result.bytes += task.bytes;
        } else {
            ++result.failed;
            ++result.errors[task.error];
        }
    }
}

RunResult Runner::run(std::stop_token stop)
{
    RunResult result;
    result.problem = checkOpenFiles(m_experiment);
    // Only our own server's certificate is ever trusted beyond the system's, and only for it.
    m_experiment.io.serverCertificate.clear();
    if (result.problem.empty() && m_experiment.workload == WorkloadKind::Io && m_experiment.io.url.empty()) {
        m_server = std::make_unique<EmbeddedServer>();
        result.problem = m_server->start(m_experiment.io);
        m_experiment.io.url = m_server->url();
        m_experiment.io.serverCertificate = m_server->certificateFile();
        result.embeddedServer = true;
    }
    result.experiment = m_experiment;
    result.cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (!result.problem.empty()) {
        result.trace = m_collector->finish();
        return result;
    }
    const std::unique_ptr<Workload> workload = makeWorkload(m_experiment);
    const std::unique_ptr<Strategy> strategy = makeStrategy(m_experiment.strategy);
    result.load.before = readLoadAverage();
    const std::int64_t begin = nowNs();
    m_collector->setOrigin(begin);
    strategy->run(*workload, m_experiment, *m_collector, stop);
    result.wallNs = nowNs() - begin;
    result.load.after = readLoadAverage();
    result.cancelled = stop.stop_requested();
    result.trace = m_collector->finish();
    countTasks(result);
    if (const auto *counter = dynamic_cast<const CounterWorkload *>(workload.get()))
        result.counter = counter->report(result.trace);
    return result;
}

} // namespace mtlab
