#include "runcommand.h"

#include "atomicfile.h"
#include "chrometrace.h"
#include "commandapplication.h"
#include "comparison.h"
#include "outputpath.h"
#include "pictureexport.h"
#include "reporttext.h"
#include "urlcheck.h"
#include "runarguments.h"
#include "runner.h"
#include "runreport.h"
#include "timelinemodel.h"
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

const char *runUsage()
{
    return "Usage: multitask-lab run --workload cpu|io|counter --strategy sync|threads|async|processes|all "
           "[options]\n"
           "Runs an experiment without a window; prints a table (or JSON) on stdout, progress on stderr.\n"
           "\n"
           "  --workload W            cpu (sums of squares), io (downloads) or counter (cpu)\n"
           "  --strategy S            sync, threads, async, processes, or all in turn (sync);\n"
           "                          for cpu, all runs threads with and without --gil\n"
           "  --tasks N               how many tasks (20)\n"
           "  --workers W             pool size (threads: 5; processes: one per CPU)\n"
           "  --json                  one JSON object {\"runs\":[...]} instead of the table\n"
           "  --snapshot-at MS        with --json: each run's state MS after its start (running,\n"
           "                          ready, waiting and queued tasks, done)\n"
           "  --trace FILE.json       also write a Chrome trace (Perfetto, chrome://tracing)\n"
           "  --png|--svg|--pdf FILE  also draw the timelines\n"
           "CPU workload:\n"
           "  --n N                   task i sums k*k for k < N + i (400000000)\n"
           "  --gil                   emulate CPython's interpreter lock\n"
           "  --switch-ms MS          its switch interval (5)\n"
           "  --crash-task T          processes: the worker running task T dies (a fault drill)\n"
           "I/O workload (from the embedded server unless --url is given):\n"
           "  --url URL               download this page instead (http:// or https://)\n"
           "  --delay-ms MS           the server's think time per request (100)\n"
           "  --size-kb KB            body size (50)\n"
           "  --tls                   the server speaks HTTPS, with a certificate made for the run\n"
           "                          and trusted by this run only\n"
           "  --setup-ms MS           with --tls: the server delays each TLS handshake (0)\n"
           "  --max-concurrent N      the server answers at most N at once, the rest wait (0: no limit)\n"
           "  --error-rate F          fraction of faulty answers, 0 to 1 (0)\n"
           "  --fault KIND            500, reset, stall or mixed (mixed)\n"
           "  --seed S                which requests are faulty (1)\n"
           "  --no-reuse              a new connection for every request\n"
           "  --timeout-ms MS         per request (10000)\n"
           "  --max-body-mb MB        larger bodies fail (64)\n"
           "  --max-in-flight K       async: at most K downloads at once (0: all)\n"
           "Starving the event loop (only with --workload io --strategy async):\n"
           "  --blocking              each download a blocking call inside its task: one at a time\n"
           "  --hog-ms MS             one more task computes MS (1 to 60000) without an await\n"
           "  --hog-slice-ms MS       with --hog-ms: it computes in slices of MS, an await between them\n"
           "Shared counter (each task adds 1 to one counter n times: read, compute, write):\n"
           "  --n N                   increments per task, at most 1000000 (10000)\n"
           "  --sync S                none, lock or semaphore: what guards the update (none)\n"
           "  --permits K             with semaphore: at most K tasks inside at once (2)\n"
           "  --yield-inside          async: an await between the read and the write\n"
           "\n"
           "Outputs are checked before the run: each must be creatable, no two the same file.\n"
           "\n"
           "Exit code: 0 when the runs completed (even with failed tasks), 1 when nothing could run\n"
           "or an output could not be written after the run, 2 for bad arguments (an output that\n"
           "cannot be written or a URL that can never be downloaded among them), 130 when Ctrl-C\n"
           "or SIGTERM cancelled the run (what was recorded is still reported).\n";
}

bool writeOutput(const std::string &path, const std::string &data)
{
    const std::string problem = writeOutputFile(path, data);
    if (!problem.empty())
        std::cerr << "multitask-lab: " << problem << '\n';
    return problem.empty();
}

bool drawsPictures(const RunArguments &arguments)
{
    return !arguments.pngPath.empty() || !arguments.svgPath.empty() || !arguments.pdfPath.empty();
}

// The timeline pictures (--png, --svg, --pdf): the window's comparison, drawn by the same renderer.
// Painting text needs the QGuiApplication that CommandApplication makes for them, but no display.
bool writePictures(const RunArguments &arguments, const std::vector<RunResult> &results)
{
    const std::pair<const std::string *, PictureFormat> pictures[] = {
        {&arguments.pngPath, PictureFormat::Png},
        {&arguments.svgPath, PictureFormat::Svg},
        {&arguments.pdfPath, PictureFormat::Pdf}};
    if (!drawsPictures(arguments))
        return true;

    TimelineModel model;
    Comparison comparison(model);
    for (const RunResult &run : results)
        comparison.addRun(run);
    PictureOptions options;
    options.title = pictureTitle(arguments.experiment);
    bool written = true;
    for (const auto &[path, format] : pictures) {
        if (path->empty())
            continue;
        const QString problem = exportPicture(model, QString::fromStdString(*path), format, options);
        if (!problem.isEmpty()) {
            std::cerr << "multitask-lab: " << problem.toStdString() << '\n';
            written = false;
        }
    }
    return written;
}

} // namespace

std::string checkOutputs(const RunArguments &arguments)
{
    const std::vector<OutputPath> outputs = {{"--trace", arguments.tracePath},
                                             {"--png", arguments.pngPath},
                                             {"--svg", arguments.svgPath},
                                             {"--pdf", arguments.pdfPath}};
    for (const OutputPath &output : outputs) {
        if (output.path.empty())
            continue;
        if (std::string problem = checkWritable(output.path); !problem.empty())
            return problem;
    }
    return checkDistinctOutputs(outputs);
}

int runCommand(const std::vector<std::string_view> &args)
{
    const auto parsed = parseRunArguments(args);
    if (const auto *error = std::get_if<ArgumentError>(&parsed)) {
        std::cerr << "multitask-lab run: " << error->message << '\n';
        return 2;
    }
    const RunArguments &arguments = std::get<RunArguments>(parsed);
    if (arguments.help) {
        std::cout << runUsage();
        return 0;
    }
    // A URL that can never be downloaded would only make every task fail: a bad argument.
    if (const std::string &url = arguments.experiment.io.url; !url.empty()) {
        if (const std::string problem = checkDownloadUrl(url); !problem.empty()) {
            std::cerr << "multitask-lab run: --url: " << problem << '\n';
            return 2;
        }
    }
    if (const std::string problem = checkOutputs(arguments); !problem.empty()) {
        std::cerr << "multitask-lab run: " << problem << '\n';
        return 2;
    }

    std::vector<Experiment> experiments;
    if (arguments.strategies.size() > 1) {
        experiments = comparisonRuns(arguments.experiment);
    } else {
        experiments.push_back(arguments.experiment);
        experiments.back().strategy = arguments.strategies.front();
    }
    return runAndReport("run", arguments, experiments,
                        [](const Experiment &experiment, std::stop_token stop) {
                            Runner runner(experiment);
                            return runner.run(stop);
                        });
}

int runAndReport(std::string_view command, const RunArguments &arguments,
                 const std::vector<Experiment> &experiments, const RunFunction &run)
{
    std::stop_source stop;
    SignalWatcher watcher(stop);
    // After the watcher: threads Qt starts inherit its blocked signals.
    const CommandApplication application(drawsPictures(arguments));
    std::vector<RunResult> results;
    for (const Experiment &experiment : experiments) {
        if (stop.stop_requested())
            break;
        std::cerr << "running " << runLabel(experiment) << " (" << experiment.tasks << " tasks)...\n";
        results.push_back(run(experiment, stop.get_token()));
        if (!results.back().problem.empty()) {
            std::cerr << "multitask-lab " << command << ": " << results.back().problem << '\n';
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
    written = writePictures(arguments, results) && written;
    std::cout << (arguments.json ? reportJson(results, arguments.snapshotAtMs)
                                 : reportTable(results, reportText()))
              << std::flush;
    if (watcher.interrupted())
        return 130;
    return written ? 0 : 1;
}

} // namespace mtlab
