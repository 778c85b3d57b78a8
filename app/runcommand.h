#pragma once

#include <string_view>
#include <vector>

namespace mtlab {

// `multitask-lab run ...`: runs an experiment under one or all strategies and prints a table or
// JSON; the exit code is 0 when the runs completed, 1 when nothing could run, 2 for bad arguments.
int runCommand(const std::vector<std::string_view> &args);

} // namespace mtlab
