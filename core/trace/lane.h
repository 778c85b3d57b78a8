#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mtlab {

enum class LaneKind : std::uint8_t {
    MainThread, // sync: the calling thread
    PoolThread, // threads: one pool thread
    EventLoop,  // async: the loop's single OS thread
    AsyncTask,  // async: one in-flight task (a sub-lane of the loop)
    Process,    // processes: one worker process
    Queue,      // tasks submitted and waiting for a worker (not a worker itself)
};

inline constexpr std::array<std::string_view, 6> laneKindNames = {"main-thread", "pool-thread", "event-loop",
                                                                  "async-task",  "process",     "queue"};

// The kind's name in trace files (the export's thread_name metadata), so a file reads back as it was.
inline std::string_view laneKindName(LaneKind kind) noexcept
{
    return laneKindNames[static_cast<std::size_t>(kind)];
}
inline std::optional<LaneKind> laneKindFromName(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < laneKindNames.size(); ++i)
        if (laneKindNames[i] == name)
            return static_cast<LaneKind>(i);
    return std::nullopt;
}

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
