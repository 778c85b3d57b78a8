#pragma once

#include "span.h"

#include <QBrush>
#include <QColor>
#include <QString>

class QPainter;
class QRectF;

namespace mtlab {

// How each kind of span looks, shared by the timeline, its legend and any chart that wants the
// same colours. One style per State, with io-wait split by IoPhase. The colours come from the
// Okabe–Ito palette (safe for colour-blind viewers) and greys; the waiting styles (ready, queued,
// io-wait, lock-wait, idle) are also hatched, each with its own pattern, so that a black-and-white printout
// or a washed-out projector still tells waiting from computing.
class StatePalette
{
public:
    // State::IoWait is replaced by one style per IoPhase.
    static constexpr int StyleCount = StateCount - 1 + IoPhaseCount;

    struct Style {
        QColor fill;
        QColor hatchColor;
        Qt::BrushStyle hatch = Qt::NoBrush; // NoBrush: solid, not a waiting state
        QString name;                       // for legends: "computing (cpu)"
    };

    // Styles are numbered in legend order: computing first, then the waiting kinds, then the rest.
    static constexpr int styleIndex(State state, IoPhase phase = IoPhase::None) noexcept
    {
        // Inline: the timeline asks once per span it draws.
        switch (state) {
        case State::Cpu:
            return 0;
        case State::Ready:
            return 1;
        case State::IoWait:
            return phase == IoPhase::None ? 7 : 1 + static_cast<int>(phase); // dns 2 .. transfer 6
        case State::LockWait:
            return 8;
        case State::Queued:
            return 9;
        case State::Idle:
            return 10;
        case State::Spawn:
            return 11;
        case State::Ipc:
            return 12;
        case State::Failed:
            return 13;
        case State::Race:
            return 14;
        }
        return 0;
    }
    static const Style &style(int index);
    static const Style &style(State state, IoPhase phase = IoPhase::None);
    static QString name(State state, IoPhase phase = IoPhase::None);
    // A word or two for a compact legend (presentation mode): "computing", "lock wait".
    static QString shortName(int index);
    static bool isWaiting(State state) noexcept;
    static QBrush hatchBrush(int index);
    // A legend swatch: fill, hatch and a thin outline.
    static void paintSwatch(QPainter &painter, const QRectF &rect, int index);
};

} // namespace mtlab
