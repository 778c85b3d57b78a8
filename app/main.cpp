#include "runcommand.h"

#include <string_view>
#include <vector>

int main(int argc, char *argv[])
{
    std::vector<std::string_view> args(argv + 1, argv + argc);
    if (!args.empty() && args.front() == "run")
        return mtlab::runCommand({args.begin() + 1, args.end()});
    // Until the window exists, the program shows the article's CPU comparison.
    return mtlab::runCommand({"--workload", "cpu", "--strategy", "all"});
}
