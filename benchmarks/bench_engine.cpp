// Prints, in one run on this machine: how long a worker process takes to start, the speedup of
// each strategy over sync on the CPU workload, with and without the emulated interpreter lock,
// what recording a span costs, and what the sampling that tells cpu from ready costs a CPU task.
#include "childprocess.h"
#include "clock.h"
#include "cpusampler.h"
#include "cpuworkload.h"
#include "helperexecutable.h"
#include "recorder.h"
#include "runner.h"
#include "runreport.h"
#include "tracecollector.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <poll.h>

using namespace mtlab;

namespace {

// Costs are timed on the thread's own CPU clock, so that other programs taking the cores from this
// one (a shared or loaded machine) do not count as cost.

// Recording n spans as a worker does: an append to its own buffer each, the buffer handed to the
// collector every 1024 spans (as often as a worker finishing a small task would). The clock is
// read once per batch here and priced separately: it is the cost of knowing the time, which any
// tracer pays, not of recording. The first round includes touching fresh memory for the trace
// (page faults, costly on a VM); later rounds reuse the collector's memory and show the steady
// cost. Best of several rounds.
struct RecordingCost {
    double firstNs = 0;
    double steadyNs = 0;
};

RecordingCost recordingNsPerSpan()
{
    constexpr int spans = 4'000'000;
    TraceCollector collector(nowNs());
    RecordingCost cost{0, 1e9};
    for (int round = 0; round < 6; ++round) {
        collector.reset(nowNs());
        Recorder recorder(collector, collector.addLane({}));
        const std::int64_t begin = threadCpuNs();
        std::int64_t now = nowNs();
        for (int i = 0; i < spans; ++i) {
            recorder.record(State::Cpu, i, now, now);
            if ((i & 1023) == 1023) {
                recorder.flush();
                now = nowNs();
            }
        }
        recorder.flush();
        const double perSpan = static_cast<double>(threadCpuNs() - begin) / spans;
        if (round == 0)
            cost.firstNs = perSpan;
        else
            cost.steadyNs = std::min(cost.steadyNs, perSpan);
    }
    return cost;
}

template <typename Clock>
double readNs(Clock clock, int reads)
{
    std::int64_t sink = 0;
    const std::int64_t begin = threadCpuNs();
    for (int i = 0; i < reads; ++i)
        sink += clock();
    const double perRead = static_cast<double>(threadCpuNs() - begin) / reads;
    return sink != 0 ? perRead : 0.0;
}

// The CPU workload's loop must really run: were it folded into the closed form or vectorised
// away, 8x the terms would take about the same time. Fastest of five, so load does not skew it.
double loopScaling()
{
    u128 checksum = 0;
    const auto fastest = [&checksum](std::uint64_t n) {
        std::int64_t best = INT64_MAX;
        for (int i = 0; i < 5; ++i) {
            const std::int64_t begin = nowNs();
            checksum += sumOfSquares(0, n);
            best = std::min(best, nowNs() - begin);
        }
        return best;
    };
    const double ratio = static_cast<double>(fastest(8'000'000)) / static_cast<double>(fastest(1'000'000));
    return checksum > 0 ? ratio : 0.0;
}

// Start-up times, in ms, from asking for a process to the moment it reports it is ready.
struct SpawnTimes {
    double median = 0;
    double fastest = 0;
};

SpawnTimes summarize(std::vector<std::int64_t> spawns)
{
    std::sort(spawns.begin(), spawns.end());
    if (spawns.empty())
        return {};
    return {static_cast<double>(spawns[spawns.size() / 2]) / 1e6, static_cast<double>(spawns.front()) / 1e6};
}

// Two trivial programs started back to back, as a 2-worker pool starts its workers: how long each
// took until its main() ran and read the clock.
void spawnTrivialPair(std::vector<std::int64_t> &spawns)
{
    ChildProcess children[2];
    std::int64_t started[2] = {};
    for (int i = 0; i < 2; ++i) {
        started[i] = nowNs();
        if (!children[i].start(MTLAB_TRIVIAL_CHILD, {MTLAB_TRIVIAL_CHILD}).empty())
            return;
    }
    for (int i = 0; i < 2; ++i) {
        std::string output;
        while (output.find('\n') == std::string::npos) {
            pollfd wait{children[i].outputFd(), POLLIN, 0};
            ::poll(&wait, 1, 1000);
            if (children[i].read(output) == ChildProcess::ReadResult::End)
                break;
        }
        if (output.find('\n') != std::string::npos)
            spawns.push_back(std::stoll(output) - started[i]);
        children[i].end(std::chrono::milliseconds(1000));
    }
}

// The `spawn` spans of 2-worker process-pool runs of tiny tasks: for CPU work the CPU worker, or
// the one that links libcurl (`worker`, as every worker did before), for downloads (from the
// embedded server, answering at once) the one that links libcurl. Each run is followed by a pair
// of trivial programs started the same way, so that the floor is measured under the same load.
struct SpawnMeasure {
    SpawnTimes worker;
    SpawnTimes trivial;
};

SpawnMeasure measureSpawns(WorkloadKind workload, const std::string &worker = {})
{
    std::vector<std::int64_t> spawns;
    std::vector<std::int64_t> trivial;
    for (int round = 0; round < 15; ++round) {
        Experiment e;
        e.workload = workload;
        e.strategy = StrategyKind::Processes;
        e.workers = 2;
        e.tasks = 2;
        e.n = 1000;
        e.io.delayMs = 0;
        e.io.sizeKb = 1;
        e.workerExecutable = worker;
        const RunResult run = Runner(e).run();
        for (const Span &span : run.trace.spans())
            if (span.state == State::Spawn)
                spawns.push_back(span.duration());
        spawnTrivialPair(trivial);
    }
    return {summarize(std::move(spawns)), summarize(std::move(trivial))};
}

void printSpawns(const char *what, const SpawnMeasure &m)
{
    std::printf("  %-48s %5.1f ms (fastest %4.1f)  %4.1fx a trivial static program's %4.1f ms\n", what,
                m.worker.median, m.worker.fastest,
                m.trivial.median > 0 ? m.worker.median / m.trivial.median : 0.0, m.trivial.median);
}

// The sampling's share of a CPU task: the task as the workload runs it (a wall-clock read after
// every chunk, a CPU-clock read at least every CpuSampler::DefaultIntervalNs, more on a busy
// machine, where the thread loses its core more often) against the bare chunks. Rounds of each
// alternate, and the median of the pairs' differences keeps a burst of load from deciding.
struct SamplingCost {
    double estimated = 0; // the clock reads' own cost per unit of work
    double measured = 0;  // the difference between the two loops
};

SamplingCost samplingShare(double wallReadNs, double cpuReadNs)
{
    constexpr std::uint64_t n = 20'000'000; // ~10 ms a round
    TraceCollector collector(nowNs());
    Recorder recorder(collector, collector.addLane({}));
    WorkerContext context{recorder, {}, nullptr};
    CpuWorkload workload(1, n);
    u128 sink = 0;
    std::int64_t fastestBare = INT64_MAX;
    std::vector<double> differences;
    for (int round = 0; round < 41; ++round) {
        std::int64_t begin = threadCpuNs();
        for (std::uint64_t i = 0; i < n; i += CpuWorkload::ChunkTerms)
            sink += sumOfSquares(i, std::min(n, i + CpuWorkload::ChunkTerms));
        const std::int64_t bare = threadCpuNs() - begin;
        context.laneEnd = 0;
        begin = threadCpuNs();
        sink += workload.run(0, context).value;
        const std::int64_t sampled = threadCpuNs() - begin;
        recorder.flush();
        fastestBare = std::min(fastestBare, bare);
        differences.push_back(static_cast<double>(sampled - bare) / static_cast<double>(bare) * 100.0);
    }
    std::nth_element(differences.begin(), differences.begin() + differences.size() / 2, differences.end());
    const double chunk = static_cast<double>(fastestBare) / static_cast<double>(n / CpuWorkload::ChunkTerms);
    SamplingCost cost;
    cost.estimated = (wallReadNs / chunk + cpuReadNs / static_cast<double>(CpuSampler::DefaultIntervalNs)) *
        100.0;
    cost.measured = sink != 0 ? differences[differences.size() / 2] : 0.0;
    return cost;
}

} // namespace

int main(int argc, char *argv[])
{
    int tasks = 20;
    std::uint64_t n = Experiment{}.n;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--tasks") == 0)
            tasks = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--n") == 0)
            n = std::strtoull(argv[i + 1], nullptr, 10);
    }

    std::printf("worker start-up, median spawn span of 2-worker runs (15 runs each):\n");
    printSpawns("CPU work, multitask-lab-cpu-worker:", measureSpawns(WorkloadKind::Cpu));
    printSpawns("CPU work, multitask-lab-worker (links libcurl):",
                measureSpawns(WorkloadKind::Cpu, helperExecutable("multitask-lab-worker")));
    printSpawns("downloads, multitask-lab-worker:", measureSpawns(WorkloadKind::Io));
    std::printf("\n");

    const RecordingCost recording = recordingNsPerSpan();
    const double perSpan = recording.steadyNs;
    const double clock = readNs(nowNs, 4'000'000);
    const double cpuClock = readNs(threadCpuNs, 200'000);
    std::printf("recording: %.1f ns per span steady, %.1f ns with fresh memory; a clock read: %.1f ns\n",
                recording.steadyNs, recording.firstNs, clock);
    const SamplingCost sampling = samplingShare(clock, cpuClock);
    std::printf("sampling cpu/ready: a thread-CPU clock read %.0f ns, one per %.0f us of work: %.2f%% of a "
                "CPU run by the clocks' cost, %.2f%% measured (sampled vs bare loop, median)\n\n",
                cpuClock, static_cast<double>(CpuSampler::DefaultIntervalNs) / 1000.0, sampling.estimated,
                sampling.measured);

    struct Case {
        StrategyKind strategy;
        bool gil;
    };
    const std::vector<Case> cases = {{StrategyKind::Sync, false},      {StrategyKind::Threads, false},
                                     {StrategyKind::Threads, true},    {StrategyKind::Async, false},
                                     {StrategyKind::Processes, false}, {StrategyKind::Processes, true}};
    std::vector<RunResult> runs;
    for (const Case &c : cases) {
        Experiment e;
        e.strategy = c.strategy;
        e.gil = c.gil;
        e.tasks = tasks;
        e.n = n;
        runs.push_back(Runner(e).run());
    }
    std::printf("CPU workload, %d tasks, n = %llu: %u cores\n", tasks, static_cast<unsigned long long>(n),
                std::max(1u, std::thread::hardware_concurrency()));
    std::printf("%-36s %10s %9s %8s %12s\n", "strategy", "wall", "speedup", "spans", "recording");
    for (const RunResult &run : runs) {
        const double spans = static_cast<double>(run.trace.spans().size());
        // Each span reads the clock about twice.
        const double share = spans * (perSpan + 2 * clock) / static_cast<double>(run.wallNs) * 100.0;
        std::printf("%-36s %8.3f s %8.2fx %8.0f %11.4f%%\n",
                    (std::string(strategyName(run.experiment.strategy)) +
                     (run.experiment.gil ? " --gil" : "") + ", " +
                     std::to_string(run.experiment.workerCount()) +
                     (run.experiment.workerCount() == 1 ? " worker" : " workers"))
                        .c_str(),
                    static_cast<double>(run.wallNs) / 1e9, speedupOverSync(runs, run), spans, share);
    }
    std::printf("sum of squares: 8x the terms take %.1fx the time (8 when the loop really runs)\n",
                loopScaling());
    return 0;
}
