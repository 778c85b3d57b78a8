#include "pythonrunner.h"

#include "childprocess.h"
#include "clock.h"
#include "embeddedserver.h"
#include "pythonprograms.h"
#include "tracefilereader.h"

#include <algorithm>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <poll.h>
#include <unistd.h>

namespace mtlab {

namespace {

// A private folder for the program's trace, removed with this object.
class TraceFolder
{
public:
    TraceFolder()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "mtlab-python-XXXXXX").string();
        if (::mkdtemp(pattern.data()))
            m_path = pattern;
    }
    ~TraceFolder()
    {
        std::error_code ignored;
        if (!m_path.empty())
            std::filesystem::remove_all(m_path, ignored);
    }
    TraceFolder(const TraceFolder &) = delete;
    TraceFolder &operator=(const TraceFolder &) = delete;
    const std::string &path() const noexcept { return m_path; }

private:
    std::string m_path;
};

} // namespace

Experiment pythonExperiment(Experiment experiment)
{
    experiment.python = true;
    experiment.gil = experiment.workload == WorkloadKind::Cpu && experiment.strategy == StrategyKind::Threads;
    experiment.workers = experiment.strategy == StrategyKind::Threads ? 5 : 0; // as the article's pools
    experiment.io.url
        .clear(); // the embedded server, without TLS: the programs trust the system's certificates
    experiment.io.tls = false;
    return experiment;
}

std::optional<double> printedSeconds(std::string_view output)
{
    const std::size_t unit = output.rfind(" seconds");
    if (unit == std::string_view::npos)
        return std::nullopt;
    const std::size_t from = output.rfind(' ', unit - 1);
    const std::string_view number = output.substr(from + 1, unit - from - 1);
    double seconds = -1;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), seconds);
    if (ec != std::errc{} || end != number.data() + number.size() || !(seconds >= 0))
        return std::nullopt;
    return seconds;
}

RunResult runArticleProgram(const Experiment &experiment, std::stop_token stop)
{
    const PythonInterpreter python = findPythonInterpreter(experiment.workload);
    if (python.path.empty()) {
        RunResult result;
        result.experiment = pythonExperiment(experiment);
        result.problem = python.problem;
        return result;
    }
    PythonRunner runner(experiment, python.path);
    return runner.run(stop);
}

PythonRunner::PythonRunner(Experiment experiment, std::string interpreter)
    : m_experiment(pythonExperiment(std::move(experiment)))
    , m_interpreter(std::move(interpreter))
{
}

RunResult PythonRunner::run(std::stop_token stop)
{
    RunResult result;
    result.experiment = m_experiment;
    result.cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const std::string_view program = articleProgram(m_experiment.workload, m_experiment.strategy);
    if (program.empty()) {
        result.problem = "the article has no Python program for " +
            std::string(workloadName(m_experiment.workload)) + " work under " +
            std::string(strategyName(m_experiment.strategy));
        return result;
    }
    const TraceFolder folder;
    const std::string tracePath = folder.path() + "/trace.json";
    std::vector<std::string> args = {(pythonProgramDirectory() / program).string(), "--tasks",
                                     std::to_string(m_experiment.tasks), "--trace", tracePath};
    EmbeddedServer server;
    if (m_experiment.workload == WorkloadKind::Io) {
        result.problem = server.start(m_experiment.io);
        result.embeddedServer = true;
        args.insert(args.end(), {"--url", server.url()});
    } else {
        args.insert(args.end(), {"--n", std::to_string(m_experiment.n)});
    }
    if (folder.path().empty())
        result.problem = "cannot make a folder for the Python program's trace";
    if (!result.problem.empty())
        return result;

    result.load.before = readLoadAverage();
    const std::int64_t begin = nowNs();
    const std::string output = execute(args, result, stop);
    result.load.after = readLoadAverage();
    if (!result.problem.empty() || result.cancelled)
        return result;
    TraceFileReader::Result read = TraceFileReader::read(tracePath);
    if (!read.file || read.file->runs.empty()) {
        result.problem = "the Python program's trace cannot be read: " + read.error;
        return result;
    }
    result.trace = std::move(read.file->runs.front().trace);
    countTasks(result);
    const std::optional<double> seconds = printedSeconds(output);
    result.wallNs = seconds ? static_cast<std::int64_t>(*seconds * 1e9) : nowNs() - begin;
    return result;
}

// Runs the program to its end and returns what it printed; Ctrl-C (the stop token) reaches it,
// and its pool's processes, as in a terminal.
std::string PythonRunner::execute(const std::vector<std::string> &args, RunResult &result,
                                  std::stop_token stop)
{
    ChildProcess child;
    if (std::string problem = child.start(m_interpreter, args); !problem.empty()) {
        result.problem = "cannot start " + m_interpreter + ": " + problem;
        return {};
    }
    child.closeInput();
    std::string output;
    while (!stop.stop_requested()) {
        pollfd readable{.fd = child.outputFd(), .events = POLLIN, .revents = 0};
        ::poll(&readable, 1, 100);
        if (child.read(output) == ChildProcess::ReadResult::End)
            break;
    }
    if (stop.stop_requested()) {
        // Its own process group: the program and its pool's processes, as Ctrl-C in a terminal;
        // killed together if they do not end, while the program (the group's leader) is unreaped.
        result.cancelled = true;
        ::kill(-child.pid(), SIGINT);
        if (!child.wait(std::chrono::seconds(2)))
            ::kill(-child.pid(), SIGKILL);
    }
    const int status = child.end(std::chrono::seconds(2));
    if (!result.cancelled && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        result.problem = "the Python program " + std::filesystem::path(args.front()).filename().string() +
            " " + ChildProcess::describe(status);
    return output;
}

} // namespace mtlab
