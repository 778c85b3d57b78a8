#pragma once

#include <string_view>
#include <vector>

namespace mtlab {

// `multitask-lab presets [--ids]`: the built-in presets, one a line: the name, a tab and the
// description (with --ids the id and a tab come first), in the system's language (the id and the
// English name are what --preset takes). Needs no display.
int presetsCommand(const std::vector<std::string_view> &args);

} // namespace mtlab
