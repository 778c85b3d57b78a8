#include "childprocess.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace mtlab {

namespace {

std::string systemReason(int error)
{
    return std::system_category().message(error);
}

void closeFd(int &fd) noexcept
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

// A pipe end that landed on 0, 1 or 2 (our own stdin was closed) would be dup2'ed onto itself in
// the child, which keeps its close-on-exec flag; moving it up avoids that corner.
bool moveAboveStdio(int &fd) noexcept
{
    if (fd > 2)
        return true;
    const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
    ::close(fd);
    fd = moved;
    return moved >= 0;
}

// Both ends close-on-exec, so workers started later (or by other threads) never inherit them.
int makePipe(int ends[2]) noexcept
{
    if (::pipe2(ends, O_CLOEXEC) != 0)
        return errno;
    if (!moveAboveStdio(ends[0]) || !moveAboveStdio(ends[1])) {
        const int error = errno;
        closeFd(ends[0]);
        closeFd(ends[1]);
        return error;
    }
    return 0;
}

} // namespace

ChildProcess::~ChildProcess()
{
    end(std::chrono::milliseconds(0));
}

std::string ChildProcess::start(const std::string &program, const std::vector<std::string> &args)
{
    int in[2] = {-1, -1};
    int out[2] = {-1, -1};
    if (const int error = makePipe(in))
        return systemReason(error);
    if (const int error = makePipe(out)) {
        closeFd(in[0]);
        closeFd(in[1]);
        return systemReason(error);
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    // The child starts with no blocked signals and the default actions, whatever this process
    // (or the calling thread) set up for itself.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t signals;
    sigemptyset(&signals);
    posix_spawnattr_setsigmask(&attributes, &signals);
    for (const int signal : {SIGPIPE, SIGTERM, SIGINT, SIGCHLD})
        sigaddset(&signals, signal);
    posix_spawnattr_setsigdefault(&attributes, &signals);
    // Its own process group: Ctrl-C in a terminal reaches only us, and we end the child.
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes,
                             POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(program.c_str()));
    for (const std::string &arg : args)
        argv.push_back(const_cast<char *>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int error = ::posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    closeFd(in[0]);
    closeFd(out[1]);
    if (error != 0) {
        closeFd(in[1]);
        closeFd(out[0]);
        return systemReason(error);
    }
    m_pid = pid;
    m_in = in[1];
    m_out = out[0];
    ::fcntl(m_out, F_SETFL, ::fcntl(m_out, F_GETFL) | O_NONBLOCK);
    return {};
}

bool ChildProcess::send(std::string_view data)
{
    if (m_in < 0)
        return false;
    // Block SIGPIPE for this thread while writing; if our write raised it, take it back out.
    sigset_t pipeSignal;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    const bool alreadyPending = sigismember(&pending, SIGPIPE) == 1;
    sigset_t previous;
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous);
    int error = 0;
    while (!data.empty()) {
        const ssize_t written = ::write(m_in, data.data(), data.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0) {
            error = errno;
            break;
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
    if (error == EPIPE && !alreadyPending) {
        const timespec noWait{};
        while (sigtimedwait(&pipeSignal, nullptr, &noWait) < 0 && errno == EINTR) {}
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return error == 0;
}

void ChildProcess::closeInput() noexcept
{
    closeFd(m_in);
}

ChildProcess::ReadResult ChildProcess::read(std::string &into)
{
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(m_out, buffer, sizeof buffer);
        if (got > 0) {
            into.append(buffer, static_cast<std::size_t>(got));
            return ReadResult::Data;
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return ReadResult::Again;
        return ReadResult::End;
    }
}

void ChildProcess::signal(int signal) noexcept
{
    if (m_pid > 0 && !m_status)
        ::kill(m_pid, signal);
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout)
{
    if (m_pid <= 0 || m_status)
        return m_status;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid) {
            m_status = status;
            return m_status;
        }
        // ECHILD: someone else reaped it (SIGCHLD ignored by the application); it is gone.
        if (done < 0 && errno != EINTR) {
            m_status = -1;
            return m_status;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

int ChildProcess::end(std::chrono::milliseconds grace)
{
    if (m_pid > 0 && !wait(grace)) {
        signal(SIGKILL);
        int status = 0;
        pid_t done = -1;
        while ((done = ::waitpid(m_pid, &status, 0)) < 0 && errno == EINTR) {}
        m_status = done == m_pid ? status : -1;
    }
    closeInput();
    closeFd(m_out);
    return m_status.value_or(-1);
}

std::string ChildProcess::describe(int status)
{
    if (status >= 0 && WIFEXITED(status))
        return "exited with code " + std::to_string(WEXITSTATUS(status));
    if (status >= 0 && WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        const char *name = sigdescr_np(signal);
        return "killed by signal " + std::to_string(signal) + " (" + (name ? name : "unknown") + ')';
    }
    return "ended";
}

} // namespace mtlab
