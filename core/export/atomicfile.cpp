#include "atomicfile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace mtlab {

namespace {

std::string folderOf(const std::string &path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

std::string failure(const std::string &what, const std::string &path)
{
    return "cannot write " + path + ": " + what + ": " + std::strerror(errno);
}

} // namespace

std::string checkWritable(const std::string &path)
{
    struct stat info {
    };
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        return "cannot write " + path + ": it is a folder";
    const std::string folder = folderOf(path);
    if (::stat(folder.c_str(), &info) != 0)
        return failure("folder " + folder, path);
    if (!S_ISDIR(info.st_mode))
        return "cannot write " + path + ": " + folder + " is not a folder";
    if (::access(folder.c_str(), W_OK) != 0)
        return failure("folder " + folder, path);
    return {};
}

std::string writeFileAtomically(const std::string &path, std::string_view data)
{
    if (std::string problem = checkWritable(path); !problem.empty())
        return problem;
    std::string temp = path + ".XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return failure("temporary file", path);
    std::size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            std::string problem = failure("write", path);
            ::close(fd);
            ::unlink(temp.c_str());
            return problem;
        }
        written += static_cast<std::size_t>(n);
    }
    // Readable like any file the user creates (mkstemp makes it private).
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        std::string problem = failure("sync", path);
        ::unlink(temp.c_str());
        return problem;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        std::string problem = failure("rename", path);
        ::unlink(temp.c_str());
        return problem;
    }
    return {};
}

} // namespace mtlab
