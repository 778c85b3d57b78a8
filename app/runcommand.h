#pragma once

#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace mtlab {

struct Experiment;
struct RunArguments;
struct RunResult;

// `multitask-lab run ...`: runs an experiment under one or all strategies and prints a table or
// JSON; the exit code is 0 when the runs completed, 1 when nothing could run, 2 for bad arguments.
int runCommand(const std::vector<std::string_view> &args);

// Every output can be created, and no two name the same file: checked before the run, so that
// a bad path costs no run and gets exit 2 like any other bad argument. Empty, or the problem.
std::string checkOutputs(const RunArguments &arguments);

using RunFunction = std::function<RunResult(const Experiment &experiment, std::stop_token stop)>;
// Runs the experiments one after another (Ctrl-C and SIGTERM cancel), then writes the outputs the
// arguments name and prints the table or the JSON: `run`'s exit code (`python` runs the same way).
int runAndReport(std::string_view command, const RunArguments &arguments,
                 const std::vector<Experiment> &experiments, const RunFunction &run);

} // namespace mtlab
