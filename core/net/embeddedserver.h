#pragma once

#include "childprocess.h"
#include "experiment.h"

#include <string>
#include <vector>

namespace mtlab {

// multitask-lab-server, started next to this executable on a free loopback port, so that the I/O
// workload needs no network. It ends with this object, and with this process (it watches its
// stdin), so no server outlives a crash of ours. With IoOptions::tls it speaks HTTPS, and its
// certificate is kept in a file of a private folder for as long as this object lives, for our
// clients (worker processes included) to trust.
class EmbeddedServer
{
public:
    EmbeddedServer() = default;
    ~EmbeddedServer();

    // Empty on success, else why the server could not start.
    std::string start(const IoOptions &options, const std::vector<std::string> &extraArgs = {});
    const std::string &url() const noexcept { return m_url; }
    // The server's certificate as a PEM file; empty without TLS.
    const std::string &certificateFile() const noexcept { return m_certificateFile; }
    pid_t pid() const noexcept { return m_process.pid(); }

    // The server's options for an experiment's I/O settings.
    static std::vector<std::string> arguments(const IoOptions &options);

private:
    // Reads the server's output until it holds `marker`; empty on success, else why not.
    std::string readUntil(std::string &output, std::string_view marker, std::int64_t deadline);
    std::string keepCertificate(std::string_view pem);

    ChildProcess m_process;
    std::string m_url;
    std::string m_certificateDir;
    std::string m_certificateFile;
};

} // namespace mtlab
