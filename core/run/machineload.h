#pragma once

#include <cstdint>
#include <string_view>

namespace mtlab {

struct Experiment;
struct RunResult;

// The 1-minute load average around a run: read when it starts and when it ends.
struct MachineLoad {
    double before = -1.0; // < 0: unknown (no /proc/loadavg)
    double after = -1.0;
};

// What a verdict on a run needs, apart from the run itself, so that it is checked with figures.
struct LoadFigures {
    MachineLoad load;
    int cores = 1;
    int threads = 1;          // the run's own threads that compute at the same time
    std::int64_t cpuNs = 0;   // CPU work only: time the tasks computed
    std::int64_t readyNs = 0; // and time they were runnable but had no core
};

// Whether other programs used the cores while a run ran, so that its timings may be off: a class
// trusts what it sees, so the window says so. Two clues, either is enough:
// - the load average, less the run's own computing threads, left too few cores for the run;
// - a CPU run's tasks waited for a core (`ready`) much longer than having more threads than cores
//   explains (with W threads on C cores, a share 1 - C/W of their time is expected).
struct BusyVerdict {
    bool byLoad = false;
    bool byReady = false;
    double otherLoad = 0.0;  // the load other programs made, as far as the average tells
    double readyShare = 0.0; // ready / (ready + cpu)
    bool busy() const noexcept { return byLoad || byReady; }
};

// The first field of /proc/loadavg; < 0 when the text is not one.
double parseLoadAverage(std::string_view text);
// The machine's 1-minute load average now; < 0 where there is none.
double readLoadAverage();

// How many of the experiment's threads compute at once: one for sync, async and the interpreter
// lock, the pool's workers otherwise; none for downloads, which wait rather than compute.
int computingThreads(const Experiment &experiment);

BusyVerdict judgeLoad(const LoadFigures &figures);
LoadFigures loadFigures(const RunResult &run);
BusyVerdict machineLoadVerdict(const RunResult &run);

} // namespace mtlab
