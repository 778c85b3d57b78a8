#pragma once

#include <string_view>
#include <vector>

namespace mtlab {

// `multitask-lab [--preset NAME] [--run] [--screenshot FILE]`: the window. args are argv after
// the program's name; argc/argv go to QApplication. Exit codes as usageText() says.
int windowCommand(int argc, char *argv[], const std::vector<std::string_view> &args);

} // namespace mtlab
