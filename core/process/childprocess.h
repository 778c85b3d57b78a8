#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace mtlab {

// One helper process started with posix_spawn (never a bare fork: the GUI's threads and Qt state
// must not be duplicated), talking over pipes on its stdin and stdout. Its stderr is inherited, so
// what it complains about (and sanitizer reports) reaches ours. The object owns the process:
// destroying it kills and reaps a child that is still running, so none outlives it as a zombie.
class ChildProcess
{
public:
    enum class ReadResult { Data, Again, End };

    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;

    // Starts program with these arguments (argv[0] is the program). Empty on success, else the
    // system's reason ("No such file or directory").
    std::string start(const std::string &program, const std::vector<std::string> &args);

    pid_t pid() const noexcept { return m_pid; }
    bool reaped() const noexcept { return m_status.has_value(); }
    // Our end of the child's stdout, non-blocking, for poll().
    int outputFd() const noexcept { return m_out; }

    // Writes all of data to the child's stdin; false once the child can no longer read it. Never
    // raises SIGPIPE, whose default action would end this process.
    bool send(std::string_view data);
    // End of input for the child.
    void closeInput() noexcept;
    // Appends what the child has written so far.
    ReadResult read(std::string &into);

    void signal(int signal) noexcept;
    // Reaps the child if it ends within timeout: its wait status, or nothing if it still runs.
    std::optional<int> wait(std::chrono::milliseconds timeout);
    // Gives the child grace to end on its own, then kills it; always reaps it and closes the
    // pipes (read its output to the end first). The wait status.
    int end(std::chrono::milliseconds grace);

    // "exited with code 3", "killed by signal 9 (Killed)".
    static std::string describe(int status);

private:
    pid_t m_pid = -1;
    int m_in = -1;
    int m_out = -1;
    std::optional<int> m_status;
};

} // namespace mtlab
