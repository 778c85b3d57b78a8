#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace mtlab {

// Time <-> pixel mapping of a timeline: plain arithmetic, tested without a window. Times are ns
// relative to a run's start; x is in pixels from the left edge of the plotting area.
struct TimeScale {
    double startNs = 0.0;    // the time at x = 0
    double nsPerPixel = 1e6; // 1 ms a pixel

    static constexpr double MinNsPerPixel = 1.0;  // deepest zoom: 1 ns a pixel
    static constexpr double MaxNsPerPixel = 1e10; // 10 s a pixel
    // Room left after a run's end when zoomed out or panned to it, so that its last span and its
    // ideal marker stand clear of the edge (the share of the run's length).
    static constexpr double EndMargin = 0.05;

    double x(double ns) const noexcept { return (ns - startNs) / nsPerPixel; }
    double ns(double x) const noexcept { return startNs + x * nsPerPixel; }
    double endNs(double width) const noexcept { return ns(width); }

    // Shows [fromNs, toNs] across width pixels.
    void fit(double fromNs, double toNs, double width) noexcept
    {
        const double span = std::max(toNs - fromNs, 1.0);
        nsPerPixel = std::clamp(span / std::max(width, 1.0), MinNsPerPixel, MaxNsPerPixel);
        startNs = fromNs;
    }
    // Zooms by factor (> 1 zooms in) keeping the time under pixel x where it is.
    void zoomAround(double x, double factor) noexcept
    {
        const double anchor = ns(x);
        nsPerPixel = std::clamp(nsPerPixel / factor, MinNsPerPixel, MaxNsPerPixel);
        startNs = anchor - x * nsPerPixel;
    }
    // Moves the view by dx pixels (dragging right shows earlier times).
    void pan(double dx) noexcept { startNs -= dx * nsPerPixel; }
    // Keeps the view on a run of endNs across width pixels: nothing before 0 (where every run
    // starts), nothing past the run's end and its margin; zooming out stops at the whole run.
    void clampTo(double endNs, double width) noexcept
    {
        width = std::max(width, 1.0);
        const double last = std::max(endNs, 0.0) * (1 + EndMargin);
        const double widest = std::clamp(last / width, MinNsPerPixel, MaxNsPerPixel);
        nsPerPixel = std::clamp(nsPerPixel, MinNsPerPixel, widest);
        startNs = std::clamp(startNs, 0.0, std::max(0.0, last - nsPerPixel * width));
    }
    // The 1-2-5 step (ns) between axis ticks that leaves at least minPixels between them.
    static double tickStep(double nsPerPixel, double minPixels) noexcept
    {
        const double raw = std::max(nsPerPixel * minPixels, 1.0);
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        for (const double m : {1.0, 2.0, 5.0})
            if (m * magnitude >= raw * (1 - 1e-12))
                return m * magnitude;
        return 10 * magnitude;
    }
};

} // namespace mtlab
