#include "workerarguments.h"

#include "experiment.h"
#include "helperexecutable.h"

namespace mtlab {

std::vector<std::string> workerArguments(const Experiment &e)
{
    std::vector<std::string> args = {"--workload",    std::string(workloadName(e.workload)),
                                     "--tasks",       std::to_string(e.tasks),
                                     "--n",           std::to_string(e.n),
                                     "--switch-ms",   std::to_string(e.switchMs),
                                     "--timeout-ms",  std::to_string(e.io.timeoutMs),
                                     "--max-body-mb", std::to_string(e.io.maxBodyMb)};
    if (e.gil)
        args.emplace_back("--gil");
    if (!e.io.reuse)
        args.emplace_back("--no-reuse");
    if (!e.io.url.empty()) {
        args.emplace_back("--url");
        args.push_back(e.io.url);
    }
    if (e.io.tls)
        args.emplace_back("--tls");
    if (!e.io.serverCertificate.empty()) {
        args.emplace_back("--server-cert");
        args.push_back(e.io.serverCertificate);
    }
    if (e.workload == WorkloadKind::Counter) {
        args.emplace_back("--sync");
        args.emplace_back(syncName(e.counter.sync));
        if (e.counter.sync == SyncKind::Semaphore) {
            args.emplace_back("--permits");
            args.push_back(std::to_string(e.counter.permits));
        }
    }
    if (e.crashTask >= 0) {
        args.emplace_back("--crash-task");
        args.push_back(std::to_string(e.crashTask));
    }
    return args;
}

std::string workerProgram(const Experiment &e)
{
    if (!e.workerExecutable.empty())
        return e.workerExecutable;
    return helperExecutable(e.workload == WorkloadKind::Io ? "multitask-lab-worker"
                                                           : "multitask-lab-cpu-worker");
}

} // namespace mtlab
