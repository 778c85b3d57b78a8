#include "runarguments.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace mtlab {

namespace {

template <typename T>
bool parseNumber(std::string_view text, T &out)
{
    if (text.empty())
        return false;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

class Parser
{
public:
    Parser(const std::vector<std::string_view> &args, bool fromParent)
        : m_args(args)
        , m_fromParent(fromParent)
    {
    }

    std::variant<RunArguments, ArgumentError> parse();

private:
    template <typename T>
    bool integer(std::string_view option, std::string_view text, T low, T high, T &out)
    {
        if (!parseNumber(text, out) || out < low || out > high) {
            fail(std::string(option) + " takes a whole number from " + std::to_string(low) + " to " +
                 std::to_string(high) + ", not '" + std::string(text) + "'");
            return false;
        }
        return true;
    }
    bool fraction(std::string_view option, std::string_view text, double &out)
    {
        if (!parseNumber(text, out) || !std::isfinite(out) || out < 0.0 || out > 1.0) {
            fail(std::string(option) + " takes a fraction from 0 to 1, not '" + std::string(text) + "'");
            return false;
        }
        return true;
    }
    bool text(std::string_view option, std::string_view value, std::string &out)
    {
        if (value.empty()) {
            fail(std::string(option) + " needs a non-empty value");
            return false;
        }
        out = std::string(value);
        return true;
    }
    void fail(std::string message)
    {
        if (m_error.empty())
            m_error = std::move(message);
    }
    bool option(std::string_view name, std::string_view value, RunArguments &run);
    void checkTls(const IoOptions &io);
    void checkStarvation(const RunArguments &run);
    void checkCounter(RunArguments &run, const std::vector<std::string_view> &given);

    const std::vector<std::string_view> &m_args;
    const bool m_fromParent; // a worker's arguments, from the process that started it
    std::string m_error;
};

bool Parser::option(std::string_view name, std::string_view value, RunArguments &run)
{
    Experiment &e = run.experiment;
    IoOptions &io = e.io;
    if (name == "--workload") {
        const auto kind = workloadFromName(value);
        if (!kind)
            fail("unknown workload '" + std::string(value) + "' (expected cpu, io or counter)");
        else
            e.workload = *kind;
    } else if (name == "--strategy") {
        run.strategies.clear();
        if (value == "all") {
            run.strategies = {StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Async,
                              StrategyKind::Processes};
        } else if (const auto kind = strategyFromName(value)) {
            run.strategies = {*kind};
            e.strategy = *kind;
        } else {
            fail("unknown strategy '" + std::string(value) +
                 "' (expected sync, threads, async, processes or all)");
        }
    } else if (name == "--tasks") {
        integer(name, value, 1, MaxTasks, e.tasks);
    } else if (name == "--workers") {
        integer(name, value, 1, MaxWorkers, e.workers);
    } else if (name == "--n") {
        integer<std::uint64_t>(name, value, 1, MaxN, e.n);
    } else if (name == "--switch-ms") {
        integer(name, value, 1, 10'000, e.switchMs);
    } else if (name == "--trace") {
        text(name, value, run.tracePath);
    } else if (name == "--png") {
        text(name, value, run.pngPath);
    } else if (name == "--svg") {
        text(name, value, run.svgPath);
    } else if (name == "--pdf") {
        text(name, value, run.pdfPath);
    } else if (name == "--url") {
        text(name, value, io.url);
    } else if (name == "--delay-ms") {
        integer(name, value, 0, 600'000, io.delayMs);
    } else if (name == "--size-kb") {
        integer(name, value, 0, 1'048'576, io.sizeKb);
    } else if (name == "--setup-ms") {
        integer(name, value, 0, 600'000, io.setupMs);
    } else if (name == "--max-concurrent") {
        integer(name, value, 0, MaxTasks, io.maxConcurrent);
    } else if (name == "--error-rate") {
        fraction(name, value, io.errorRate);
    } else if (name == "--fault") {
        if (value != "500" && value != "reset" && value != "stall" && value != "mixed")
            fail("unknown fault '" + std::string(value) + "' (expected 500, reset, stall or mixed)");
        else
            io.fault = std::string(value);
    } else if (name == "--seed") {
        integer(name, value, 0, 1'000'000'000, io.seed);
    } else if (name == "--timeout-ms") {
        integer(name, value, 1, 3'600'000, io.timeoutMs);
    } else if (name == "--max-body-mb") {
        integer(name, value, 1, 4096, io.maxBodyMb);
    } else if (name == "--max-in-flight") {
        integer(name, value, 0, MaxTasks, io.maxInFlight);
    } else if (name == "--hog-ms") {
        integer(name, value, 1, 60'000, io.hogMs);
    } else if (name == "--hog-slice-ms") {
        integer(name, value, 1, 60'000, io.hogSliceMs);
    } else if (name == "--server-cert" && m_fromParent) {
        text(name, value, io.serverCertificate);
    } else if (name == "--worker-executable") {
        text(name, value, e.workerExecutable);
    } else if (name == "--snapshot-at") {
        if (!parseNumber(value, run.snapshotAtMs) || !std::isfinite(run.snapshotAtMs) || run.snapshotAtMs < 0)
            fail("--snapshot-at takes a time in ms from the run's start (0 or more), not '" +
                 std::string(value) + "'");
    } else if (name == "--crash-task") {
        integer(name, value, 0, MaxTasks, e.crashTask);
    } else if (name == "--sync") {
        if (const auto kind = syncFromName(value))
            e.counter.sync = *kind;
        else
            fail("unknown sync '" + std::string(value) + "' (expected none, lock or semaphore)");
    } else if (name == "--permits") {
        integer(name, value, 1, MaxTasks, e.counter.permits);
    } else {
        return false;
    }
    return true;
}

void Parser::checkTls(const IoOptions &io)
{
    // A worker's --url is its parent's embedded server; a user's is someone else's, whose scheme
    // and certificates are its own business.
    if (io.tls && !io.url.empty() && !m_fromParent)
        fail("--tls makes the embedded server speak HTTPS; a --url keeps its own scheme");
    // Over plain HTTP the kernel sets a connection up before the server even sees it, so a
    // server-side delay would only show as the server's think time: set-up needs a handshake.
    if (io.setupMs > 0 && !io.tls && io.url.empty())
        fail("--setup-ms delays the TLS handshake, so it needs --tls");
}

// Starving the loop is a lesson about the event loop alone: with `all` the other runs would
// silently leave it out, so it is refused rather than half applied.
void Parser::checkStarvation(const RunArguments &run)
{
    const IoOptions &io = run.experiment.io;
    const char *given = io.blocking ? "--blocking"
        : io.hogMs > 0              ? "--hog-ms"
        : io.hogSliceMs > 0         ? "--hog-slice-ms"
                                    : nullptr;
    if (!given)
        return;
    if (run.experiment.workload != WorkloadKind::Io || run.strategies != std::vector{StrategyKind::Async})
        fail(std::string(given) + " starves the event loop, so it needs --workload io --strategy async");
    else if (io.hogSliceMs > 0 && io.hogMs == 0)
        fail("--hog-slice-ms cuts the hog's computing into slices, so it needs --hog-ms");
    else if (io.blocking && io.hogMs > 0)
        fail("--blocking and --hog-ms are two ways to starve the loop: choose one");
}

// The counter's options go with the counter only, each with the strategy or sync it is about; its
// n has a default and a limit of its own (each increment takes about a microsecond).
void Parser::checkCounter(RunArguments &run, const std::vector<std::string_view> &given)
{
    Experiment &e = run.experiment;
    CounterOptions &c = e.counter;
    const auto has = [&](std::string_view option) {
        return std::find(given.begin(), given.end(), option) != given.end();
    };
    if (e.workload != WorkloadKind::Counter) {
        for (const std::string_view option : {"--sync", "--permits", "--yield-inside"})
            if (has(option))
                fail(std::string(option) + " is for the shared counter: it needs --workload counter");
        return;
    }
    if (c.yieldInside && run.strategies != std::vector<StrategyKind>{StrategyKind::Async})
        fail("--yield-inside puts an await inside the read-modify-write, so it needs --strategy async");
    if (has("--permits") && c.sync != SyncKind::Semaphore)
        fail("--permits is the semaphore's count, so it needs --sync semaphore");
    if (has("--permits") && c.permits > e.tasks)
        fail("--permits takes a whole number from 1 to the number of tasks (" + std::to_string(e.tasks) +
             "), not " + std::to_string(c.permits));
    if (!has("--permits"))
        c.permits = std::min(2, e.tasks);
    if (!has("--n"))
        e.n = CounterN;
    if (e.n > MaxCounterN)
        fail("--n takes a whole number from 1 to " + std::to_string(MaxCounterN) +
             " for the counter workload, not " + std::to_string(e.n));
}

std::variant<RunArguments, ArgumentError> Parser::parse()
{
    RunArguments run;
    std::vector<std::string_view> given; // the options named, for the checks across options
    bool strategyGiven = false;
    for (std::size_t i = 0; i < m_args.size() && m_error.empty(); ++i) {
        std::string_view arg = m_args[i];
        if (arg == "--help" || arg == "-h") {
            run.help = true;
            continue;
        }
        if (arg == "--gil") {
            run.experiment.gil = true;
            continue;
        }
        if (arg == "--json") {
            run.json = true;
            continue;
        }
        if (arg == "--no-reuse") {
            run.experiment.io.reuse = false;
            continue;
        }
        if (arg == "--tls") {
            run.experiment.io.tls = true;
            continue;
        }
        if (arg == "--blocking") {
            run.experiment.io.blocking = true;
            continue;
        }
        if (arg == "--yield-inside") {
            run.experiment.counter.yieldInside = true;
            given.push_back(arg);
            continue;
        }
        if (!arg.starts_with("--")) {
            fail("unexpected argument '" + std::string(arg) + "'");
            break;
        }
        std::string_view value;
        if (const auto eq = arg.find('='); eq != std::string_view::npos) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        } else if (i + 1 < m_args.size()) {
            value = m_args[++i];
        } else {
            fail(std::string(arg) + " needs a value");
            break;
        }
        strategyGiven = strategyGiven || arg == "--strategy";
        given.push_back(arg);
        if (!option(arg, value, run))
            fail("unknown option '" + std::string(arg) + "'");
    }
    checkTls(run.experiment.io);
    if (run.snapshotAtMs >= 0 && !run.json)
        fail("--snapshot-at adds to the JSON report, so it needs --json");
    if (!strategyGiven)
        run.strategies = {run.experiment.strategy};
    checkStarvation(run);
    checkCounter(run, given);
    if (!m_error.empty())
        return ArgumentError{m_error};
    return run;
}

} // namespace

std::variant<RunArguments, ArgumentError> parseRunArguments(const std::vector<std::string_view> &args)
{
    return Parser(args, false).parse();
}

std::variant<RunArguments, ArgumentError> parseWorkerArguments(const std::vector<std::string_view> &args)
{
    return Parser(args, true).parse();
}

} // namespace mtlab
