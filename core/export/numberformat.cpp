#include "numberformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mtlab {

namespace {

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// "1.50" -> "1.5", "2.00" -> "2"; a number without a decimal point stays as it is.
std::string trimZeros(std::string text)
{
    if (text.find('.') == std::string::npos)
        return text;
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text;
}

struct Unit {
    double ns;
    const char *name;
};
constexpr Unit Units[] = {{1e9, "s"}, {1e6, "ms"}, {1e3, "\u00b5s"}, {1, "ns"}};

} // namespace

std::string formatDuration(double ns)
{
    const double magnitude = std::abs(ns);
    for (const Unit &unit : Units) {
        if (magnitude < unit.ns && unit.ns > 1)
            continue;
        const double value = ns / unit.ns;
        const int digits = std::abs(value) >= 1
            ? static_cast<int>(std::floor(std::log10(std::abs(value)))) + 1
            : 1;
        const int decimals = unit.ns > 1 ? std::clamp(4 - digits, 0, 3) : 0;
        return fixed(value, decimals) + ' ' + unit.name;
    }
    return {};
}

std::string formatTick(double ns, double stepNs)
{
    const bool zero = std::abs(ns) < stepNs / 2;
    const double magnitude = zero ? stepNs : std::abs(ns);
    const Unit &unit = *std::find_if(std::begin(Units), std::end(Units),
                                     [&](const Unit &u) { return magnitude >= u.ns || u.ns == 1; });
    if (zero)
        return std::string("0 ") + unit.name;
    const int decimals = std::max(0, static_cast<int>(std::ceil(std::log10(unit.ns / stepNs) - 1e-9)));
    return trimZeros(fixed(ns / unit.ns, decimals)) + ' ' + unit.name;
}

std::string formatSpeedup(double speedup)
{
    if (!(speedup > 0) || !std::isfinite(speedup))
        return "-";
    if (speedup >= 9.995)
        return fixed(speedup, 0) + "\u00d7";
    const int digits = speedup >= 1 ? static_cast<int>(std::floor(std::log10(speedup))) + 1
                                    : -static_cast<int>(std::floor(std::log10(speedup))) + 1;
    const int decimals = speedup >= 1 ? 3 - digits : digits;
    return trimZeros(fixed(speedup, std::clamp(decimals, 0, 6))) + "\u00d7";
}

} // namespace mtlab
