#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mtlab {

// Columns of a table for a terminal, whatever the language: a terminal gives Hangul (and the other
// East Asian wide characters) two columns, combining marks none and the rest one, while printf
// pads by bytes (three for each Hangul syllable in UTF-8, two for "×").

// How many terminal columns UTF-8 text takes.
std::size_t displayWidth(std::string_view utf8);
// Text padded with spaces to at least that many columns, on the left (numbers) or the right (words).
std::string padLeft(std::string_view utf8, std::size_t columns);
std::string padRight(std::string_view utf8, std::size_t columns);

} // namespace mtlab
