#pragma once

#include "columnfolder.h"

#include <QImage>
#include <QRectF>
#include <QRgb>

#include <array>

class QPainter;

namespace mtlab {

// Paints folded blocks (ColumnFolder) pixel by pixel into one image over the plot, each as a small
// stacked bar of its keys' shares, the first key at the bottom. Zoomed out there are tens of
// thousands of such stacks, each a few pixels: as rectangles they would cost far more than the
// pixels they cover, so they are written straight into the image, drawn once per frame.
class ColumnImage
{
public:
    // Per key, its look as an 8x8 tile (fill and hatch, as the span bars are filled), so that a
    // folded waiting state is hatched like a wide one.
    using Tile = std::array<QRgb, 64>;
    using Palette = std::array<Tile, ColumnFolder::Keys>;
    static const Palette &statePalette();
    static const Palette &threadPalette();
    static const Palette &labelPalette(); // LabelPalette's keys: an imported trace's names

    // Whole pixels per key of a block stacked in px: each key in it keeps at least one, so no
    // state in the column goes unseen, and together they fill px. A row too thin for that shows
    // the dominant key alone.
    static std::array<int, ColumnFolder::Keys> stack(const ColumnFolder::Block &block, int px);

    // A new frame over plot (logical px) on a device of that pixel ratio.
    void begin(const QRectF &plot, double devicePixelRatio);
    // The next blocks fill [top, top + height] with keys drawn from palette.
    void beginRow(double top, double height, const Palette &palette);
    void block(const ColumnFolder::Block &block);
    // Draws what the frame's blocks wrote; nothing when there were none.
    void paint(QPainter &painter);
    int blocks() const noexcept { return m_blocks; }
    const QImage &image() const noexcept { return m_image; }

private:
    QImage m_image;
    QRectF m_plot;
    double m_ratio = 1;
    int m_blocks = 0;
    int m_top = 0; // the row's band, in image pixels
    int m_height = 0;
    uchar *m_bits = nullptr;
    qsizetype m_stride = 0;
    int m_rows = 0;
    int m_originX = 0; // the plot's corner in device pixels, where the hatch tiles start over
    int m_originY = 0;
    int m_dirtyTop = 0; // the rows of pixels written this frame
    int m_dirtyBottom = 0;
    const Palette *m_palette = nullptr;
};

} // namespace mtlab
