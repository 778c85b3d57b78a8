#include "pythoncommand.h"

#include "pythonprograms.h"
#include "pythonrunner.h"
#include "runarguments.h"
#include "runcommand.h"

#include <algorithm>
#include <array>
#include <iostream>

namespace mtlab {

namespace {

const char *pythonUsage()
{
    return "Usage: multitask-lab python --workload io|cpu --strategy sync|threads|async|processes|all "
           "[options]\n"
           "Runs the article's own Python programs (with python3, requests and aiohttp) against the\n"
           "embedded server, traced, and reports them as `run` does: a table (or JSON) on stdout.\n"
           "\n"
           "  --workload W            io (requests / aiohttp downloads) or cpu (sums of squares)\n"
           "  --strategy S            sync, threads (a pool of 5), async (asyncio; io only),\n"
           "                          processes (one per CPU), or all the article has, in turn\n"
           "  --tasks N               how many tasks (20)\n"
           "  --n N                   cpu: task i sums k*k for k < N + i (5000000, the article's)\n"
           "  --delay-ms MS           io: the server's think time per request (100)\n"
           "  --size-kb KB            io: body size (50)\n"
           "  --json                  one JSON object {\"runs\":[...]} instead of the table\n"
           "  --trace FILE.json       also write the runs' Chrome trace\n"
           "  --png|--svg|--pdf FILE  also draw the timelines\n"
           "\n"
           "Exit code: 0 when the runs completed, 1 when a program could not run, 2 for bad\n"
           "arguments or a missing python3, requests or aiohttp (it says what to install).\n";
}

// Only what the article's programs can do: the rest of `run`'s options would be silently ignored.
constexpr std::array Allowed = {"--workload", "--strategy", "--tasks", "--n",   "--delay-ms", "--size-kb",
                                "--json",     "--trace",    "--png",   "--svg", "--pdf",      "--help"};

std::string refused(const std::vector<std::string_view> &args)
{
    for (std::string_view arg : args) {
        if (!arg.starts_with("--"))
            continue;
        arg = arg.substr(0, arg.find('='));
        if (std::find(Allowed.begin(), Allowed.end(), arg) == Allowed.end())
            return "the article's programs have no " + std::string(arg) + " (try --help)";
    }
    return {};
}

} // namespace

int pythonCommand(const std::vector<std::string_view> &args)
{
    if (const std::string problem = refused(args); !problem.empty()) {
        std::cerr << "multitask-lab python: " << problem << '\n';
        return 2;
    }
    const auto parsed = parseRunArguments(args);
    if (const auto *error = std::get_if<ArgumentError>(&parsed)) {
        std::cerr << "multitask-lab python: " << error->message << '\n';
        return 2;
    }
    RunArguments arguments = std::get<RunArguments>(parsed);
    if (arguments.help) {
        std::cout << pythonUsage();
        return 0;
    }
    Experiment &base = arguments.experiment;
    const std::vector<StrategyKind> offered = articleStrategies(base.workload);
    if (offered.empty()) {
        std::cerr << "multitask-lab python: the article has no Python program for the "
                  << workloadName(base.workload) << " workload (io or cpu)\n";
        return 2;
    }
    if (arguments.strategies.size() == 1 &&
        articleProgram(base.workload, arguments.strategies.front()).empty()) {
        std::cerr << "multitask-lab python: the article has no " << strategyName(arguments.strategies.front())
                  << " program for " << workloadName(base.workload) << " work (sync, threads or processes)\n";
        return 2;
    }
    if (std::find(args.begin(), args.end(), "--n") == args.end() &&
        std::none_of(args.begin(), args.end(), [](std::string_view a) { return a.starts_with("--n="); }))
        base.n = ArticleN;
    if (const std::string problem = checkOutputs(arguments); !problem.empty()) {
        std::cerr << "multitask-lab python: " << problem << '\n';
        return 2;
    }
    const PythonInterpreter python = findPythonInterpreter(base.workload);
    if (python.path.empty()) {
        std::cerr << "multitask-lab python: " << python.problem << '\n';
        return 2;
    }

    std::vector<Experiment> experiments;
    for (const StrategyKind strategy : arguments.strategies.size() > 1 ? offered : arguments.strategies) {
        Experiment experiment = base;
        experiment.strategy = strategy;
        experiments.push_back(pythonExperiment(experiment));
    }
    arguments.experiment = experiments.front();
    return runAndReport("python", arguments, experiments,
                        [&](const Experiment &experiment, std::stop_token stop) {
                            PythonRunner runner(experiment, python.path);
                            return runner.run(stop);
                        });
}

} // namespace mtlab
