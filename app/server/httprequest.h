#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mtlab {

struct HttpRequest {
    std::string method;
    std::string target;
    bool keepAlive = true;
    // This server never reads request bodies, so after one it could not find the next request.
    bool hasBody = false;

    // Parses a request head (request line and headers, up to the blank line); nullopt if malformed.
    static std::optional<HttpRequest> parse(std::string_view head);
};

} // namespace mtlab
