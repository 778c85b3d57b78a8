#pragma once

#include "experiment.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mtlab {

// `multitask-lab run ...` parsed: one experiment, the strategies to run it under, and outputs.
struct RunArguments {
    Experiment experiment;
    std::vector<StrategyKind> strategies;  // `all`: the four, one after another
    std::string tracePath;                 // --trace: Chrome trace JSON
    std::string pngPath, svgPath, pdfPath; // picture export
    bool json = false;
    double snapshotAtMs = -1; // --snapshot-at: with --json, each run's state at that instant; <0: none
    bool help = false;        // --help: print the usage and run nothing
};

struct ArgumentError {
    std::string message; // one line, names the problem
};

// Parses the arguments after `run`. Strict: unknown options, missing values, non-numbers and
// out-of-range numbers are errors, so a typo never silently runs something else.
std::variant<RunArguments, ArgumentError> parseRunArguments(const std::vector<std::string_view> &args);

// A worker process's arguments (workerArguments()): the same, plus --server-cert FILE, the embedded
// server's certificate, which only the parent that started that server may make a worker trust.
std::variant<RunArguments, ArgumentError> parseWorkerArguments(const std::vector<std::string_view> &args);

} // namespace mtlab
