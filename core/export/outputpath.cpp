#include "outputpath.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace mtlab {

namespace {

std::string cannot(const std::string &path, const std::string &why)
{
    return "cannot write " + path + ": " + why;
}

std::string folderOf(const std::string &path)
{
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

// As the kernel does for a path (its own limit is 40 links).
constexpr int MaxLinks = 40;

// Follows the last component's symbolic links by hand: unlike realpath(), this also finds where
// a dangling link would have its file created.
OutputTarget followLinks(const std::string &path)
{
    OutputTarget target;
    target.path = path;
    for (int links = 0;; ++links) {
        struct stat info {
        };
        if (::lstat(target.path.c_str(), &info) != 0) {
            if (errno == ENOENT)
                return target; // New: whether its folder exists is checkWritable's question
            target.kind = OutputTarget::Kind::Broken;
            target.problem = std::strerror(errno);
            return target;
        }
        if (!S_ISLNK(info.st_mode)) {
            target.kind = S_ISREG(info.st_mode) ? OutputTarget::Kind::Regular
                : S_ISDIR(info.st_mode)         ? OutputTarget::Kind::Folder
                : S_ISSOCK(info.st_mode)        ? OutputTarget::Kind::Socket
                                                : OutputTarget::Kind::Stream;
            if (target.kind == OutputTarget::Kind::Folder)
                target.problem = "it is a folder";
            else if (target.kind == OutputTarget::Kind::Socket)
                target.problem = "it is a socket";
            return target;
        }
        char link[PATH_MAX];
        const ssize_t size = ::readlink(target.path.c_str(), link, sizeof link - 1);
        if (size < 0 || links == MaxLinks) {
            target.kind = OutputTarget::Kind::Broken;
            target.problem = size < 0 ? std::strerror(errno) : "too many levels of symbolic links";
            return target;
        }
        const std::filesystem::path next(std::string(link, static_cast<std::size_t>(size)));
        target.path = next.is_absolute() ? next.string()
                                         : (std::filesystem::path(folderOf(target.path)) / next).string();
    }
}

// Creates and removes a file in folder, the very thing the write will do, so that whatever would
// refuse it (permissions, a read-only file system, /proc, quotas on inodes) refuses it now.
std::string probeFolder(const std::string &path, const std::string &folder)
{
    struct stat info {
    };
    if (::stat(folder.c_str(), &info) != 0)
        return cannot(path, "folder " + folder + ": " + std::strerror(errno));
    if (!S_ISDIR(info.st_mode))
        return cannot(path, folder + " is not a folder");
    // An unnamed file disappears by itself when closed; where the file system has none, a named
    // one is made and removed.
    int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        const std::string probe = (std::filesystem::path(folder) / ".multitask-lab-probe-").string() +
            std::to_string(::getpid());
        fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::unlink(probe.c_str());
    }
    if (fd < 0)
        return cannot(path, "no file can be made in " + folder + ": " + std::strerror(errno));
    ::close(fd);
    return {};
}

} // namespace

OutputTarget outputTarget(const std::string &path)
{
    // A device or FIFO reached through links, /proc's among them (/dev/stdout, /dev/fd/63 of a
    // shell's >(...)), is opened by its own path: the kernel follows links that readlink() cannot
    // spell ("pipe:[1234]").
    struct stat info {
    };
    if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode) &&
        !S_ISSOCK(info.st_mode)) {
        OutputTarget stream;
        stream.kind = OutputTarget::Kind::Stream;
        stream.path = path;
        return stream;
    }
    return followLinks(path);
}

std::string checkWritable(const std::string &path)
{
    const OutputTarget target = outputTarget(path);
    if (!target.problem.empty())
        return cannot(path, target.problem);
    if (target.kind == OutputTarget::Kind::Stream) {
        // Opening a FIFO would wait for its reader: asking is enough.
        if (::access(target.path.c_str(), W_OK) != 0)
            return cannot(path, std::strerror(errno));
        return {};
    }
    return probeFolder(path, folderOf(target.path));
}

namespace {

// One file, however spelled: an existing one by its device and inode, a new one by its folder's
// canonical path and its name.
std::string identity(const std::string &path)
{
    struct stat info {
    };
    if (::stat(path.c_str(), &info) == 0)
        return "inode " + std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino);
    const OutputTarget target = outputTarget(path);
    const std::filesystem::path file(target.path);
    std::error_code error;
    const std::filesystem::path folder = std::filesystem::weakly_canonical(folderOf(target.path), error);
    return "path " + (error ? folderOf(target.path) : folder.string()) + "/" + file.filename().string();
}

} // namespace

std::string checkDistinctOutputs(const std::vector<OutputPath> &outputs)
{
    std::vector<std::string> identities;
    for (const OutputPath &output : outputs)
        identities.push_back(output.path.empty() ? std::string() : identity(output.path));
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        for (std::size_t j = i + 1; j < outputs.size(); ++j) {
            if (!identities[i].empty() && identities[i] == identities[j])
                return std::string(outputs[i].option) + " and " + std::string(outputs[j].option) +
                    " name the same file (" + outputs[j].path + "): one would overwrite the other";
        }
    }
    return {};
}

} // namespace mtlab
