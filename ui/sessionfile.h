#pragma once

#include "runlist.h"

#include <QString>

#include <string>
#include <vector>

namespace mtlab {

struct TraceFile;

// A session on disk: every run of the run list as our Chrome trace (one process per run, so
// Perfetto still opens it), plus a top-level "mtlabSession" member that Perfetto ignores: the
// version that wrote it, the run list's rows (name, pin, checked, batch, repeats, the class's
// prediction, the notes) and what the
// trace cannot say of each run (its experiment, figures and task records).
class SessionFile
{
public:
    // A file of a newer major format is refused; a newer minor one is read for what it has.
    static constexpr int FormatMajor = 1;
    static constexpr int FormatMinor = 0;

    static std::string json(const std::vector<RunList::Entry> &entries, const QString &version);
    // Written whole or not at all (writeOutputFile). An error message, empty on success.
    static QString save(const QString &path, const std::vector<RunList::Entry> &entries,
                        const QString &version);

    struct Read {
        std::vector<RunList::Entry> entries;
        QString error; // one line; entries is empty then
    };
    // The run list saved in a file that TraceFileReader has read (file.session not empty).
    static Read read(TraceFile &file);
};

} // namespace mtlab
