#pragma once

#include "lane.h"
#include "span.h"
#include "tracefile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mtlab {

// What ChromeImporter reads from a file before it becomes runs (RunAssembler): processes,
// threads and async tracks as the file names them, and every slice with its times in ns.
struct RawProcess {
    std::int64_t pid = 0;
    std::string label = {}; // the pid as the file wrote it, for a process with no name
    std::string name = {};  // process_name
    std::int64_t sortIndex = 0;
    bool sorted = false; // process_sort_index given
};

struct RawThread {
    std::int32_t process = 0; // index into RawTrace::processes
    std::int64_t tid = 0;
    std::string label = {}; // the tid as the file wrote it
    std::string name = {};  // thread_name, or an async track's event name
    std::int64_t sortIndex = 0;
    bool sorted = false;
    bool async = false; // a track of b/e/n events rather than a thread
    // Written by this program's export (thread_name's args): the lane's kind and its parent's tid.
    std::optional<LaneKind> kind = {};
    std::int64_t parentTid = -1;
};

struct RawSlice {
    std::int64_t begin = 0; // ns, as in the file (µs × 1000)
    std::int64_t end = 0;
    std::int32_t thread = 0;  // index into RawTrace::threads
    std::int32_t name = 0;    // index into RawTrace::names
    std::int32_t task = -1;   // our spans: args.task
    std::int32_t detail = -1; // our spans: index into RawTrace::details
    IoPhase phase = IoPhase::None;
};

// How one of our tasks ended, from the args of its spans.
struct RawTaskResult {
    std::int32_t process = 0;
    std::int32_t task = -1;
    std::int32_t thread = 0;
    bool ok = true;
    bool text = false;      // result written as a string: a CPU sum
    std::string value = {}; // the sum or the byte count, as written
    std::string error = {};
    std::int64_t cpuNs = 0;
};

struct RawTrace {
    std::vector<RawProcess> processes;
    std::vector<RawThread> threads;
    std::vector<RawSlice> slices;
    std::vector<std::string> names; // every event name, interned
    std::vector<std::string> details;
    std::vector<RawTaskResult> results;
    std::vector<CounterSeries> counters;
    bool onlyOurs = true; // every slice named by a state, all from X events
    std::int64_t events = 0;
    std::int64_t skipped = 0;
    std::string session;
};

// Turns what was read into runs (see TraceFile).
TraceFile assembleRuns(RawTrace raw);

} // namespace mtlab
