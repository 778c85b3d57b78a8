#pragma once

#include <QPointF>
#include <QString>

#include <cstdint>

namespace mtlab {

// A teacher's note on a run's timeline: a moment on a lane and a few words, drawn as a callout
// with an arrow to that moment. A plain value kept with the run in the run list (RunList::Entry),
// so that it can be saved and opened with the run; the timeline mirrors it for drawing.
struct Annotation {
    std::int64_t atNs = 0; // from the run's start
    // The lane as the engine names it ("thread 3", "event loop"), or a derived row's key
    // (AnnotationLayout::laneKey): the same in every language.
    QString lane;
    QString text;
    // Where the callout was dragged to, in pixels at text scale 1 from where it goes by itself
    // (above the lane, or below near the top); (0, 0) leaves it there.
    QPointF offset;

    friend bool operator==(const Annotation &a, const Annotation &b) = default;
};

} // namespace mtlab
