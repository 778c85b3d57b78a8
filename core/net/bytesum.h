#pragma once

#include <cstddef>
#include <cstdint>

namespace mtlab {

// Every byte of a buffer added up, as unsigned values. A download sums its body to prove it was
// all read; done a byte at a time that was 8 % of a 10,000-download run, so it goes a word at a time.
std::uint64_t byteSum(const unsigned char *data, std::size_t size) noexcept;

} // namespace mtlab
