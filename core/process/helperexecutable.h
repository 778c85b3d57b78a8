#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace mtlab {

// The program's helpers (the workers, the embedded server) live beside the main executable in the
// build tree, and in libexec/multitask-lab/ once installed, where Debian puts programs that only
// other programs start. Both are found from the main executable's own location, so neither PATH
// nor the install prefix matters.

// The installed helpers' folder relative to the installed main executable's ("../libexec/multitask-lab").
std::string_view installedHelperDirectory() noexcept;

// The helper `name` of a main executable in `programDir`: beside it, else in the installed helper
// folder, else (neither exists) beside it, the path an error message then names.
std::filesystem::path findHelper(const std::filesystem::path &programDir, std::string_view name);

// The helper `name` of the running executable.
std::string helperExecutable(std::string_view name);

} // namespace mtlab
