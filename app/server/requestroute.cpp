#include "requestroute.h"

#include "serveroptions.h"

#include <algorithm>

namespace mtlab {

std::optional<RequestRoute> RequestRoute::parse(std::string_view target)
{
    std::string_view path = target.substr(0, target.find('?'));
    const auto nextSegment = [&path] {
        path.remove_prefix(std::min(path.find_first_not_of('/'), path.size()));
        const auto segment = path.substr(0, path.find('/'));
        path.remove_prefix(segment.size());
        return segment;
    };

    RequestRoute route;
    for (auto key = nextSegment(); !key.empty(); key = nextSegment()) {
        if (key != "status" && key != "size" && key != "delay")
            continue;
        const auto value = nextSegment();
        if (key == "status") {
            const auto code = parseUnsigned(value, 599);
            if (!code || *code < 200)
                return std::nullopt;
            route.status = static_cast<int>(*code);
        } else if (key == "size") {
            const auto kb = parseUnsigned(value, kMaxSizeKb);
            if (!kb)
                return std::nullopt;
            route.bodyBytes = *kb * 1024;
        } else {
            const auto ms = parseUnsigned(value, kMaxDelayMs);
            if (!ms)
                return std::nullopt;
            route.delay = std::chrono::milliseconds(*ms);
        }
    }
    return route;
}

} // namespace mtlab
