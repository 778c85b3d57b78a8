#include "atomicfile.h"

#include "outputpath.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mtlab {

namespace {

// Closes on every way out, so an error path can never leak the descriptor.
class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    {
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    int get() const noexcept { return m_fd; }
    bool valid() const noexcept { return m_fd >= 0; }

private:
    int m_fd;
};

std::string reason(const std::string &what)
{
    return what + ": " + std::strerror(errno);
}

std::string cannot(const std::string &path, const std::string &why)
{
    return "cannot write " + path + ": " + why;
}

std::string folderOf(const std::string &path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// ".name.Ab3xYz" beside the target: hidden, and never one a user would have picked.
std::string temporaryName(const std::string &target)
{
    static constexpr std::string_view letters =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::array<unsigned char, 6> random{};
    if (::getrandom(random.data(), random.size(), 0) != static_cast<ssize_t>(random.size()))
        random.fill(0); // the O_EXCL retries still find a free name
    std::string suffix;
    for (const unsigned char byte : random)
        suffix += letters[byte % letters.size()];
    const std::filesystem::path path(target);
    return (path.parent_path() / ("." + path.filename().string() + "." + suffix)).string();
}

constexpr int NameAttempts = 100;

// Where the file system has no O_TMPFILE: a named file, renamed over the target when complete.
int createNamedTemporary(const std::string &target, std::string &name)
{
    for (int attempt = 0; attempt < NameAttempts; ++attempt) {
        name = temporaryName(target);
        const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

// Gives the complete unnamed file its name. A new path is linked directly; an existing file is
// replaced by linking under a fresh temporary name and renaming that over it (linkat cannot
// replace), which leaves the named file on disk only for the moment between the two calls.
std::string linkIntoPlace(int fd, const std::string &target, bool exists)
{
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (!exists) {
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) == 0)
            return {};
        if (errno != EEXIST)
            return reason("link");
        // Created by someone else meanwhile: replaced like any existing file.
    }
    std::string name;
    for (int attempt = 0; attempt < NameAttempts; ++attempt) {
        name = temporaryName(target);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0)
            break;
        if (errno != EEXIST || attempt + 1 == NameAttempts)
            return reason("link");
    }
    if (::rename(name.c_str(), target.c_str()) != 0) {
        std::string problem = reason("rename");
        ::unlink(name.c_str());
        return problem;
    }
    return {};
}

// Errors by which a file system says it has no O_TMPFILE (as opposed to "you may not write here").
bool refusesUnnamedFiles(int error)
{
    return error == EOPNOTSUPP || error == EISDIR || error == EINVAL;
}

std::string replaceFile(const std::string &path, const OutputTarget &target, const OutputWriter &writer)
{
    const std::string folder = folderOf(target.path);
    // Linking an unnamed file goes through /proc; without it, the named way is the only one.
    const bool canLink = ::access("/proc/self/fd", X_OK) == 0;
    Descriptor unnamed(canLink ? ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666) : -1);
    std::string name;
    if (!unnamed.valid() && canLink && !refusesUnnamedFiles(errno))
        return cannot(path, reason("folder " + folder));
    Descriptor named(unnamed.valid() ? -1 : createNamedTemporary(target.path, name));
    if (!unnamed.valid() && !named.valid())
        return cannot(path, reason("temporary file in " + folder));
    const int fd = unnamed.valid() ? unnamed.get() : named.get();

    std::string problem = writer(fd);
    if (problem.empty() && ::fsync(fd) != 0)
        problem = reason("sync");
    if (problem.empty() && unnamed.valid())
        problem = linkIntoPlace(fd, target.path, target.kind == OutputTarget::Kind::Regular);
    else if (problem.empty() && ::rename(name.c_str(), target.path.c_str()) != 0)
        problem = reason("rename");
    if (!problem.empty() && named.valid())
        ::unlink(name.c_str());
    return problem.empty() ? std::string() : cannot(path, problem);
}

// A device or a FIFO is what the user asked to write into: no temporary file, no rename (which
// would replace the device node with a file), no truncation.
std::string writeStream(const std::string &path, const OutputWriter &writer)
{
    const Descriptor fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY));
    if (!fd.valid())
        return cannot(path, std::strerror(errno));
    const std::string problem = writer(fd.get());
    return problem.empty() ? std::string() : cannot(path, problem);
}

} // namespace

std::string writeAll(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return reason("write");
        if (n == 0)
            return "write: nothing was written";
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

std::string writeOutputFile(const std::string &path, std::string_view bytes)
{
    return writeOutputFile(path, [bytes](int fd) { return writeAll(fd, bytes); });
}

std::string writeOutputFile(const std::string &path, const OutputWriter &writer)
{
    const OutputTarget target = outputTarget(path);
    if (!target.problem.empty())
        return cannot(path, target.problem);
    if (target.kind == OutputTarget::Kind::Stream)
        return writeStream(target.path, writer);
    return replaceFile(path, target, writer);
}

} // namespace mtlab
