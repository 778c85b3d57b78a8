#include "pythonprograms.h"

#include "childprocess.h"

#include <cstdlib>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

namespace mtlab {

std::string_view articleProgram(WorkloadKind workload, StrategyKind strategy) noexcept
{
    if (workload == WorkloadKind::Io) {
        switch (strategy) {
        case StrategyKind::Sync:
            return "io_sync.py";
        case StrategyKind::Threads:
            return "io_threads.py";
        case StrategyKind::Async:
            return "io_asyncio.py";
        case StrategyKind::Processes:
            return "io_processes.py";
        }
    }
    if (workload == WorkloadKind::Cpu) {
        switch (strategy) {
        case StrategyKind::Sync:
            return "cpu_sync.py";
        case StrategyKind::Threads:
            return "cpu_threads.py";
        case StrategyKind::Processes:
            return "cpu_processes.py";
        case StrategyKind::Async:
            break;
        }
    }
    return {};
}

std::vector<StrategyKind> articleStrategies(WorkloadKind workload)
{
    std::vector<StrategyKind> strategies;
    for (const StrategyKind s :
         {StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Async, StrategyKind::Processes})
        if (!articleProgram(workload, s).empty())
            strategies.push_back(s);
    return strategies;
}

std::filesystem::path pythonProgramDirectory(const std::filesystem::path &programDir)
{
    return (programDir / MTLAB_PYTHON_DIR).lexically_normal();
}

std::filesystem::path pythonProgramDirectory()
{
    std::error_code error;
    return pythonProgramDirectory(std::filesystem::read_symlink("/proc/self/exe", error).parent_path());
}

std::vector<std::string> pythonModulesNeeded(WorkloadKind workload)
{
    if (workload == WorkloadKind::Io)
        return {"requests", "aiohttp"};
    return {};
}

namespace {

// Whether the interpreter starts and finds the modules (quietly: a missing one is expected).
bool canImport(const std::string &python, const std::vector<std::string> &modules)
{
    std::string statement =
        "import importlib.util, sys; sys.exit(any(importlib.util.find_spec(m) is None for m in [''";
    for (const std::string &module : modules)
        statement += ", '" + module + "'";
    statement += "][1:]))";
    ChildProcess child;
    if (!child.start(python, {"-c", statement}).empty())
        return false;
    child.closeInput();
    const std::optional<int> status = child.wait(std::chrono::seconds(20));
    return status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
}

std::vector<std::string> candidates()
{
    if (const char *chosen = std::getenv("MTLAB_PYTHON"); chosen && *chosen)
        return {chosen};
    std::vector<std::string> found;
    if (const char *path = std::getenv("PATH")) {
        std::istringstream folders(path);
        for (std::string folder; std::getline(folders, folder, ':');) {
            const std::string python = (folder.empty() ? std::string(".") : folder) + "/python3";
            if (::access(python.c_str(), X_OK) == 0) {
                found.push_back(python);
                break;
            }
        }
    }
    if (found.empty() || found.front() != "/usr/bin/python3")
        found.emplace_back("/usr/bin/python3");
    return found;
}

} // namespace

PythonInterpreter findPythonInterpreter(WorkloadKind workload)
{
    const std::vector<std::string> modules = pythonModulesNeeded(workload);
    for (const std::string &python : candidates())
        if (canImport(python, modules))
            return {.path = python, .problem = {}};
    std::string what = "python3";
    std::string packages = "python3";
    for (const std::string &module : modules) {
        what += (module == modules.front() ? " with " : " and ") + module;
        packages += " python3-" + module;
    }
    return {.path = {},
            .problem = "the article's Python programs need " + what + ": apt-get install " + packages};
}

} // namespace mtlab
