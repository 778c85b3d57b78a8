#pragma once

#include <array>
#include <cstdint>

namespace mtlab {

// Folds spans too narrow to draw on their own into blocks a few pixels wide that remember what
// they are made of: the time each key (a span style, or a thread in the GIL holder row) took in
// them. Zoomed out, a block is then drawn as a small stacked bar of those shares, so a lane that
// computes a fifth of the time and waits for the lock the rest reads as such at any zoom.
// Spans are offered in begin order, in pixels; this runs once per visible span, so it is inline.
class ColumnFolder
{
public:
    static constexpr int Keys = 16;
    using Shares = std::array<std::int64_t, Keys>;
    struct Block {
        double x0 = 0;
        double x1 = 0;
        Shares ns{};            // time per key folded into the block
        std::int64_t total = 0; // their sum
        std::uint32_t keys = 0; // bit k set when key k is in the block
    };

    explicit ColumnFolder(double minPx)
        : m_minPx(minPx)
    {
    }

    // True for a span wide enough to be drawn on its own (close() the open block first).
    bool wide(double x0, double x1) const noexcept { return x1 - x0 >= m_minPx; }

    // Folds a narrow span of `ns` (at least 1, so that zero-length marks still count) into the
    // open block. Returns the block this span closed, if it did (valid until the next call).
    const Block *add(double x0, double x1, int key, std::int64_t ns)
    {
        const Block *closed = nullptr;
        // A gap of more than a pixel, or a block already wide enough, starts a new one.
        if (m_open && (x0 > m_block.x1 + 1 || m_block.x1 - m_block.x0 >= m_minPx))
            closed = close();
        if (!m_open) {
            m_open = true;
            m_block.x0 = x0;
            m_block.x1 = x1;
            m_block.ns.fill(0);
            m_block.total = 0;
            m_block.keys = 0;
        }
        if (x1 > m_block.x1)
            m_block.x1 = x1;
        const std::int64_t weight = ns > 0 ? ns : 1;
        m_block.ns[static_cast<std::size_t>(key)] += weight;
        m_block.total += weight;
        m_block.keys |= 1u << key;
        return closed;
    }

    // Closes the open block and returns it, or null when none is open.
    const Block *close()
    {
        if (!m_open)
            return nullptr;
        m_open = false;
        m_closed = m_block;
        return &m_closed;
    }

private:
    double m_minPx;
    bool m_open = false;
    Block m_block;
    Block m_closed;
};

} // namespace mtlab
