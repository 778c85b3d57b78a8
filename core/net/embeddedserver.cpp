#include "embeddedserver.h"

#include <csignal>
#include <poll.h>

#include "clock.h"
#include "helperexecutable.h"

namespace mtlab {

namespace {
constexpr std::string_view ReadyPrefix = "multitask-lab-server listening on ";
constexpr int StartTimeoutMs = 5000;
} // namespace

std::vector<std::string> EmbeddedServer::arguments(const IoOptions &o)
{
    std::vector<std::string> args = {"--port",
                                     "0",
                                     "--delay-ms",
                                     std::to_string(o.delayMs),
                                     "--size-kb",
                                     std::to_string(o.sizeKb),
                                     "--setup-ms",
                                     std::to_string(o.setupMs),
                                     "--max-concurrent",
                                     std::to_string(o.maxConcurrent),
                                     "--exit-on-stdin-eof"};
    if (o.errorRate > 0) {
        for (std::string arg :
             {std::string("--error-rate"), std::to_string(o.errorRate), std::string("--fault"), o.fault,
              std::string("--seed"), std::to_string(o.seed)})
            args.push_back(std::move(arg));
    }
    return args;
}

EmbeddedServer::~EmbeddedServer()
{
    if (m_process.pid() > 0 && !m_process.reaped()) {
        m_process.signal(SIGTERM);
        m_process.end(std::chrono::milliseconds(500));
    }
}

std::string EmbeddedServer::start(const IoOptions &options, const std::vector<std::string> &extraArgs)
{
    const std::string program = helperExecutable("multitask-lab-server");
    std::vector<std::string> args = arguments(options);
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    if (std::string problem = m_process.start(program, args); !problem.empty())
        return "cannot start the embedded server " + program + ": " + problem;

    std::string output;
    const std::int64_t deadline = nowNs() + std::int64_t{StartTimeoutMs} * 1'000'000;
    while (output.find('\n') == std::string::npos) {
        const int left = static_cast<int>((deadline - nowNs()) / 1'000'000);
        pollfd fd{m_process.outputFd(), POLLIN, 0};
        if (left <= 0 || ::poll(&fd, 1, left) == 0) {
            m_process.end(std::chrono::milliseconds(100));
            return "the embedded server did not start within " + std::to_string(StartTimeoutMs / 1000) + " s";
        }
        if (m_process.read(output) == ChildProcess::ReadResult::End) {
            const int status = m_process.end(std::chrono::milliseconds(100));
            return "the embedded server " + ChildProcess::describe(status);
        }
    }
    const std::string line = output.substr(0, output.find('\n'));
    if (!line.starts_with(ReadyPrefix)) {
        m_process.end(std::chrono::milliseconds(100));
        return "the embedded server said something unexpected: " + line;
    }
    m_url = line.substr(ReadyPrefix.size());
    return {};
}

} // namespace mtlab
