#pragma once

#include <QString>

namespace mtlab {

// How a timeline is drawn (on screen or in a picture): what the layout and the renderer both read.
struct TimelineOptions {
    QString title; // drawn above everything when not empty (exports)
    bool legend = true;
    double fontScale = 1.0; // larger type for slides
    // Presentation: the sub-lanes' labels, the axis and the legend as large as the lane labels,
    // so that the smallest text on the screen is the body text.
    bool uniformText = false;
    bool compactLegend = false;  // a word per state, so the legend takes one or two lines
    int rowHeight = 22;          // px per lane row
    int labelWidth = 190;        // px for lane labels on the left
    int scrollY = 0;             // px of rows scrolled out of view at the top
    double selectionFromNs = -1; // a selected range to shade, -1 when none
    double selectionToNs = -1;
    int noteGroup = -1; // the selected note (group, index in its notes), drawn highlighted
    int noteIndex = -1;
    // Fit the rows to the target's height: with room to spare they grow (up to maxRowGrowth) and the
    // legend follows right under them; short of room the async sub-lanes shrink (down to
    // minSubRowHeight px, then the view scrolls); with minSubRowHeight <= 0 worker rows shrink
    // too and everything fits, as pictures want.
    bool fitHeight = false;
    double minSubRowHeight = 0.0;
    double maxRowGrowth = 1.8; // how much fitHeight may thicken rows when there is room
};

} // namespace mtlab
