#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mtlab {

// Per-request overrides carried by the path, so one server can serve varied behaviour:
// /status/<code>, /size/<kb> and /delay/<ms>, in any order and combination.
struct RequestRoute {
    std::optional<int> status;
    std::optional<std::uint64_t> bodyBytes;
    std::optional<std::chrono::milliseconds> delay;

    // nullopt when an override has a missing or out-of-range value; other segments are ignored.
    static std::optional<RequestRoute> parse(std::string_view target);
};

} // namespace mtlab
