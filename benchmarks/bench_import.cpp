// Reads a generated Chrome trace of a million events, as another tool would write it (VizTracer's
// nested function calls on a few threads, with names and an async track), and prints how long the
// import took and the peak memory of the process. The target: one million events in at most 3 s
// and 1 GB on the project's machine.
#include "tracefilereader.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>

using namespace mtlab;

namespace {

long peakMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// Calls three deep on each of four threads: f (100 µs) holds g (40 µs) which holds h (10 µs).
void writeTrace(const std::string &path, int events)
{
    std::ofstream out(path);
    out << R"({"traceEvents":[)" << '\n';
    out << R"({"name":"process_name","ph":"M","pid":4242,"args":{"name":"python3 app.py"}})";
    for (int t = 0; t < 4; ++t)
        out << ",\n"
            << R"({"name":"thread_name","ph":"M","pid":4242,"tid":)" << 100 + t
            << R"(,"args":{"name":"Thread-)" << t << R"("}})";
    const char *names[] = {"app.fetch (app.py:12)", "requests.get (api.py:73)",
                           "socket.recv (socket.py:700)"};
    const double lengths[] = {100.0, 40.0, 10.0};
    char line[256];
    for (int i = 0; i < events; ++i) {
        const int call = i / 3;
        const int level = i % 3;
        const int tid = 100 + call % 4;
        const double ts = 1.7e12 + (call / 4) * 120.0 + level * 5.125;
        if (call % 50 == 0 && level == 2)
            std::snprintf(line, sizeof line,
                          R"({"name":"download","cat":"io","ph":"%c","ts":%.3f,"pid":4242,"id":%d})",
                          call % 100 == 0 ? 'b' : 'e', ts, call / 100);
        else
            std::snprintf(line, sizeof line,
                          R"({"pid":4242,"tid":%d,"ts":%.3f,"dur":%.3f,"name":"%s","ph":"X","cat":"FEE"})",
                          tid, ts, lengths[level], names[level]);
        out << ",\n" << line;
    }
    out << "\n]}\n";
}

} // namespace

int main(int argc, char **argv)
{
    const int events = argc > 1 ? std::stoi(argv[1]) : 1'000'000;
    const std::string path = (std::filesystem::temp_directory_path() / "bench_import.json").string();
    writeTrace(path, events);
    const double sizeMb = static_cast<double>(std::filesystem::file_size(path)) / (1 << 20);
    const long before = peakMb();
    const auto start = std::chrono::steady_clock::now();
    const TraceFileReader::Result result = TraceFileReader::read(path, 4096);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::filesystem::remove(path);
    if (!result.file) {
        std::printf("failed: %s\n", result.error.c_str());
        return 1;
    }
    const Trace &trace = result.file->runs.front().trace;
    std::printf("%d events (%.0f MB of JSON) -> %zu spans on %zu lanes\n", events, sizeMb,
                trace.spans().size(), trace.lanes().size());
    std::printf("load: %.2f s (%.2f of the 3 s target), %.0f MB/s, %.2f µs per event\n", seconds,
                seconds / 3.0, sizeMb / seconds, seconds * 1e6 / events);
    std::printf("peak memory: %ld MB (%.2f of the 1 GB target; %ld MB before reading)\n", peakMb(),
                static_cast<double>(peakMb()) / 1024.0, before);
    return 0;
}
