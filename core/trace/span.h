#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace mtlab {

// What a worker is doing during a span. The names (stateName) are part of the export format.
enum class State : std::uint8_t {
    Queued,   // submitted, not yet picked up by a worker
    Ready,    // runnable, waiting for its turn on a core (the OS run queue)
    Cpu,      // computing
    IoWait,   // waiting on the network; IoPhase says for what
    LockWait, // blocked on a lock (the emulated interpreter lock, a mutex, a semaphore)
    Spawn,    // a worker process starting
    Ipc,      // work or results crossing between processes
    Idle,     // a worker with nothing to do
    Failed,   // the moment a task failed; the detail says why
    Race,     // computing, while another task's read-modify-write overlapped this one's
};
inline constexpr int StateCount = 10;

enum class IoPhase : std::uint8_t { None, Dns, Connect, Tls, Wait, Transfer };
inline constexpr int IoPhaseCount = 6;

struct Span {
    std::int64_t begin = 0; // steady_clock ns
    std::int64_t end = 0;
    std::int32_t lane = 0;
    std::int32_t task = -1;   // -1: not tied to one task (spawn, idle)
    std::int32_t detail = -1; // index into the trace's detail strings, -1: none
    State state = State::Cpu;
    IoPhase phase = IoPhase::None;
    // An imported span's own name (index into the trace's labels), drawn in a colour of its own;
    // -1: named by its state, as every span this program records is.
    std::int32_t label = -1;

    std::int64_t duration() const noexcept { return end - begin; }
};

std::string_view stateName(State state) noexcept;
std::optional<State> stateFromName(std::string_view name) noexcept;
std::string_view ioPhaseName(IoPhase phase) noexcept;
std::optional<IoPhase> ioPhaseFromName(std::string_view name) noexcept;

} // namespace mtlab
