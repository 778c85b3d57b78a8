#pragma once

#include <cstdint>
#include <string>

namespace mtlab {

enum class LaneKind : std::uint8_t {
    MainThread, // sync: the calling thread
    PoolThread, // threads: one pool thread
    EventLoop,  // async: the loop's single OS thread
    AsyncTask,  // async: one in-flight task (a sub-lane of the loop)
    Process,    // processes: one worker process
    Queue,      // tasks submitted and waiting for a worker (not a worker itself)
};

struct Lane {
    std::int32_t id = 0;
    LaneKind kind = LaneKind::MainThread;
    std::string name;         // "thread 3", "process 2 (pid 4711)"
    std::int64_t pid = 0;     // the OS process the lane's work ran in
    std::int64_t tid = 0;     // the OS thread (gettid) where known, else 0
    std::int32_t parent = -1; // the loop lane for AsyncTask sub-lanes
    std::int32_t sortIndex = 0;

    bool isWorker() const noexcept { return kind != LaneKind::Queue; }
};

} // namespace mtlab
