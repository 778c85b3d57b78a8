#include "curlversion.h"

#include <curl/curl.h>

namespace mtlab {

std::string libcurlVersion()
{
    // The library loaded at run time, not the headers built against.
    return curl_version_info(CURLVERSION_NOW)->version;
}

} // namespace mtlab
