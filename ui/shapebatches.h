#pragma once

#include "columnfolder.h"

#include <QRectF>

#include <array>
#include <cstdint>
#include <vector>

namespace mtlab {

// The bars of a frame, gathered per key (a span style, or a thread's colour in the GIL holder
// row) so that each key is filled with one call, and kept between frames to reuse their memory.
// A row's spans wide enough to be drawn on their own are added left to right (folded ones go to
// ColumnImage).
class ShapeBatches
{
public:
    using Batch = std::vector<QRectF>;

    void clear();
    // The next row's bars fill [top, top + height]. separateTasks: a hairline gap between
    // back-to-back spans of one key but different tasks, so that tasks can be told apart.
    void beginRow(double top, double height, bool separateTasks);
    void span(double x0, double x1, int key, std::int32_t task);

    const Batch &batch(int key) const { return m_batches[static_cast<std::size_t>(key)]; }
    // Rectangles added since clear().
    int shapes() const noexcept { return m_shapes; }

private:
    void push(double x0, double x1, double top, double height, int key);

    std::array<Batch, ColumnFolder::Keys> m_batches;
    int m_shapes = 0;
    double m_top = 0;
    double m_height = 0;
    bool m_separateTasks = true;
    // The row's last span, from which the next one of another task may keep a hairline apart.
    bool m_last = false;
    int m_lastKey = -1;
    std::int32_t m_lastTask = -1;
    double m_lastLeft = 0;
    double m_lastRight = 0;
};

} // namespace mtlab
