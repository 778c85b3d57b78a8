#pragma once

#include <asio/ip/address.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>

namespace mtlab {

enum class FaultMode { Status500, Reset, Stall, Mixed };

// Upper bounds keep a typo from turning into an hour-long hang or a terabyte body.
inline constexpr std::uint64_t kMaxDelayMs = 3'600'000;
inline constexpr std::uint64_t kMaxSizeKb = 1'048'576;
inline constexpr std::uint64_t kMaxConnections = 10'000'000;

struct ServerOptions {
    asio::ip::address bind = asio::ip::address_v4::loopback();
    std::uint16_t port = 0;
    std::chrono::milliseconds delay{100};
    std::chrono::milliseconds setup{0};
    std::uint64_t bodyBytes = 50 * 1024;
    std::size_t maxConcurrent = 0;
    // Slow or silent clients must not hold connections, and descriptors, for ever.
    std::chrono::milliseconds headerTimeout{10'000};
    std::chrono::milliseconds idleTimeout{15'000};
    std::size_t maxConnections = 0; // 0: as many as the descriptor limit allows
    double errorRate = 0.0;
    FaultMode faultMode = FaultMode::Mixed;
    std::uint64_t seed = 1;
    bool tls = false;
    bool exitOnStdinEof = false;
    bool verbose = false;
    bool help = false;

    // Throws OptionError with a one-line message for anything it cannot accept.
    static ServerOptions parse(std::span<char *const> args);
    static std::string_view usage();
};

class OptionError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Whole-string decimal parse, shared by the command line and the request paths.
std::optional<std::uint64_t> parseUnsigned(std::string_view text, std::uint64_t max);

} // namespace mtlab
