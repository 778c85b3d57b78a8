#pragma once

#include "runner.h"

#include <utility>
#include <vector>

namespace mtlab {

// A small real run of the CPU workload (a few ms), for tests that need measured spans.
inline RunResult runCpu(StrategyKind strategy, int tasks)
{
    Experiment e;
    e.workload = WorkloadKind::Cpu;
    e.strategy = strategy;
    e.tasks = tasks;
    e.n = 200'000;
    return Runner(e).run();
}

// A finished run made up rather than measured, so that pictures and charts can be checked
// against exact times: N tasks of taskNs each on W workers, task i on worker i % W in round
// i / W, every span in `state`. Async runs get the loop lane plus one sub-lane per task.
inline RunResult syntheticRun(StrategyKind strategy, int workers, int tasks, std::int64_t taskNs,
                              State state = State::Cpu, WorkloadKind workload = WorkloadKind::Cpu)
{
    constexpr std::int64_t Origin = 1'000'000'000;
    RunResult run;
    run.experiment.workload = workload;
    run.experiment.strategy = strategy;
    run.experiment.tasks = tasks;
    run.experiment.workers = workers;
    const bool async = strategy == StrategyKind::Async;
    const int lanes = async ? tasks + 1 : workers;
    std::vector<Lane> laneList;
    for (int i = 0; i < lanes; ++i) {
        Lane lane;
        lane.id = i;
        lane.kind = async ? (i == 0 ? LaneKind::EventLoop : LaneKind::AsyncTask) : LaneKind::PoolThread;
        lane.name = async && i > 0 ? "task " + std::to_string(i) : "worker " + std::to_string(i + 1);
        lane.parent = async && i > 0 ? 0 : -1;
        lane.sortIndex = i;
        laneList.push_back(std::move(lane));
    }
    std::vector<Span> spans;
    std::vector<TaskRecord> records;
    const int parallel = async ? tasks : workers;
    for (int task = 0; task < tasks; ++task) {
        const std::int64_t begin = Origin + (task / parallel) * taskNs;
        const std::int32_t lane = async ? task + 1 : task % workers;
        spans.push_back(Span{.begin = begin,
                             .end = begin + taskNs,
                             .lane = lane,
                             .task = task,
                             .state = state,
                             .phase = state == State::IoWait ? IoPhase::Wait : IoPhase::None});
        records.push_back(TaskRecord{task, lane, true, false, 1, 0, {}});
    }
    run.wallNs = (tasks + parallel - 1) / parallel * taskNs;
    run.ok = tasks;
    run.trace = Trace(std::move(laneList), std::move(spans), {}, std::move(records), Origin);
    return run;
}

// A made-up thread pool under the interpreter lock: `threads` threads, one task each, taking turns
// in slices of sliceNs: in slice k thread k % threads computes and the others wait for the lock.
inline RunResult syntheticGilRun(int threads, int slices, std::int64_t sliceNs)
{
    constexpr std::int64_t Origin = 1'000'000'000;
    RunResult run;
    run.experiment.workload = WorkloadKind::Cpu;
    run.experiment.strategy = StrategyKind::Threads;
    run.experiment.gil = true;
    run.experiment.tasks = threads;
    run.experiment.workers = threads;
    run.cores = 2;
    std::vector<Lane> lanes;
    std::vector<Span> spans;
    std::vector<TaskRecord> records;
    for (int t = 0; t < threads; ++t) {
        Lane lane;
        lane.id = t;
        lane.kind = LaneKind::PoolThread;
        lane.name = "thread " + std::to_string(t + 1);
        lane.sortIndex = t;
        lanes.push_back(std::move(lane));
        records.push_back(TaskRecord{t, t, true, false, 1, 0, {}});
    }
    for (int k = 0; k < slices; ++k)
        for (int t = 0; t < threads; ++t)
            spans.push_back(Span{.begin = Origin + k * sliceNs,
                                 .end = Origin + (k + 1) * sliceNs,
                                 .lane = t,
                                 .task = t,
                                 .state = k % threads == t ? State::Cpu : State::LockWait});
    run.wallNs = slices * sliceNs;
    run.ok = threads;
    run.trace = Trace(std::move(lanes), std::move(spans), {}, std::move(records), Origin);
    return run;
}

} // namespace mtlab
