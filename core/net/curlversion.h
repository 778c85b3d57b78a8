#pragma once

#include <string>

namespace mtlab {

// The version of the libcurl this program runs with ("7.88.1"), for the About box: net/ is the
// only layer that links libcurl, so the others ask here.
std::string libcurlVersion();

} // namespace mtlab
