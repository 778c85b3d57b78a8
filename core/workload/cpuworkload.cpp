#include "cpuworkload.h"

#include "clock.h"
#include "interpreterlock.h"
#include "recorder.h"

#include <algorithm>

namespace mtlab {

u128 sumOfSquares(std::uint64_t from, std::uint64_t to) noexcept
{
    u128 sum = 0;
    for (std::uint64_t i = from; i < to; ++i) {
        std::uint64_t term = i;
        asm volatile("" : "+r"(term)); // hide the induction variable from the optimiser
        sum += static_cast<u128>(term * term);
    }
    return sum;
}

u128 sumOfSquaresClosedForm(std::uint64_t n) noexcept
{
    if (n == 0)
        return 0;
    const u128 m = n - 1; // sum of i^2 for i in [0, m]
    return m * (m + 1) * (2 * m + 1) / 6;
}

CpuWorkload::CpuWorkload(int tasks, std::uint64_t firstN)
    : m_tasks(tasks)
    , m_firstN(firstN)
{
}

TaskOutcome CpuWorkload::run(int task, WorkerContext &context)
{
    const std::uint64_t n = m_firstN + static_cast<std::uint64_t>(task);
    Recorder &recorder = context.recorder;
    InterpreterLockGuard guard(context.gil, recorder, task);

    TaskOutcome outcome;
    std::int64_t cpuBegin = nowNs();
    for (std::uint64_t i = 0; i < n;) {
        const std::uint64_t end = std::min(n, i + ChunkTerms);
        outcome.value += sumOfSquares(i, end);
        i = end;
        if (context.stop.stop_requested()) {
            const std::int64_t now = nowNs();
            recorder.record(State::Cpu, task, cpuBegin, now);
            recorder.record(State::Failed, task, now, now, IoPhase::None, recorder.detail("cancelled"));
            return TaskOutcome::failure("cancelled");
        }
        if (context.gil && context.gil->switchDue()) {
            recorder.record(State::Cpu, task, cpuBegin, nowNs());
            context.gil->yield(recorder, task);
            cpuBegin = nowNs();
        }
    }
    recorder.record(State::Cpu, task, cpuBegin, nowNs());
    return outcome;
}

} // namespace mtlab
