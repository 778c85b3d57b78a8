#include "runcommand.h"

#include "atomicfile.h"
#include "chrometrace.h"
#include "runarguments.h"
#include "runner.h"
#include "runreport.h"
#include "tracecollector.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <pthread.h>
#include <stop_token>
#include <thread>

namespace mtlab {

namespace {

// Ctrl-C and SIGTERM cancel the run instead of killing the program, so child processes are
// reaped and what was recorded is still reported. Signals are blocked in every thread and
// taken by one watcher thread with sigtimedwait, which is safe where a handler would not be.
class SignalWatcher
{
public:
    explicit SignalWatcher(std::stop_source stop)
    {
        sigemptyset(&m_signals);
        sigaddset(&m_signals, SIGINT);
        sigaddset(&m_signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &m_signals, nullptr);
        m_thread = std::jthread([this, stop](std::stop_token done) mutable {
            const timespec tick{0, 100'000'000};
            while (!done.stop_requested()) {
                if (sigtimedwait(&m_signals, nullptr, &tick) > 0) {
                    std::fputs("multitask-lab: interrupted, cancelling the run\n", stderr);
                    m_interrupted = true;
                    stop.request_stop();
                }
            }
        });
    }
    bool interrupted() const noexcept { return m_interrupted; }

private:
    sigset_t m_signals{};
    std::atomic<bool> m_interrupted{false};
    std::jthread m_thread;
};

bool writeOutput(const std::string &path, const std::string &data)
{
    const std::string problem = writeFileAtomically(path, data);
    if (!problem.empty())
        std::cerr << "multitask-lab: " << problem << '\n';
    return problem.empty();
}

} // namespace

int runCommand(const std::vector<std::string_view> &args)
{
    const auto parsed = parseRunArguments(args);
    if (const auto *error = std::get_if<ArgumentError>(&parsed)) {
        std::cerr << "multitask-lab run: " << error->message << '\n';
        return 2;
    }
    const RunArguments &arguments = std::get<RunArguments>(parsed);
    for (const std::string *path : {&arguments.tracePath, &arguments.pngPath, &arguments.svgPath,
                                    &arguments.pdfPath}) {
        if (path->empty())
            continue;
        if (const std::string problem = checkWritable(*path); !problem.empty()) {
            std::cerr << "multitask-lab run: " << problem << '\n';
            return 2;
        }
    }

    std::stop_source stop;
    SignalWatcher watcher(stop);
    std::vector<RunResult> results;
    for (const StrategyKind strategy : arguments.strategies) {
        if (stop.stop_requested())
            break;
        Experiment experiment = arguments.experiment;
        experiment.strategy = strategy;
        std::cerr << "running " << strategyName(strategy) << " (" << experiment.tasks << " tasks, "
                  << experiment.workerCount() << (experiment.workerCount() == 1 ? " worker" : " workers") << ")...\n";
        Runner runner(experiment);
        results.push_back(runner.run(stop.get_token()));
        if (!results.back().problem.empty()) {
            std::cerr << "multitask-lab run: " << results.back().problem << '\n';
            return 1;
        }
    }

    bool written = true;
    if (!arguments.tracePath.empty()) {
        std::vector<const RunResult *> runs;
        for (const RunResult &run : results)
            runs.push_back(&run);
        written = writeOutput(arguments.tracePath, chromeTraceJson(runs));
    }
    std::cout << (arguments.json ? reportJson(results) : reportTable(results)) << std::flush;
    if (watcher.interrupted())
        return 130;
    return written ? 0 : 1;
}

} // namespace mtlab
