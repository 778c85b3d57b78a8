#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtlab {

enum class WorkloadKind { Cpu, Io, Counter };
enum class StrategyKind { Sync, Threads, Async, Processes };
// How the counter workload's tasks guard their read-modify-write.
enum class SyncKind { None, Lock, Semaphore };

std::string_view workloadName(WorkloadKind kind) noexcept;
std::string_view strategyName(StrategyKind kind) noexcept;
std::string_view syncName(SyncKind kind) noexcept;
std::optional<WorkloadKind> workloadFromName(std::string_view name) noexcept;
std::optional<StrategyKind> strategyFromName(std::string_view name) noexcept;
std::optional<SyncKind> syncFromName(std::string_view name) noexcept;

// The I/O workload's settings: where to download from and how the embedded server behaves.
struct IoOptions {
    std::string url;             // empty: start the embedded server
    int delayMs = 100;           // embedded server: think time per request
    int sizeKb = 50;             // embedded server: body size
    bool tls = false;            // embedded server: speak HTTPS, with a certificate made for the run
    int setupMs = 0;             // embedded server, with tls: delay before each TLS handshake
    int maxConcurrent = 0;       // embedded server: 0 = unlimited
    double errorRate = 0.0;      // embedded server: fraction of faulty answers
    std::string fault = "mixed"; // embedded server: 500, reset, stall or mixed
    int seed = 1;                // embedded server: which requests are faulty
    bool reuse = true;           // keep connections (sessions) alive between requests
    int timeoutMs = 10'000;
    int maxBodyMb = 64;
    int maxInFlight = 0; // async: 0 = all tasks at once (gather)
    // async only, the loop starved: each download a blocking call inside its task; or one extra
    // task that computes hogMs without an await (in hogSliceMs chunks with an await between).
    bool blocking = false;
    int hogMs = 0;
    int hogSliceMs = 0;
    // The embedded server's certificate (a PEM file), set by whoever started it: trusted, alone,
    // for its URL. Empty for any other URL, which is checked against the system's certificates.
    std::string serverCertificate;
};

// The counter workload's settings: tasks add 1 to one shared counter, n times each.
struct CounterOptions {
    SyncKind sync = SyncKind::None;
    int permits = 2;          // semaphore: at most this many tasks inside at once
    bool yieldInside = false; // async: an await between the read and the write
};

// What to run. Everything a run needs is here, so the CLI, the window and the tests agree.
struct Experiment {
    WorkloadKind workload = WorkloadKind::Cpu;
    StrategyKind strategy = StrategyKind::Sync;
    int tasks = 20;
    int workers = 0;               // 0: the strategy's default (workerCount())
    std::uint64_t n = 400'000'000; // CPU: the first task's n; task i sums n + i
    bool gil = false;              // emulate CPython's interpreter lock
    int switchMs = 5;              // its switch interval
    IoOptions io;
    CounterOptions counter;
    bool python = false;          // run by the article's own Python program (`python`), not this engine
    std::string workerExecutable; // processes: empty = next to this executable
    int crashTask = -1;           // processes: the worker running it dies (fault drill)

    // Workers the strategy really uses: 1 for sync and async, 5 threads, one process per CPU.
    int workerCount() const noexcept;
};

// The article's CPU workload takes n = 5,000,000; in C++ one such task takes milliseconds, so
// the default is scaled up to take about a tenth of a second.
inline constexpr std::uint64_t ArticleN = 5'000'000;

// The counter workload's n when none is given, and its largest: every increment has a window
// with a yield point in it, which costs about a microsecond.
inline constexpr std::uint64_t CounterN = 10'000;
inline constexpr std::uint64_t MaxCounterN = 1'000'000;

// The largest experiment anyone may ask for (the command line and the window both hold to them).
inline constexpr int MaxTasks = 1'000'000;
inline constexpr int MaxWorkers = 1024;
// Above this, i*i no longer fits in 64 bits (the sum itself is 128-bit).
inline constexpr std::uint64_t MaxN = 4'000'000'000ULL;

// The runs of a comparison of all strategies (`--strategy all`), one after another: sync, threads,
// async, processes. For CPU work the thread pool runs twice, with the interpreter lock (as CPython
// runs it, the article's result) and without (as C++ or a free-threaded Python runs it), so the
// result and its explanation stand side by side.
std::vector<Experiment> comparisonRuns(const Experiment &base);

// The label a run goes by in traces, tables and pictures: "threads, 5 workers".
std::string runLabel(const Experiment &experiment);

} // namespace mtlab
