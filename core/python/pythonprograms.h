#pragma once

#include "experiment.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace mtlab {

// The article's Python programs (resources/python/): which one runs an experiment, where they are
// and which python3 can run them. They are installed in share/multitask-lab/python/ and copied to
// the same place beside the build tree's bin/, so both are found from the executable.

// The program for a workload under a strategy ("io_threads.py"); empty where the article has none
// (CPU work under asyncio, the shared counter).
std::string_view articleProgram(WorkloadKind workload, StrategyKind strategy) noexcept;
// The strategies the article has a program for, in the order `all` runs them.
std::vector<StrategyKind> articleStrategies(WorkloadKind workload);

// The programs' folder for a main executable in programDir, and for the running executable.
std::filesystem::path pythonProgramDirectory(const std::filesystem::path &programDir);
std::filesystem::path pythonProgramDirectory();

struct PythonInterpreter {
    std::string path;    // empty: none fits
    std::string problem; // then one line saying what to install
};

// A python3 that can run the workload's programs (the I/O ones import requests and aiohttp):
// $MTLAB_PYTHON alone if set, else python3 on the PATH, else Debian's /usr/bin/python3, whose
// modules python3-requests and python3-aiohttp are.
PythonInterpreter findPythonInterpreter(WorkloadKind workload);

// What a workload's programs import beyond the standard library.
std::vector<std::string> pythonModulesNeeded(WorkloadKind workload);

} // namespace mtlab
