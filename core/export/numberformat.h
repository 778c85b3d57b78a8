#pragma once

#include <string>

namespace mtlab {

// How numbers read wherever a person sees them (table, tooltips, headers, charts), so the command
// line and the window say the same thing the same way.

// "412.3 ms", "1.532 s", "85.21 µs": four significant digits, whole nanoseconds at the bottom.
std::string formatDuration(double ns);
// An axis label for a tick at ns, with as many decimals as the step between ticks needs:
// "0 ms", "250 ms", "1.5 s".
std::string formatTick(double ns, double stepNs);
// A speedup with the precision it deserves: "83×", "4.98×", "1.1×", "0.97×" (three significant
// digits below 10, trailing zeros dropped; whole numbers from 10 on).
std::string formatSpeedup(double speedup);

} // namespace mtlab
