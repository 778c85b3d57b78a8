#include "columnimage.h"

#include "derivedrows.h"
#include "labelpalette.h"
#include "statepalette.h"

#include <QPainter>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace mtlab {

namespace {

// Filled as the bars are, at the brush origin, so that tile pixel (x & 7, y & 7) is the bar's.
ColumnImage::Tile tile(const QColor &fill, const QBrush &hatch)
{
    QImage image(8, 8, QImage::Format_ARGB32_Premultiplied);
    image.fill(fill);
    if (hatch.style() != Qt::NoBrush) {
        QPainter painter(&image);
        painter.fillRect(image.rect(), hatch);
    }
    ColumnImage::Tile out{};
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x)
            out[static_cast<std::size_t>(y * 8 + x)] = image.pixel(x, y);
    return out;
}

} // namespace

const ColumnImage::Palette &ColumnImage::statePalette()
{
    static const Palette palette = [] {
        Palette p{};
        for (int k = 0; k < StatePalette::StyleCount; ++k) {
            const StatePalette::Style &style = StatePalette::style(k);
            p[static_cast<std::size_t>(k)] = tile(style.fill, StatePalette::hatchBrush(k));
        }
        return p;
    }();
    return palette;
}

const ColumnImage::Palette &ColumnImage::threadPalette()
{
    static const Palette palette = [] {
        Palette p{};
        for (int k = 0; k < DerivedRows::ThreadColours; ++k)
            p[static_cast<std::size_t>(k)] = tile(DerivedRows::threadColour(k), Qt::NoBrush);
        return p;
    }();
    return palette;
}

const ColumnImage::Palette &ColumnImage::labelPalette()
{
    static const Palette palette = [] {
        Palette p{};
        for (int k = 0; k < LabelPalette::Keys; ++k)
            p[static_cast<std::size_t>(k)] = tile(LabelPalette::colour(k), Qt::NoBrush);
        return p;
    }();
    return palette;
}

std::array<int, ColumnFolder::Keys> ColumnImage::stack(const ColumnFolder::Block &block, int px)
{
    std::array<int, ColumnFolder::Keys> heights{};
    if (px <= 0 || block.keys == 0)
        return heights;
    // Only the keys in the block are visited: this runs for every folded block of a frame.
    const int present = std::popcount(block.keys);
    int largest = std::countr_zero(block.keys);
    for (std::uint32_t bits = block.keys; bits != 0; bits &= bits - 1) {
        const int k = std::countr_zero(bits);
        if (block.ns[static_cast<std::size_t>(k)] > block.ns[static_cast<std::size_t>(largest)])
            largest = k;
    }
    if (present == 1 || px < 2 * present) {
        heights[static_cast<std::size_t>(largest)] = px;
        return heights;
    }
    const double scale = static_cast<double>(px) / static_cast<double>(block.total);
    int sum = 0;
    for (std::uint32_t bits = block.keys; bits != 0; bits &= bits - 1) {
        const auto k = static_cast<std::size_t>(std::countr_zero(bits));
        heights[k] = std::max(1, static_cast<int>(std::lround(static_cast<double>(block.ns[k]) * scale)));
        sum += heights[k];
    }
    // Rounding and the one-pixel minimum are paid for by the largest share.
    int &big = heights[static_cast<std::size_t>(largest)];
    big = std::max(1, big - (sum - px));
    return heights;
}

void ColumnImage::begin(const QRectF &plot, double devicePixelRatio)
{
    m_plot = plot;
    m_ratio = std::max(devicePixelRatio, 0.1);
    m_blocks = 0;
    m_dirtyTop = std::numeric_limits<int>::max();
    m_dirtyBottom = 0;
    const QSize size(static_cast<int>(std::ceil(plot.width() * m_ratio)),
                     static_cast<int>(std::ceil(plot.height() * m_ratio)));
    if (m_image.size() != size) {
        m_image = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_image.fill(Qt::transparent);
    }
    m_image.setDevicePixelRatio(m_ratio);
    m_bits = m_image.bits(); // once a frame: scanLine() would check for sharing on every call
    m_stride = m_image.bytesPerLine();
    m_rows = m_image.height();
    m_originX = static_cast<int>(std::lround(plot.left() * m_ratio));
    m_originY = static_cast<int>(std::lround(plot.top() * m_ratio));
}

void ColumnImage::beginRow(double top, double height, const Palette &palette)
{
    m_top = static_cast<int>(std::lround((top - m_plot.top()) * m_ratio));
    m_height = static_cast<int>(std::lround((top + height - m_plot.top()) * m_ratio)) - m_top;
    m_palette = &palette;
}

void ColumnImage::block(const ColumnFolder::Block &block)
{
    ++m_blocks;
    const int width = m_image.width();
    const int c0 = std::max(0, static_cast<int>(std::floor((block.x0 - m_plot.left()) * m_ratio)));
    const int c1 = std::min(
        width, std::max(c0 + 1, static_cast<int>(std::ceil((block.x1 - m_plot.left()) * m_ratio))));
    if (c0 >= c1 || m_height <= 0)
        return;
    const auto heights = stack(block, m_height);
    int y = m_top + m_height; // the bottom, exclusive
    for (std::uint32_t bits = block.keys; bits != 0; bits &= bits - 1) {
        const auto k = static_cast<std::size_t>(std::countr_zero(bits));
        const int h = heights[k];
        if (h <= 0)
            continue;
        const Tile &look = (*m_palette)[k];
        for (int row = std::max(y - h, 0); row < std::min(y, m_rows); ++row) {
            auto *line = reinterpret_cast<QRgb *>(m_bits + static_cast<std::ptrdiff_t>(row) * m_stride);
            // The tiles line up with the device's brush origin, as a wide bar's hatch does.
            const QRgb *pattern = look.data() + ((row + m_originY) & 7) * 8;
            for (int c = c0; c < c1; ++c)
                line[c] = pattern[(c + m_originX) & 7];
        }
        y -= h;
    }
    m_dirtyTop = std::min(m_dirtyTop, std::max(y, 0));
    m_dirtyBottom = std::max(m_dirtyBottom, std::min(m_top + m_height, m_rows));
}

void ColumnImage::paint(QPainter &painter)
{
    if (m_dirtyBottom <= m_dirtyTop)
        return;
    // Only the band of rows written, then cleared for the next frame.
    const QRect band(0, m_dirtyTop, m_image.width(), m_dirtyBottom - m_dirtyTop);
    const QRectF target(m_plot.left(), m_plot.top() + band.top() / m_ratio, m_image.width() / m_ratio,
                        band.height() / m_ratio);
    painter.drawImage(target, m_image, band);
    std::fill_n(m_bits + static_cast<std::ptrdiff_t>(band.top()) * m_stride,
                static_cast<std::ptrdiff_t>(band.height()) * m_stride, uchar{0});
    m_dirtyTop = std::numeric_limits<int>::max();
    m_dirtyBottom = 0;
}

} // namespace mtlab
