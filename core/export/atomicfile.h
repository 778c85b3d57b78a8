#pragma once

#include <string>
#include <string_view>

namespace mtlab {

// Writes a whole file or nothing: the data goes to a temporary file beside the target, which is
// renamed over it only once complete. Returns an error message, empty on success.
std::string writeFileAtomically(const std::string &path, std::string_view data);

// Whether a file could be written at path (its folder exists and is writable); an error message,
// empty if fine. Lets a command refuse an unwritable output before spending time on a run.
std::string checkWritable(const std::string &path);

} // namespace mtlab
