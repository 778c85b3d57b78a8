#pragma once

#include "chromeimporter.h"
#include "tracefile.h"

#include <optional>
#include <stop_token>
#include <string>

namespace mtlab {

// A trace file from the disk: mapped into memory (never copied), its size checked first, read by
// ChromeImporter. The one entry point of the CLI, the window and the tests.
class TraceFileReader
{
public:
    // Larger than any trace worth drawing (a million events take about 150 MB) and small enough
    // that reading one fits the memory of a classroom laptop.
    static constexpr int DefaultMaxFileMb = 512;

    struct Result {
        std::optional<TraceFile> file;
        std::string error; // one line: "cannot open x.json: line 3, byte 120: expected ':'"
        bool cancelled = false;
    };

    static Result read(const std::string &path, int maxFileMb = DefaultMaxFileMb,
                       const ChromeImporter::Progress &progress = {}, std::stop_token stop = {});
};

} // namespace mtlab
