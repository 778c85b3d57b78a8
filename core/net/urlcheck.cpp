#include "urlcheck.h"

#include <curl/curl.h>

#include <memory>

namespace mtlab {

namespace {

struct UrlDeleter {
    void operator()(CURLU *url) const { curl_url_cleanup(url); }
};

struct PartDeleter {
    void operator()(char *part) const { curl_free(part); }
};

using Part = std::unique_ptr<char, PartDeleter>;

Part part(CURLU *url, CURLUPart which)
{
    char *text = nullptr;
    curl_url_get(url, which, &text, 0);
    return Part(text);
}

} // namespace

std::string checkDownloadUrl(const std::string &url)
{
    const std::string refused = "cannot download from '" + url + "': ";
    const std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
    if (!parsed)
        return refused + "out of memory";
    // Any scheme is parsed, so that one libcurl was built without (gopher, say) is refused for
    // what it is, rather than as a malformed URL.
    const CURLUcode code = curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME);
    if (code == CURLUE_BAD_SCHEME)
        return refused + "not an http:// or https:// URL";
    if (code == CURLUE_BAD_PORT_NUMBER)
        return refused + "the port must be a number from 1 to 65535";
    if (code != CURLUE_OK)
        return refused + curl_url_strerror(code);
    const Part scheme = part(parsed.get(), CURLUPART_SCHEME);
    const std::string name = scheme ? scheme.get() : "";
    if (name != "http" && name != "https")
        return refused + "only http and https are supported, not " + (name.empty() ? "no scheme" : name);
    if (!part(parsed.get(), CURLUPART_HOST))
        return refused + "it names no host";
    // libcurl takes port 0 (and uses it), but nothing listens there.
    if (const Part port = part(parsed.get(), CURLUPART_PORT); port && std::string(port.get()) == "0")
        return refused + "the port must be a number from 1 to 65535, not 0";
    return {};
}

} // namespace mtlab
