#include "cpuworkload.h"

#include "clock.h"
#include "cpusampler.h"
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
    const std::int64_t start = context.laneEnd > 0 ? context.laneEnd : nowNs();
    InterpreterLockGuard guard(context.gil, recorder, task, start);
    CpuSampler sampler(recorder, task);
    sampler.begin(guard.acquired(), threadCpuNs());

    TaskOutcome outcome;
    for (std::uint64_t i = 0; i < n;) {
        const std::uint64_t end = std::min(n, i + ChunkTerms);
        outcome.value += sumOfSquares(i, end);
        i = end;
        const std::int64_t now = nowNs();
        if (context.stop.stop_requested()) {
            sampler.end(now, threadCpuNs());
            recorder.record(State::Failed, task, now, now, IoPhase::None, recorder.detail("cancelled"));
            context.laneEnd = now;
            return TaskOutcome::failure("cancelled");
        }
        if (context.gil && context.gil->switchDue(now)) {
            // The lock-wait starts where computing stopped and computing resumes where it ended.
            sampler.end(now, threadCpuNs());
            sampler.begin(context.gil->yield(recorder, task, now), threadCpuNs());
        } else if (sampler.chunkDone(now)) {
            sampler.sample(now, threadCpuNs());
        }
    }
    // The CPU clock first, so that the task's CPU time never exceeds its wall time.
    const std::int64_t cpu = threadCpuNs();
    const std::int64_t now = nowNs();
    sampler.end(now, cpu);
    context.laneEnd = now;
    outcome.cpuNs = sampler.cpuNs();
    return outcome;
}

} // namespace mtlab
