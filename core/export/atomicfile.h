#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace mtlab {

// Writes what it is given into an open descriptor; returns why it failed, empty on success.
using OutputWriter = std::function<std::string(int fd)>;

// The one way every output (traces, CSV, pictures, screenshots) reaches the disk, as the user
// meant the path:
// - a regular file, or a path that does not exist yet: whole or not at all. The data goes to an
//   unnamed temporary file (O_TMPFILE) in the target's folder, linked into place once complete,
//   so a crash or a kill mid-write leaves nothing behind; where the file system refuses O_TMPFILE,
//   to a named temporary file renamed over the target;
// - a character or block device, or a FIFO: written straight into it, which stays what it is
//   (`--trace /dev/null` as root must not replace /dev/null with a file);
// - a symbolic link: the file it points to is written, and the link stays a link;
// - a folder or a socket: refused.
// Returns one line saying what went wrong ("cannot write PATH: ..."), empty on success.
std::string writeOutputFile(const std::string &path, std::string_view bytes);
std::string writeOutputFile(const std::string &path, const OutputWriter &writer);

// Writes all of bytes to fd, retrying short writes; why it failed, empty on success.
std::string writeAll(int fd, std::string_view bytes);

} // namespace mtlab
