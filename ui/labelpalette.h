#pragma once

#include <QColor>

#include <string_view>

namespace mtlab {

// Colours for the spans of an imported trace that are none of our states (Span::label): each name
// gets one of a fixed set of colours by a stable hash of its text, so a function keeps its colour
// from one file and one session to the next. The last key is a neutral grey, for our states'
// spans folded among them when zoomed out.
class LabelPalette
{
public:
    static constexpr int Colours = 15;
    static constexpr int Keys = Colours + 1; // fits ColumnFolder::Keys
    static constexpr int Neutral = Colours;

    static int key(std::string_view label) noexcept;
    static QColor colour(int key);
};

} // namespace mtlab
