#pragma once

#include "timelinerenderer.h"

#include <QString>

namespace mtlab {

class TimelineModel;

// What hovering a timeline says: for a span its task, lane, state and duration, the time that
// task spent in each state and network phase, and why it failed; for a queue lane how many tasks
// wait; for a group header its run. Rich text, built from a renderer hit.
class TimelineToolTip
{
public:
    static QString text(const TimelineModel &model, const TimelineRenderer::Hit &hit);
    // How to drive the view, shown over the axis and as What's This.
    static QString help();
};

} // namespace mtlab
