#include "chrometrace.h"

#include "decimal.h"
#include "jsonwriter.h"
#include "runner.h"

namespace mtlab {

namespace {

// Opens each event of the traceEvents array, with the comma the previous one needs.
class EventList
{
public:
    explicit EventList(JsonWriter &json)
        : m_json(json)
    {
    }
    JsonWriter &next()
    {
        m_json.raw(m_first ? "\n{" : ",\n{");
        m_first = false;
        return m_json;
    }

private:
    JsonWriter &m_json;
    bool m_first = true;
};

void metadata(EventList &events, std::string_view name, int pid, int tid, std::string_view argKey,
              auto &&argValue)
{
    JsonWriter &json = events.next();
    json.key("name").string(name).raw(",").key("ph").string("M").raw(",");
    json.key("pid").number(pid);
    if (tid >= 0)
        json.raw(",").key("tid").number(tid);
    json.raw(",").key("args").raw("{").key(argKey);
    argValue(json);
    json.raw("}}");
}

void writeRun(EventList &events, const RunResult &run, int pid)
{
    const Trace &trace = run.trace;
    metadata(events, "process_name", pid, -1, "name",
             [&](JsonWriter &j) { j.string(runLabel(run.experiment)); });
    metadata(events, "process_sort_index", pid, -1, "sort_index", [&](JsonWriter &j) { j.number(pid); });
    for (const Lane &lane : trace.lanes()) {
        const int tid = lane.id + 1;
        // The kind and the parent let the file read back as the same rows (core/import); viewers
        // ignore them.
        metadata(events, "thread_name", pid, tid, "name", [&](JsonWriter &j) {
            j.string(lane.name).raw(",").key("kind").string(laneKindName(lane.kind));
            if (lane.parent >= 0)
                j.raw(",").key("parent_tid").number(lane.parent + 1);
        });
        metadata(events, "thread_sort_index", pid, tid, "sort_index",
                 [&](JsonWriter &j) { j.number(lane.id); });
    }
    const std::vector<TaskRecord> &tasks = trace.tasks();
    auto recordOf = [&](std::int32_t task) -> const TaskRecord * {
        // tasks() is sorted by task id, and ids are dense from 0, so this is usually a direct hit.
        if (task >= 0 && static_cast<std::size_t>(task) < tasks.size() && tasks[task].task == task)
            return &tasks[task];
        for (const TaskRecord &r : tasks)
            if (r.task == task)
                return &r;
        return nullptr;
    };
    for (const Span &span : trace.spans()) {
        JsonWriter &json = events.next();
        json.key("name").string(span.label >= 0
                                    ? std::string_view(trace.labels()[static_cast<std::size_t>(span.label)])
                                    : stateName(span.state));
        json.raw(",").key("cat").string(span.state == State::IoWait ? ioPhaseName(span.phase)
                                                                    : stateName(span.state));
        json.raw(",").key("ph").string("X");
        json.raw(",").key("ts").fixed(static_cast<double>(span.begin - trace.origin()) / 1000.0, 3);
        json.raw(",").key("dur").fixed(static_cast<double>(span.duration()) / 1000.0, 3);
        json.raw(",").key("pid").number(pid);
        json.raw(",").key("tid").number(span.lane + 1);
        json.raw(",").key("args").raw("{").key("task").number(span.task);
        if (span.phase != IoPhase::None)
            json.raw(",").key("phase").string(ioPhaseName(span.phase));
        if (span.detail >= 0)
            json.raw(",").key("detail").string(trace.detail(span.detail));
        if (const TaskRecord *record = recordOf(span.task)) {
            if (record->ok && run.experiment.workload == WorkloadKind::Cpu)
                json.raw(",").key("result").string(toDecimal(record->value));
            else if (record->ok)
                json.raw(",").key("result").number(record->bytes);
            else
                json.raw(",").key("error").string(record->error);
            if (record->cpuNs > 0)
                json.raw(",").key("task_cpu_ms").fixed(static_cast<double>(record->cpuNs) / 1e6, 3);
        }
        json.raw("}}");
    }
}

} // namespace

std::string chromeTraceJson(const std::vector<const RunResult *> &runs, std::string_view extraMembers)
{
    std::string out;
    out.reserve(1024 + 200 * (runs.empty() ? 0 : runs.front()->trace.spans().size()) * runs.size());
    JsonWriter json(out);
    json.raw("{").key("displayTimeUnit").string("ms").raw(",").key("traceEvents").raw("[");
    EventList events(json);
    int pid = 1;
    for (const RunResult *run : runs)
        writeRun(events, *run, pid++);
    json.raw("\n]");
    if (!extraMembers.empty())
        json.raw(",\n").raw(extraMembers);
    json.raw("}\n");
    return out;
}

} // namespace mtlab
