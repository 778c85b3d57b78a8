#pragma once

#include "workload.h"

#include <cstdint>

namespace mtlab {

// sum(i*i for i in range(n)) over [from, to), computed one term at a time. The loop is kept
// opaque to the optimiser, which would otherwise fold it into a closed form or vectorise it
// away: the point is that the work really runs.
u128 sumOfSquares(std::uint64_t from, std::uint64_t to) noexcept;
// The same sum by formula, (n-1)n(2n-1)/6, to check the loop against.
u128 sumOfSquaresClosedForm(std::uint64_t n) noexcept;

// The article's CPU-bound workload: task i computes the sum of squares below firstN + i.
class CpuWorkload final : public Workload
{
public:
    CpuWorkload(int tasks, std::uint64_t firstN);

    int taskCount() const override { return m_tasks; }
    TaskOutcome run(int task, WorkerContext &context) override;

    // Terms summed between checks for cancellation, interpreter-lock hand-over and whether the
    // thread's CPU clock is due for a reading (~25 µs).
    static constexpr std::uint64_t ChunkTerms = 1u << 16;

private:
    int m_tasks;
    std::uint64_t m_firstN;
};

} // namespace mtlab
