#include "labelpalette.h"

#include <array>
#include <cstdint>

namespace mtlab {

int LabelPalette::key(std::string_view label) noexcept
{
    // FNV-1a: the same on every machine and every run, unlike std::hash.
    std::uint32_t hash = 2166136261u;
    for (const char c : label)
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return static_cast<int>(hash % Colours);
}

QColor LabelPalette::colour(int key)
{
    // Hues a step of 24° apart, lightness alternating, so that neighbours in the set differ; mid
    // saturation keeps them apart from the states' strong colours.
    static const std::array<QColor, Keys> colours = [] {
        std::array<QColor, Keys> c;
        for (int k = 0; k < Colours; ++k)
            c[static_cast<std::size_t>(k)] = QColor::fromHsl((k * 7 * 24) % 360, 120, k % 2 ? 150 : 120);
        c[Neutral] = QColor(0x9A, 0xA0, 0xA8);
        return c;
    }();
    return colours[static_cast<std::size_t>(key < 0 || key >= Keys ? Neutral : key)];
}

} // namespace mtlab
