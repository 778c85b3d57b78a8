#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mtlab {

// GCC's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef unsigned __int128 u128;

// 128-bit integers have no standard text form; these give the exact decimal one.
inline std::string toDecimal(u128 value)
{
    if (value == 0)
        return "0";
    std::string digits;
    while (value > 0) {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
        value /= 10;
    }
    return digits;
}

inline std::optional<u128> parseDecimalU128(std::string_view text)
{
    if (text.empty() || text.size() > 39)
        return std::nullopt;
    u128 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const u128 next = value * 10 + static_cast<u128>(c - '0');
        if (next / 10 != value)
            return std::nullopt;
        value = next;
    }
    return value;
}

} // namespace mtlab
