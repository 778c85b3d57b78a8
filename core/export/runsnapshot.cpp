#include "runsnapshot.h"

#include "jsonwriter.h"
#include "runner.h"

namespace mtlab {

namespace {

void writeTasks(JsonWriter &json, const std::vector<std::int32_t> &tasks)
{
    json.raw("[");
    for (std::size_t i = 0; i < tasks.size(); ++i)
        json.raw(i ? "," : "").number(tasks[i]);
    json.raw("]");
}

} // namespace

SnapshotIndex snapshotIndexOf(const RunResult &run)
{
    // Only threads share one interpreter; each process and the one-threaded strategies have it alone.
    const Experiment &e = run.experiment;
    return SnapshotIndex(run.trace, e.gil && e.strategy == StrategyKind::Threads);
}

void writeSnapshotJson(JsonWriter &json, const Snapshot &snapshot)
{
    json.raw("{").key("at_ms").fixed(static_cast<double>(snapshot.at) / 1e6, 3);
    json.raw(",").key("running");
    writeTasks(json, snapshot.running);
    json.raw(",").key("ready");
    writeTasks(json, snapshot.ready);
    json.raw(",").key("waiting").raw("[");
    for (std::size_t i = 0; i < snapshot.waiting.size(); ++i) {
        json.raw(i ? ",{" : "{").key("task").number(snapshot.waiting[i].task);
        json.raw(",").key("for").string(waitForName(snapshot.waiting[i].what)).raw("}");
    }
    json.raw("],").key("queued");
    writeTasks(json, snapshot.queued);
    json.raw(",").key("done").number(snapshot.done);
    if (snapshot.interpreterLock) {
        json.raw(",").key("lock").raw("{").key("holder");
        if (snapshot.lockHolder >= 0)
            json.number(snapshot.lockHolder);
        else
            json.raw("null");
        json.raw(",").key("waiters");
        writeTasks(json, snapshot.lockWaiters);
        json.raw("}");
    }
    json.raw("}");
}

} // namespace mtlab
