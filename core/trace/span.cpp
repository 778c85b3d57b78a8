#include "span.h"

#include <array>

namespace mtlab {

namespace {
constexpr std::array<std::string_view, StateCount> stateNames = {
    "queued", "ready", "cpu", "io-wait", "lock-wait", "spawn", "ipc", "idle", "failed", "race"};
constexpr std::array<std::string_view, IoPhaseCount> phaseNames = {"",    "dns",  "connect",
                                                                   "tls", "wait", "transfer"};
} // namespace

std::string_view stateName(State state) noexcept
{
    return stateNames[static_cast<std::size_t>(state)];
}

std::optional<State> stateFromName(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < stateNames.size(); ++i)
        if (stateNames[i] == name)
            return static_cast<State>(i);
    return std::nullopt;
}

std::string_view ioPhaseName(IoPhase phase) noexcept
{
    return phaseNames[static_cast<std::size_t>(phase)];
}

std::optional<IoPhase> ioPhaseFromName(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < phaseNames.size(); ++i)
        if (phaseNames[i] == name)
            return static_cast<IoPhase>(i);
    return std::nullopt;
}

} // namespace mtlab
