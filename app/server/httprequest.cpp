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

// The next line without its "\r\n" or bare "\n"; nullopt at the end.
std::optional<std::string_view> takeLine(std::string_view &text)
{
    auto line = take(text, "\n");
    if (line && line->ends_with('\r'))
        line->remove_suffix(1);
    return line;
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

HeadScan HeadScan::scan(std::string_view input, std::size_t from)
{
    for (std::size_t i = from; i < input.size(); ++i) {
        // Each check needs up to two bytes after i: without them, resume here once more arrived.
        const auto next = [&](std::size_t ahead) {
            return i + ahead < input.size() ? input[i + ahead] : '\0';
        };
        if (input[i] == '\r') {
            if (i + 1 == input.size())
                return {Result::Incomplete, i};
            if (next(1) != '\n')
                return {Result::StrayCarriageReturn, i};
        } else if (input[i] == '\n') {
            if (next(1) == '\n')
                return {Result::Complete, i + 2};
            if (next(1) == '\r' && next(2) == '\n')
                return {Result::Complete, i + 3};
            if (i + 2 >= input.size() && (i + 1 == input.size() || next(1) == '\r'))
                return {Result::Incomplete, i};
        }
    }
    return {Result::Incomplete, input.size()};
}

std::optional<HttpRequest> HttpRequest::parse(std::string_view head)
{
    if (HeadScan::scan(head, 0).result == HeadScan::Result::StrayCarriageReturn)
        return std::nullopt;
    auto requestLine = takeLine(head);
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
    while (const auto line = takeLine(head)) {
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
