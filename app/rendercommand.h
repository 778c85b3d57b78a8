#pragma once

#include <string_view>
#include <vector>

namespace mtlab {

// `multitask-lab render FILE --png|--svg|--pdf OUT`: draws a saved session or an imported trace
// without a window, as the window's comparison draws it. Exit code 0, 1 when the file cannot be
// read or a picture not written, 2 for bad arguments.
int renderCommand(const std::vector<std::string_view> &args);

} // namespace mtlab
