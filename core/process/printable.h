#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mtlab {

// Up to limit bytes of untrusted input, safe to quote in a one-line message: a newline, tab or
// carriage return as \n, \t, \r, a backslash as \\, any other control or non-ASCII byte as \xNN,
// and "..." when the input was longer. So an error line stays one line and no terminal escape
// sequence from the input reaches the user's terminal.
std::string printable(std::string_view bytes, std::size_t limit = 100);

} // namespace mtlab
