#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mtlab {

// How far a connection's input holds a request head. Lines may end with "\r\n" or, as many
// servers accept, a bare "\n"; a "\r" followed by anything else is malformed (RFC 9112, 2.2),
// and is reported as soon as it arrives rather than waited out.
struct HeadScan {
    enum class Result { Incomplete, Complete, StrayCarriageReturn };
    Result result = Result::Incomplete;
    // Complete: the head's length, blank line included. Incomplete: where the next scan resumes,
    // so bytes trickling in are each looked at a bounded number of times.
    std::size_t position = 0;

    // Scans `input` from `from`, the position an earlier Incomplete scan of it returned (or 0).
    static HeadScan scan(std::string_view input, std::size_t from);
};

struct HttpRequest {
    std::string method;
    std::string target;
    bool keepAlive = true;
    // This server never reads request bodies, so after one it could not find the next request.
    bool hasBody = false;

    // Parses a request head (request line and headers, up to the blank line, lines ended as
    // HeadScan accepts them); nullopt if malformed.
    static std::optional<HttpRequest> parse(std::string_view head);
};

} // namespace mtlab
