#include "tracefilereader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mtlab {

namespace {

// The file's bytes, mapped read-only for as long as it lives.
class Mapping
{
public:
    Mapping(void *data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    ~Mapping()
    {
        if (m_data)
            munmap(m_data, m_size);
    }
    Mapping(const Mapping &) = delete;
    Mapping &operator=(const Mapping &) = delete;
    std::string_view text() const { return {static_cast<const char *>(m_data), m_size}; }

private:
    void *m_data;
    std::size_t m_size;
};

} // namespace

TraceFileReader::Result TraceFileReader::read(const std::string &path, int maxFileMb,
                                              const ChromeImporter::Progress &progress, std::stop_token stop)
{
    Result result;
    const std::string prefix = "cannot open " + path + ": ";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        result.error = prefix + std::strerror(errno);
        return result;
    }
    struct stat info {
    };
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        result.error = prefix + (S_ISDIR(info.st_mode) ? "it is a folder" : "not a regular file");
        ::close(fd);
        return result;
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    const std::size_t limit = static_cast<std::size_t>(std::max(maxFileMb, 1)) << 20;
    if (size > limit) {
        ::close(fd);
        result.error = prefix + "it is " + std::to_string(size >> 20) + " MB, more than the " +
            std::to_string(maxFileMb) + " MB allowed (--max-file-mb)";
        return result;
    }
    void *data = nullptr;
    if (size > 0) {
        data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data == MAP_FAILED) {
            result.error = prefix + std::strerror(errno);
            ::close(fd);
            return result;
        }
        madvise(data, size, MADV_SEQUENTIAL);
    }
    ::close(fd);
    const Mapping mapping(data, size);
    try {
        result.file = ChromeImporter::read(mapping.text(), progress, std::move(stop));
    } catch (const ImportCancelled &) {
        result.cancelled = true;
    } catch (const std::exception &e) {
        result.error = prefix + e.what();
    }
    return result;
}

} // namespace mtlab
