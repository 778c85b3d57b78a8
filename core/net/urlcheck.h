#pragma once

#include <string>

namespace mtlab {

// Whether a URL given to download from can ever work: an http or https URL with a host and, if
// it names one, a port from 1 to 65535, as libcurl's own URL parser reads it. Anything else
// (file://, ftp://, a bare word, http://, port 99999) would only make every task fail, so it is
// refused up front as a bad argument. One line saying why, empty if fine.
std::string checkDownloadUrl(const std::string &url);

} // namespace mtlab
