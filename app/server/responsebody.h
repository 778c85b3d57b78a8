#pragma once

#include <asio/buffer.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace mtlab {

// The deterministic payload, built once and shared by every response: byte i of any body is
// kAlphabet[i % 64]. A body longer than the block is sent as the same block repeated.
class ResponseBody
{
public:
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    ResponseBody();

    // The next piece of a body with `remaining` bytes still to send.
    asio::const_buffer piece(std::uint64_t remaining) const;

private:
    std::vector<char> m_block;
};

} // namespace mtlab
