#include "shapebatches.h"

#include <algorithm>

namespace mtlab {

void ShapeBatches::clear()
{
    for (Batch &batch : m_batches)
        batch.clear();
    m_shapes = 0;
    m_last = false;
}

void ShapeBatches::beginRow(double top, double height, bool separateTasks)
{
    m_top = top;
    m_height = height;
    m_separateTasks = separateTasks;
    m_last = false;
}

void ShapeBatches::push(double x0, double x1, double top, double height, int key)
{
    m_batches[static_cast<std::size_t>(key)].emplace_back(x0, top, x1 - x0, height);
    ++m_shapes;
}

void ShapeBatches::span(double x0, double x1, int key, std::int32_t task)
{
    x1 = std::max(x1, x0 + 1);
    const bool touching = m_last && key == m_lastKey && x0 <= m_lastRight + 0.5;
    // Only where two tasks in one state meet: between states the colour change is the border,
    // and a white line there would read as a moment in no state at all.
    if (touching && m_separateTasks && task != m_lastTask && m_lastRight - m_lastLeft >= 5)
        m_batches[static_cast<std::size_t>(key)].back().setRight(m_lastRight - 1);
    push(x0, x1, m_top, m_height, key);
    m_last = true;
    m_lastKey = key;
    m_lastTask = task;
    m_lastLeft = x0;
    m_lastRight = x1;
}

} // namespace mtlab
