#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mtlab {

// What an output path names once its symbolic links are followed: how it must be written
// (writeOutputFile) and whether it can be written at all (checkWritable).
struct OutputTarget {
    enum class Kind {
        New,     // nothing there yet: a file will be created
        Regular, // a file, replaced whole
        Stream,  // a character or block device or a FIFO, written straight into
        Folder,
        Socket,
        Broken // a loop of links, or a link that cannot be read: see problem
    };
    Kind kind = Kind::New;
    std::string path;    // the file finally written: path itself unless it is a symbolic link
    std::string problem; // why it can never be written (a folder, a socket, Broken), or empty
};

OutputTarget outputTarget(const std::string &path);

// Whether path can really be written, checked before a run so that a bad output costs no run:
// a folder, a socket, a missing folder, a place where no file can be created (/proc, a read-only
// file system, a folder without write permission) is refused. Creates and removes a file in the
// target's folder, as the write will. One line ("cannot write PATH: ..."), empty if fine.
std::string checkWritable(const std::string &path);

// An output option and its path, as the user gave them.
struct OutputPath {
    std::string_view option; // "--trace"
    std::string path;        // empty: not asked for
};

// Two outputs written to one file would silently keep only the last, so the same file under two
// options is refused, whatever its spelling ("out.json", "./out.json", a symbolic link to it).
// One line naming both options, empty if fine.
std::string checkDistinctOutputs(const std::vector<OutputPath> &outputs);

} // namespace mtlab
