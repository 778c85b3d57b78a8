#include "embeddedserver.h"

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <poll.h>

#include "clock.h"
#include "helperexecutable.h"

namespace mtlab {

namespace {
constexpr std::string_view ReadyPrefix = "multitask-lab-server listening on ";
constexpr std::string_view CertificateEnd = "-----END CERTIFICATE-----\n";
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
    if (o.tls)
        args.emplace_back("--tls");
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
    if (!m_certificateDir.empty()) {
        std::error_code ignored; // a leftover public certificate in /tmp harms no one
        std::filesystem::remove_all(m_certificateDir, ignored);
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
    if (std::string problem = readUntil(output, "\n", deadline); !problem.empty())
        return problem;
    const std::string line = output.substr(0, output.find('\n'));
    if (!line.starts_with(ReadyPrefix)) {
        m_process.end(std::chrono::milliseconds(100));
        return "the embedded server said something unexpected: " + line;
    }
    m_url = line.substr(ReadyPrefix.size());
    if (!options.tls)
        return {};
    // The certificate follows the ready line.
    if (std::string problem = readUntil(output, CertificateEnd, deadline); !problem.empty())
        return problem;
    const std::size_t begin = line.size() + 1;
    return keepCertificate(
        std::string_view(output).substr(begin, output.find(CertificateEnd) + CertificateEnd.size() - begin));
}

std::string EmbeddedServer::readUntil(std::string &output, std::string_view marker, std::int64_t deadline)
{
    while (output.find(marker) == std::string::npos) {
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
    return {};
}

// In a folder only we may enter (mkdtemp makes it 0700), so nobody can put another certificate
// in its place for our clients to trust.
std::string EmbeddedServer::keepCertificate(std::string_view pem)
{
    std::error_code error;
    std::string folder = (std::filesystem::temp_directory_path(error) / "multitask-lab-XXXXXX").string();
    if (error || ::mkdtemp(folder.data()) == nullptr)
        return "cannot make a private folder for the server's certificate in " + folder;
    m_certificateDir = folder;
    const std::string file = folder + "/server.pem";
    std::ofstream out(file, std::ios::binary);
    out << pem;
    out.close();
    if (!out)
        return "cannot write the server's certificate to " + file;
    m_certificateFile = file;
    return {};
}

} // namespace mtlab
