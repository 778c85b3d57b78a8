#include "bytesum.h"

#include <algorithm>
#include <cstring>

namespace mtlab {

namespace {

constexpr std::uint64_t kLow16 = 0x00ff00ff00ff00ffULL;
constexpr std::uint64_t kLow32 = 0x0000ffff0000ffffULL;
// Each 16-bit lane gains at most 2 x 255 per word, so 128 words fit before it could overflow.
constexpr std::size_t kWordsPerBlock = 128;

std::uint64_t foldLanes(std::uint64_t lanes16) noexcept
{
    const std::uint64_t lanes32 = (lanes16 & kLow32) + ((lanes16 >> 16) & kLow32);
    return (lanes32 & 0xffffffffULL) + (lanes32 >> 32);
}

} // namespace

std::uint64_t byteSum(const unsigned char *data, std::size_t size) noexcept
{
    std::uint64_t total = 0;
    while (size >= 8) {
        const std::size_t words = std::min(size / 8, kWordsPerBlock);
        std::uint64_t lanes = 0;
        for (std::size_t i = 0; i < words; ++i) {
            std::uint64_t word;
            std::memcpy(&word, data + i * 8, 8); // unaligned-safe; compiles to one load
            lanes += (word & kLow16) + ((word >> 8) & kLow16);
        }
        total += foldLanes(lanes);
        data += words * 8;
        size -= words * 8;
    }
    for (std::size_t i = 0; i < size; ++i)
        total += data[i];
    return total;
}

} // namespace mtlab
