#include "presetscommand.h"

#include "commandapplication.h"
#include "presets.h"

#include <iostream>

namespace mtlab {

int presetsCommand(const std::vector<std::string_view> &args)
{
    const bool ids = args.size() == 1 && args.front() == "--ids";
    if (!args.empty() && !ids) {
        std::cerr << "multitask-lab presets: unexpected argument '" << args.front() << "' (only --ids)\n";
        return 2;
    }
    const CommandApplication application; // names and descriptions in the system's language
    for (const Preset &preset : builtinPresets()) {
        if (ids)
            std::cout << preset.id.toStdString() << '\t';
        std::cout << preset.shownName().toStdString() << '\t' << preset.shownDescription().toStdString()
                  << '\n';
    }
    return 0;
}

} // namespace mtlab
