#pragma once

#include "runner.h"

#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

namespace mtlab {

// Runs one experiment with the article's own Python program (resources/python/) instead of this
// engine, as Runner does: the embedded server for downloads, the program under `interpreter`
// with its tracer on, and its trace read back (core/import) into a run that stands beside the
// engine's. The run's wall time is the one the program itself measured and printed, as in the
// article; its experiment says `python`.
class PythonRunner
{
public:
    PythonRunner(Experiment experiment, std::string interpreter);

    RunResult run(std::stop_token stop = {});

private:
    std::string execute(const std::vector<std::string> &args, RunResult &result, std::stop_token stop);

    Experiment m_experiment;
    std::string m_interpreter;
};

// The experiment as the article's program runs it: its pool sizes, and the interpreter lock
// for CPU threads (CPython's own).
Experiment pythonExperiment(Experiment experiment);

// Finds a python3 that can run the experiment's program and runs it (the window's way): a run
// whose problem says what to install when there is none.
RunResult runArticleProgram(const Experiment &experiment, std::stop_token stop = {});

// The seconds the program printed last ("Duration 7.58 seconds", "Download 100 in 3.09 seconds").
std::optional<double> printedSeconds(std::string_view output);

} // namespace mtlab
