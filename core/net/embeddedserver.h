#pragma once

#include "childprocess.h"
#include "experiment.h"

#include <string>
#include <vector>

namespace mtlab {

// multitask-lab-server, started next to this executable on a free loopback port, so that the I/O
// workload needs no network. It ends with this object, and with this process (it watches its
// stdin), so no server outlives a crash of ours.
class EmbeddedServer
{
public:
    EmbeddedServer() = default;
    ~EmbeddedServer();

    // Empty on success, else why the server could not start.
    std::string start(const IoOptions &options, const std::vector<std::string> &extraArgs = {});
    const std::string &url() const noexcept { return m_url; }
    pid_t pid() const noexcept { return m_process.pid(); }

    // The server's options for an experiment's I/O settings.
    static std::vector<std::string> arguments(const IoOptions &options);

private:
    ChildProcess m_process;
    std::string m_url;
};

} // namespace mtlab
