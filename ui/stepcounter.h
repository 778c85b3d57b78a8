#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace mtlab {

// How many of a set of intervals are open from `at` (absolute ns) until the next step.
struct CountStep {
    std::int64_t at = 0;
    int count = 0;
};

// Counts, over time, how many intervals are open: a step function that grows as a live run's
// intervals arrive. They come roughly in time order, so an update re-sweeps only from the
// earliest new edge on: work in proportion to what changed, not to the whole run.
class StepCounter
{
public:
    void clear();
    void add(std::int64_t begin, std::int64_t end);
    // Folds the intervals added since the last settle() into steps().
    void settle();

    // One step per instant at which the count changes, in time order.
    const std::vector<CountStep> &steps() const noexcept { return m_steps; }
    int max() const noexcept { return m_max; }
    // The count at absolute time t.
    int at(std::int64_t t) const noexcept;
    // The integral of the count from the first step to t (count x ns): the mean over any range
    // in two lookups, so that a zoomed-out frame does not walk every step.
    double integral(double t) const noexcept;

private:
    std::vector<std::pair<std::int64_t, int>> m_edges; // (time, +1 or -1), sorted
    std::vector<std::pair<std::int64_t, int>> m_pending;
    std::vector<CountStep> m_steps;
    std::vector<double> m_integral; // per step, the integral up to its start
    int m_max = 0;                  // adding intervals never lowers a count, so the maximum only grows
};

} // namespace mtlab
