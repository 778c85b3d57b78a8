#include "helperexecutable.h"

namespace mtlab {

std::string_view installedHelperDirectory() noexcept
{
    return MTLAB_INSTALLED_HELPER_DIR; // from GNUInstallDirs, set by the build
}

std::filesystem::path findHelper(const std::filesystem::path &programDir, std::string_view name)
{
    const std::filesystem::path beside = programDir / name;
    const std::filesystem::path installed =
        (programDir / installedHelperDirectory() / name).lexically_normal();
    std::error_code error;
    if (!std::filesystem::exists(beside, error) && std::filesystem::exists(installed, error))
        return installed;
    return beside;
}

std::string helperExecutable(std::string_view name)
{
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    return findHelper(self.parent_path(), name).string();
}

} // namespace mtlab
