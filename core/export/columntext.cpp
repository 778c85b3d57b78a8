#include "columntext.h"

#include <array>
#include <utility>

namespace mtlab {

namespace {

// The code point starting at text[i], and how many bytes it takes; a stray byte counts as one.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead < 0x80 || lead < 0xC0 || i + length > text.size())
        return {lead, 1};
    char32_t code = lead & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k)
        code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return {code, length};
}

struct Range {
    char32_t first, last;
};

// Unicode's East Asian Wide and Fullwidth blocks a table of ours can meet (Hangul above all).
constexpr std::array Wide{
    Range{0x1100, 0x115F},   Range{0x2E80, 0x303E},   Range{0x3041, 0x33FF},   Range{0x3400, 0x4DBF},
    Range{0x4E00, 0x9FFF},   Range{0xA000, 0xA4CF},   Range{0xA960, 0xA97F},   Range{0xAC00, 0xD7A3},
    Range{0xF900, 0xFAFF},   Range{0xFE30, 0xFE4F},   Range{0xFF00, 0xFF60},   Range{0xFFE0, 0xFFE6},
    Range{0x1F300, 0x1F64F}, Range{0x1F900, 0x1F9FF}, Range{0x20000, 0x3FFFD},
};

// Combining marks and the Hangul vowels and final consonants that join the syllable before them.
constexpr std::array Zero{
    Range{0x0300, 0x036F}, Range{0x1160, 0x11FF}, Range{0x200B, 0x200F},
    Range{0xD7B0, 0xD7FF}, Range{0xFE00, 0xFE0F},
};

bool within(const auto &ranges, char32_t code)
{
    for (const Range &range : ranges)
        if (code >= range.first && code <= range.last)
            return true;
    return false;
}

} // namespace

std::size_t displayWidth(std::string_view utf8)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto [code, length] = decode(utf8, i);
        i += length;
        width += within(Zero, code) ? 0 : within(Wide, code) ? 2 : 1;
    }
    return width;
}

std::string padLeft(std::string_view utf8, std::size_t columns)
{
    const std::size_t width = displayWidth(utf8);
    return std::string(columns > width ? columns - width : 0, ' ').append(utf8);
}

std::string padRight(std::string_view utf8, std::size_t columns)
{
    const std::size_t width = displayWidth(utf8);
    return std::string(utf8).append(columns > width ? columns - width : 0, ' ');
}

} // namespace mtlab
