#include "presetscommand.h"
#include "pythoncommand.h"
#include "rendercommand.h"
#include "runcommand.h"
#include "windowcommand.h"

#include <string_view>
#include <vector>

// `run`, `python`, `render` and `presets` work without a display (no QApplication); anything else opens the
// window.
int main(int argc, char *argv[])
{
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const std::vector<std::string_view> rest(args.empty() ? args.end() : args.begin() + 1, args.end());
    if (!args.empty() && args.front() == "run")
        return mtlab::runCommand(rest);
    if (!args.empty() && args.front() == "python")
        return mtlab::pythonCommand(rest);
    if (!args.empty() && args.front() == "render")
        return mtlab::renderCommand(rest);
    if (!args.empty() && args.front() == "presets")
        return mtlab::presetsCommand(rest);
    return mtlab::windowCommand(argc, argv, args);
}
