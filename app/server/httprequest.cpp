#include "httprequest.h"

#include <algorithm>
#include <cctype>

namespace mtlab {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::ranges::equal(
        a, b, [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Splits off the text up to `separator`; nullopt when the separator is missing.
std::optional<std::string_view> take(std::string_view &text, std::string_view separator)
{
    const auto at = text.find(separator);
    if (at == std::string_view::npos)
        return std::nullopt;
    const auto part = text.substr(0, at);
    text.remove_prefix(at + separator.size());
    return part;
}

bool hasToken(std::string_view list, std::string_view token)
{
    for (;;) {
        const auto comma = list.find(',');
        if (equalsIgnoringCase(trimmed(list.substr(0, comma)), token))
            return true;
        if (comma == std::string_view::npos)
            return false;
        list.remove_prefix(comma + 1);
    }
}

} // namespace

std::optional<HttpRequest> HttpRequest::parse(std::string_view head)
{
    auto requestLine = take(head, "\r\n");
    if (!requestLine)
        return std::nullopt;
    const auto method = take(*requestLine, " ");
    const auto target = take(*requestLine, " ");
    const std::string_view version = *requestLine;
    if (!method || method->empty() || !target || !target->starts_with('/'))
        return std::nullopt;
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return std::nullopt;

    HttpRequest request{std::string(*method), std::string(*target), version == "HTTP/1.1", false};
    while (const auto line = take(head, "\r\n")) {
        if (line->empty())
            break;
        auto rest = *line;
        const auto name = take(rest, ":");
        if (!name || name->empty() || name->find_first_of(" \t") != std::string_view::npos)
            return std::nullopt;
        const auto value = trimmed(rest);
        if (equalsIgnoringCase(*name, "Connection")) {
            if (hasToken(value, "close"))
                request.keepAlive = false;
            else if (hasToken(value, "keep-alive"))
                request.keepAlive = true;
        } else if (equalsIgnoringCase(*name, "Transfer-Encoding") ||
                   (equalsIgnoringCase(*name, "Content-Length") && value != "0")) {
            request.hasBody = true;
        }
    }
    return request;
}

} // namespace mtlab
