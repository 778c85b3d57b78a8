#include "responsebody.h"

#include <algorithm>

namespace mtlab {

namespace {
// A multiple of the alphabet's length, so the pattern runs on seamlessly from block to block.
constexpr std::size_t kBlockBytes = 256 * 1024;
static_assert(kBlockBytes % 64 == 0);
} // namespace

ResponseBody::ResponseBody()
    : m_block(kBlockBytes)
{
    static_assert(kAlphabet.size() == 64);
    for (std::size_t i = 0; i < m_block.size(); ++i)
        m_block[i] = kAlphabet[i % kAlphabet.size()];
}

asio::const_buffer ResponseBody::piece(std::uint64_t remaining) const
{
    return asio::buffer(m_block.data(),
                        static_cast<std::size_t>(std::min<std::uint64_t>(remaining, m_block.size())));
}

} // namespace mtlab
